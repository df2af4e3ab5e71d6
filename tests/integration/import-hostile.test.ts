import { strToU8, zipSync } from 'fflate'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { expandBuffers, expandPaths } from '../../src/main/core/import/expand'
import { importFiles } from '../../src/main/core/import/pipeline'
import { createTestArchive, tempDir, type TestArchive } from '../helpers/archive'
import { UNRELATED_BODY, WIRE_BODY, wireTextFile } from '../fixtures/import/wire-story'

let t: TestArchive
beforeEach(() => {
  t = createTestArchive()
})
afterEach(() => t.cleanup())

const count = (sql: string): number => t.archive.sqlite.prepare(sql).pluck().get() as number

/** Files meant to break an importer, written to a folder with one good article among them. */
function writeHostileFolder(dir: string): void {
  const zip = zipSync({ 'inner/a.txt': strToU8(wireTextFile('خبر داخل أرشيف', UNRELATED_BODY)) })
  writeFileSync(join(dir, '1-truncated.zip'), zip.subarray(0, Math.floor(zip.length / 2)))
  const paragraph = '<p>فقرة طويلة تتكرر لتضخيم الصفحة إلى حجم غير معقول.</p>\n'
  writeFileSync(
    join(dir, '2-huge.html'),
    `<html><body>${paragraph.repeat(Math.ceil((50 * 1024 * 1024) / Buffer.byteLength(paragraph)))}</body></html>`
  )
  writeFileSync(
    join(dir, '3-invalid-utf8.txt'),
    Buffer.concat([
      Buffer.from('A title\n\nSome text then '),
      Buffer.from([0xc0, 0xaf, 0xff, 0x80, 0x41]),
      Buffer.from(' more text.\n')
    ])
  )
  const junk = Buffer.alloc(64 * 1024)
  for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + (i >> 3)) & 0xff
  writeFileSync(join(dir, '4-junk.bin'), junk)
  writeFileSync(join(dir, '5-nested.json'), '['.repeat(200_000) + ']'.repeat(200_000))
  writeFileSync(join(dir, '6-good.txt'), wireTextFile('تدشين محطة التحلية في الجنوب', WIRE_BODY))
}

describe('hostile files in one batch', () => {
  it('gives each bad file a clear reason and imports the good one', async () => {
    const folder = tempDir()
    writeHostileFolder(folder.dir)
    const summary = await importFiles(t.archive, expandPaths([folder.dir])).finally(folder.cleanup)
    const byName = (name: string) => summary.files.find((f) => f.path.includes(name))!
    expect(byName('1-truncated.zip')).toMatchObject({ status: 'failed' })
    expect(byName('1-truncated.zip').reason).toMatch(/zip/i)
    expect(byName('2-huge.html')).toMatchObject({ status: 'failed' })
    expect(byName('2-huge.html').reason).toMatch(/too large/)
    expect(byName('3-invalid-utf8.txt')).toMatchObject({ status: 'failed' })
    expect(byName('3-invalid-utf8.txt').reason).toMatch(/not valid UTF-8/)
    expect(byName('4-junk.bin')).toMatchObject({ status: 'failed' })
    expect(byName('4-junk.bin').reason).toMatch(/binary/)
    expect(byName('5-nested.json')).toMatchObject({ status: 'failed' })
    expect(byName('5-nested.json').reason).toMatch(/nests deeper/)
    expect(byName('6-good.txt')).toMatchObject({ status: 'imported' })
    expect(summary.imported).toBe(1)
    expect(summary.failed).toBe(5)
    expect(count('SELECT count(*) FROM articles')).toBe(1)
    // the report is kept
    const saved = t.archive.sqlite
      .prepare('SELECT summary, finished_at FROM import_reports')
      .get() as { summary: string; finished_at: string | null }
    expect(JSON.parse(saved.summary).fileCount).toBe(summary.files.length)
    expect(t.archive.sqlite.prepare('SELECT count(*) FROM import_report_lines').pluck().get()).toBe(
      summary.files.length
    )
    expect(saved.finished_at).not.toBeNull()
  }, 60_000)
})

