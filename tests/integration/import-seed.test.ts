import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Article } from '../../src/shared/domain'
import { createHandlers } from '../../src/main/core/api/handlers'
import { expandPaths } from '../../src/main/core/import/expand'
import { importFiles } from '../../src/main/core/import/pipeline'
import { createTestArchive, type TestArchive } from '../helpers/archive'

const ROOT = resolve(import.meta.dirname, '..', '..')
const SEED_DIR = resolve(ROOT, '..', 'shared', 'seeds')
const SEED = join(SEED_DIR, '000_858bd456555f0983.txt')
const haveSeed = existsSync(SEED)
if (!haveSeed) console.warn(`Skipping the seed import tests: ${SEED} is absent.`)

/** What the seed must give: the definition of done. */
function expectSeedArticle(a: Article): void {
  expect(a.title).toBe('موسكو تبحث عن دعم موقفها تجاه سورية في الجزائر')
  expect(a.published).toBe('2016-02-29')
  expect(a.datePrecision).toBe('day')
  expect(a.dateText).toBe('29 فبراير 2016')
  expect(a.caption).toBe('موسكو والجزائر تناقشان الأوضاع السورية وليبيا')
  expect(a.imageCredit).toBe('Getty')
  expect(a.related.map((r) => r.title)).toEqual([
    'الخارجية الروسية:نأمل في إقامة جمهورية فيدرالية بسورية',
    'مسؤول جزائري: التدخل الغربي في ليبيا يستهدف أمننا'
  ])
  expect(a.body.startsWith('اعتبر وزير الخارجية الروسي')).toBe(true)
  expect(a.body).not.toContain('+ الخط -')
  expect(a.body).not.toContain('اقرأ أيضاً')
  expect(a.body).not.toContain(a.title)
  expect(a.body).toContain('في يوليو/تموز 2015.')
}

let t: TestArchive
beforeEach(() => {
  t = createTestArchive()
})
afterEach(() => t.cleanup())

describe.skipIf(!haveSeed)('importing the seed', () => {
  it('gives title, day-precise date, caption, Getty credit, two related links and a clean body', async () => {
    const summary = await importFiles(t.archive, expandPaths([SEED_DIR]))
    expect(summary).toMatchObject({ imported: 1, failed: 0, duplicates: 0 })
    const handlers = createHandlers(t.archive)
    const article = await handlers['articles.get']({ uid: summary.files[0].uids[0] })
    expectSeedArticle(article)
  })

  it('keeps the imported bytes, file name, media type and encoding, viewable and exportable', async () => {
    const summary = await importFiles(t.archive, expandPaths([SEED]))
    const handlers = createHandlers(t.archive)
    const original = await handlers['originals.get']({
      articleUid: summary.files[0].uids[0],
      bytes: true
    })
    const { readFileSync } = await import('node:fs')
    const bytes = readFileSync(SEED)
    expect(original).toMatchObject({
      fileName: SEED,
      mediaType: 'text/plain',
      encoding: 'utf-8',
      size: bytes.length
    })
    expect(Buffer.from(original.base64!, 'base64').equals(bytes)).toBe(true)
    expect(original.preview).toBe(bytes.toString('utf8'))
    const light = await handlers['originals.get']({
      articleUid: summary.files[0].uids[0],
      bytes: false
    })
    expect(light.base64).toBeUndefined()
  })

  it('re-importing the seed doubles nothing and reports it as a duplicate', async () => {
    await importFiles(t.archive, expandPaths([SEED]))
    const again = await importFiles(t.archive, expandPaths([SEED]))
    expect(again.files[0].status).toBe('duplicate')
    expect(again.files[0].reason).toMatch(/Already in the archive/)
    expect(t.archive.sqlite.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(1)
    expect(t.archive.sqlite.prepare('SELECT count(*) FROM originals').pluck().get()).toBe(1)
  })
})

describe.skipIf(!haveSeed)('the command line', () => {
  const cli = (args: string[]): string =>
    execFileSync(
      'npx',
      ['tsx', '--tsconfig', 'tsconfig.node.json', 'src/main/cli.ts', '--db', t.file, ...args],
      {
        cwd: ROOT,
        encoding: 'utf8'
      }
    )

  it('imports the seed with --json, then `show UID --json` prints every parsed field', () => {
    t.archive.close()
    const summary = JSON.parse(cli(['import', SEED_DIR, '--json'])) as {
      imported: number
      files: { uids: string[]; status: string }[]
    }
    expect(summary.imported).toBe(1)
    expect(summary.files[0].status).toBe('imported')
    const shown = JSON.parse(cli(['show', summary.files[0].uids[0], '--json'])) as Article & {
      original: { fileName: string; mediaType: string; encoding: string }
    }
    expectSeedArticle(shown)
    for (const field of [
      'subtitle',
      'source',
      'url',
      'authors',
      'section',
      'status',
      'lang',
      'contentHash',
      'version'
    ]) {
      expect(shown).toHaveProperty(field)
    }
    expect(shown.original).toMatchObject({
      fileName: SEED,
      mediaType: 'text/plain',
      encoding: 'utf-8'
    })
  }, 60_000)
})
