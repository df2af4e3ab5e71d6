import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { analyzeForIndex } from '../../src/shared/text/analyze'
import { createAnnotation } from '../../src/main/core/annotations/service'
import { toErrorData } from '../../src/main/core/api/dispatch'
import { createArticle } from '../../src/main/core/articles/service'
import { backupNow, listBackups } from '../../src/main/core/backup/backup'
import { checkArchive } from '../../src/main/core/backup/check'
import { describeSqliteError } from '../../src/main/core/db/errors'
import { openArchiveSafely, type SafeArchive } from '../../src/main/core/db/open-safely'
import { expandPaths } from '../../src/main/core/import/expand'
import { importFiles } from '../../src/main/core/import/pipeline'
import { tempDir } from '../helpers/archive'

let tmp: ReturnType<typeof tempDir>
let archive: SafeArchive | undefined
afterEach(() => {
  archive?.close()
  archive = undefined
  tmp?.cleanup()
})

const DISK_FULL = describeSqliteError(
  Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })
)!.message

function writeBatch(dir: string, files: number, tag: string): void {
  mkdirSync(dir, { recursive: true })
  for (let f = 0; f < files; f++) {
    const articles = Array.from({ length: 4 }, (_, a) => ({
      title: `${tag} ${f}-${a}`,
      content: `${tag} ${f} ${a} ${'كلام كثير يملأ الصفحات في الأرشيف '.repeat(60)}`
    }))
    writeFileSync(join(dir, `${tag}-${String(f).padStart(3, '0')}.json`), JSON.stringify(articles))
  }
}

function count(sql: string): number {
  return archive!.sqlite.prepare(sql).pluck().get() as number
}

/** SQLite refuses to grow the file past this many pages: a real SQLITE_FULL, on any disk. */
function limitGrowth(extraPages: number): void {
  const pages = archive!.sqlite.pragma('page_count', { simple: true }) as number
  archive!.sqlite.pragma(`max_page_count = ${pages + extraPages}`)
}

describe('a full disk', () => {
  it('stops an import with the plain message, loses no batch half-way, and goes on once space is freed', async () => {
    tmp = tempDir('warraq-diskfull-')
    archive = openArchiveSafely(join(tmp.dir, 'archive.db'))
    writeBatch(join(tmp.dir, 'first'), 3, 'أول')
    await importFiles(archive, expandPaths([join(tmp.dir, 'first')]), { chunkSize: 2 })
    const before = count('SELECT count(*) FROM articles')
    expect(before).toBe(12)

    writeBatch(join(tmp.dir, 'second'), 30, 'ثان')
    limitGrowth(20)
    await expect(
      importFiles(archive, expandPaths([join(tmp.dir, 'second')]), { chunkSize: 2 })
    ).rejects.toMatchObject({
      code: 'disk_full',
      message: DISK_FULL
    })
    const during = count('SELECT count(*) FROM articles')
    expect(during).toBeGreaterThan(before)
    expect(during).toBeLessThan(12 + 120)
    // every transaction (2 articles) landed whole or not at all, each with its revision and index row
    expect(
      count(
        'SELECT count(*) FROM (SELECT count(*) AS n FROM articles GROUP BY original_id, original_index / 2) WHERE n != 2'
      )
    ).toBe(0)
    expect(
      count(
        'SELECT count(*) FROM articles a WHERE a.version > 1 AND NOT EXISTS (SELECT 1 FROM revisions r WHERE r.article_id = a.id AND r.version = a.version)'
      )
    ).toBe(0)
    expect(
      count('SELECT count(*) FROM articles WHERE id NOT IN (SELECT rowid FROM articles_fts)')
    ).toBe(0)
    expect(
      count(
        'SELECT count(*) FROM originals o WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.original_id = o.id)'
      )
    ).toBe(0)
    // the app stays usable for reading, the -wal is still there
    const word = analyzeForIndex('الأرشيف').surface
    expect(
      count(`SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'body_s:${word}'`)
    ).toBe(during)
    expect(existsSync(`${archive.file}-wal`)).toBe(true)
    expect(checkArchive(archive)).toMatchObject({ ok: true })

    // an annotation save fails the same clean way
    const uid = archive.sqlite.prepare('SELECT uid FROM articles LIMIT 1').pluck().get() as string
    limitGrowth(0)
    let saveError: unknown
    try {
      for (let i = 0; i < 200; i++)
        createAnnotation(archive, {
          articleUid: uid,
          start: 0,
          end: 3,
          note: 'ملاحظة '.repeat(500)
        })
    } catch (err) {
      saveError = err
    }
    expect(toErrorData(saveError).toData()).toEqual({
      code: 'disk_full',
      message: DISK_FULL,
      key: 'archive.disk_full'
    })

    // space freed: the same import runs again and completes, without doubles
    archive.sqlite.pragma('max_page_count = 1073741823')
    const rerun = await importFiles(archive, expandPaths([join(tmp.dir, 'second')]), {
      chunkSize: 2
    })
    expect(rerun.failed).toBe(0)
    expect(count('SELECT count(*) FROM articles')).toBe(12 + 120)
    expect(count('SELECT count(*) - count(DISTINCT content_hash) FROM articles')).toBe(0)
    expect(checkArchive(archive).ok).toBe(true)
  })

  it('a backup that cannot be written says so plainly and leaves no partial file', async () => {
    tmp = tempDir('warraq-diskfull-')
    archive = openArchiveSafely(join(tmp.dir, 'archive.db'))
    createArticle(archive, { title: 'عنوان', body: 'نص' })
    // the backups folder is a file: the copy cannot be made
    writeFileSync(join(tmp.dir, 'backups'), 'in the way')
    await expect(backupNow(archive, 'manual')).rejects.toMatchObject({ code: 'io_error' })
    expect(listBackups(archive.file)).toEqual([])
  })
})
