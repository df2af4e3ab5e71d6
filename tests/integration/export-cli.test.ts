import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createArticle } from '../../src/main/core/articles/service'
import { createTestArchive, type TestArchive } from '../helpers/archive'
import { HOSTILE_ARTICLES } from '../helpers/export-fixtures'

const run = promisify(execFile)
const ROOT = join(import.meta.dirname, '..', '..')

function warraq(...args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run('npx', ['tsx', '--tsconfig', 'tsconfig.node.json', 'src/main/cli.ts', ...args], {
    cwd: ROOT,
    timeout: 60_000
  })
}

let t: TestArchive
beforeEach(() => {
  t = createTestArchive()
  for (const article of HOSTILE_ARTICLES) createArticle(t.archive, article)
  // the CLI opens the file itself: release it here first
  t.archive.close()
})
afterEach(() => t.cleanup())

describe('warraq export', () => {
  it('writes a CSV of a collection and reports it as JSON', async () => {
    const out = join(t.dir, 'out.csv')
    const { stdout } = await warraq(
      '--db',
      t.file,
      'export',
      'csv',
      '--collection',
      'مكتبات',
      '--columns',
      'title,authors',
      '--out',
      out,
      '--json'
    )
    expect(JSON.parse(stdout)).toMatchObject({ path: out, rows: 2 })
    const text = readFileSync(out, 'utf8')
    expect(text).toBe(
      `\uFEFF"title","authors"\r\n"'-مقال يبدأ بشرطة","سلمى الراشد | Fahd, Al-Otaibi"\r\n` +
        `"${HOSTILE_ARTICLES[3].title}","فريق التحرير"\r\n`
    )
  }, 60_000)

  it('writes UTF-16 without body, and RIS, and refuses a bad format with usage help', async () => {
    const wide = join(t.dir, 'wide.csv')
    await warraq('--db', t.file, 'export', 'csv', '--utf16', '--no-body', '--out', wide)
    const bytes = readFileSync(wide)
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe])
    const header = new TextDecoder('utf-16le').decode(bytes.subarray(2)).split('\r\n')[0]
    expect(header.split('\t')).toContain('"title"')
    expect(header).not.toContain('"body"')

    const ris = join(t.dir, 'out.ris')
    await warraq('--db', t.file, 'export', 'ris', '--query', 'source:"Daily Test"', '--out', ris)
    expect(readFileSync(ris, 'utf8').match(/^TY {2}- NEWS$/gm)).toHaveLength(2)

    await expect(warraq('--db', t.file, 'export', 'xlsx', '--out', ris)).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/format must be one of csv, json, annotations, csl, ris/)
    })
  }, 60_000)
})