describe('partial files', () => {
  it('imports the good records of a JSON file and names the skipped ones', async () => {
    const json = JSON.stringify([
      { title: 'تدشين محطة التحلية', body: WIRE_BODY, date: '2016-03-03' },
      42,
      { title: 'معرض الكتاب', content: UNRELATED_BODY },
      'not an article'
    ])
    const summary = await importFiles(
      t.archive,
      expandBuffers([{ name: 'mixed.json', bytes: strToU8(json) }])
    )
    const file = summary.files[0]
    expect(file.status).toBe('partial')
    expect(file.uids).toHaveLength(2)
    expect(file.reason).toMatch(/2 record\(s\) were skipped \(record 2: .*; record 4: /)
  })
})

describe('interrupted and repeated imports', () => {
  const files = () =>
    expandBuffers(
      Array.from({ length: 30 }, (_, i) => ({
        name: `story-${i}.txt`,
        bytes: strToU8(
          wireTextFile(
            `خبر رقم ${i}`,
            `${UNRELATED_BODY}\n\nفقرة خاصة بالخبر ${i} وحده: ${'كلمة '.repeat(i + 1)}`
          )
        )
      }))
    )

  it('re-running a finished import doubles nothing', async () => {
    const first = await importFiles(t.archive, files())
    expect(first.imported).toBe(30)
    const again = await importFiles(t.archive, files())
    expect(again.imported).toBe(0)
    expect(again.duplicates).toBe(30)
    expect(again.files.every((f) => f.status === 'duplicate')).toBe(true)
    expect(count('SELECT count(*) FROM articles')).toBe(30)
  })

  it('an import stopped midway leaves whole articles and a report, and the re-run completes it', async () => {
    const controller = new AbortController()
    const stopped = await importFiles(t.archive, files(), {
      signal: controller.signal,
      onFile: (f) => {
        if (f.path === 'story-11.txt') controller.abort()
      }
    })
    expect(stopped.cancelled).toBe(true)
    expect(stopped.imported).toBe(12)
    expect(count('SELECT count(*) FROM articles')).toBe(12)
    // every landed article is whole: indexed, signed, with its original (an imported article is
    // its own first revision: revisions are written at its first change)
    expect(count('SELECT count(*) FROM articles_fts')).toBe(12)
    expect(count('SELECT count(DISTINCT article_id) FROM article_signatures')).toBe(12)
    expect(count('SELECT count(*) FROM articles WHERE version != 1')).toBe(0)
    expect(count('SELECT count(*) FROM articles WHERE original_id IS NULL')).toBe(0)
    const rerun = await importFiles(t.archive, files())
    expect(rerun.imported).toBe(18)
    expect(rerun.duplicates).toBe(12)
    expect(count('SELECT count(*) FROM articles')).toBe(30)
    expect(t.archive.sqlite.pragma('foreign_key_check')).toEqual([])
  })

  it('a crash inside a chunk rolls the chunk back whole', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => ({
      title: `مقال ${i}`,
      body: `${UNRELATED_BODY} ${'نص '.repeat(i + 1)}`
    }))
    // a trigger that fails on the 7th insert stands in for a crash mid-chunk
    t.archive.sqlite.exec(`CREATE TEMP TRIGGER boom BEFORE INSERT ON articles
      WHEN (SELECT count(*) FROM articles) >= 6 BEGIN SELECT RAISE(ABORT, 'simulated crash'); END`)
    const failed = await importFiles(
      t.archive,
      expandBuffers([{ name: 'ten.json', bytes: strToU8(JSON.stringify(rows)) }]),
      { chunkSize: 4 }
    )
    expect(failed.files[0].status).toBe('failed')
    expect(failed.files[0].reason).toMatch(/simulated crash/)
    expect(count('SELECT count(*) FROM articles')).toBe(4)
    expect(count('SELECT count(*) FROM articles_fts')).toBe(4)
    t.archive.sqlite.exec('DROP TRIGGER boom')
    const rerun = await importFiles(
      t.archive,
      expandBuffers([{ name: 'ten.json', bytes: strToU8(JSON.stringify(rows)) }])
    )
    expect(rerun.imported).toBe(6)
    expect(count('SELECT count(*) FROM articles')).toBe(10)
  })
})
