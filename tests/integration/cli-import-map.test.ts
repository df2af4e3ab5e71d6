import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/archive'
import { TREC_XML } from '../fixtures/import/keeps'

const ROOT = resolve(import.meta.dirname, '..', '..')

function warraq(args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'warraq.mjs'), ...args], {
    encoding: 'utf8',
    timeout: 60_000
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

let tmp: ReturnType<typeof tempDir>
beforeAll(() => {
  tmp = tempDir()
  writeFileSync(
    join(tmp.dir, 'mapped.json'),
    JSON.stringify([{ عنوان: 'خبر بأسماء حقول خاصة', نص: 'نص الخبر.', مكان: 'صفاقس' }])
  )
  writeFileSync(join(tmp.dir, 'radio.xml'), TREC_XML)
})
afterAll(() => tmp.cleanup())

describe('warraq import --map', () => {
  it('maps the named fields, keeps the rest as extra metadata, and show prints them', () => {
    const db = join(tmp.dir, 'map.db')
    const run = warraq([
      '--db',
      db,
      'import',
      join(tmp.dir, 'mapped.json'),
      '--map',
      'عنوان=title,نص=body',
      '--json'
    ])
    expect(run.stderr).toBe('')
    const summary = JSON.parse(run.stdout) as { files: { uids: string[] }[] }
    const shown = warraq(['--db', db, 'show', summary.files[0].uids[0], '--json'])
    const article = JSON.parse(shown.stdout) as Record<string, unknown>
    expect(article).toMatchObject({
      title: 'خبر بأسماء حقول خاصة',
      body: 'نص الخبر.',
      extra: { مكان: 'صفاقس' }
    })
  })

  it('refuses a mapping to a field that does not exist', () => {
    const run = warraq(['--db', join(tmp.dir, 'bad.db'), 'import', tmp.dir, '--map', 'x=nothing'])
    expect(run.code).not.toBe(0)
    expect(run.stderr).toMatch(/--map takes NAME=FIELD pairs/)
  })

  it('show prints the summary, section, identifier, time and extra metadata of a TREC record', () => {
    const db = join(tmp.dir, 'trec.db')
    const run = warraq(['--db', db, 'import', join(tmp.dir, 'radio.xml'), '--json'])
    const summary = JSON.parse(run.stdout) as { files: { uids: string[] }[] }
    const shown = warraq(['--db', db, 'show', summary.files[0].uids[0]]).stdout
    expect(shown).toContain('Summary: افتتحت البلدية سوق الجملة الجديد بعد عامين من الترميم')
    expect(shown).toContain('Section: اقتصاد')
    expect(shown).toContain('Identifier: RADIO-2017-000123')
    expect(shown).toContain('2017-01-22 18:56 (minute)')
    expect(shown).toContain('REGION: الوسط الشرقي')
  })
})
