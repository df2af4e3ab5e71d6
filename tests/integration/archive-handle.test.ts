import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { backupArchive } from '../../src/main/core/backup/backup'
import { restoreInPlace } from '../../src/main/core/backup/restore'
import { FTS_AUTOMERGE, FTS_HASHSIZE } from '../../src/main/core/db/fts.sql'
import { openArchive, PAGE_SIZE } from '../../src/main/core/db/open'
import { expandBuffers } from '../../src/main/core/import/expand'
import { importFiles } from '../../src/main/core/import/pipeline'
import { archiveLexicon } from '../../src/main/core/search/lexicon'
import { setVariantGroups, variantGroups } from '../../src/main/core/search/variants'
import { createTestArchive, type TestArchive } from '../helpers/archive'

let t: TestArchive
afterEach(() => t?.cleanup())

describe('the archive handle', () => {
  it('a restore in place reopens under the same object, and nothing cached outlives the old file', async () => {
    t = createTestArchive()
    const { archive } = t
    setVariantGroups(archive, [['سوريا', 'سورية']])
    const backup = join(t.dir, 'before.db')
    await backupArchive(archive, backup)
    setVariantGroups(archive, [['لبنان', 'لبنانن']])
    expect(variantGroups(archive).flat()).toContain('لبنان')
    const before = archive.sqlite
    const result = restoreInPlace(archive, backup)
    expect(result.reopened).toBe(true)
    expect(archive.sqlite).not.toBe(before)
    expect(archive.sqlite.open).toBe(true)
    expect(before.open).toBe(false)
    // the restored table, not the one cached on the connection that was closed
    expect(variantGroups(archive).flat()).toContain('سوريا')
    expect(variantGroups(archive).flat()).not.toContain('لبنان')
  })

  it('reopens the file even when the work in between fails, with the options it was opened with', () => {
    t = createTestArchive()
    const { archive } = t
    expect(archive.options).toEqual({})
    expect(() =>
      archive.reopenAfter(() => {
        throw new Error('the restore failed')
      })
    ).toThrow('the restore failed')
    expect(archive.sqlite.prepare('SELECT count(*) AS n FROM articles').get()).toEqual({ n: 0 })
  })

  it('after a restore the lexicon answers from the restored file, not from the words it counted before', async () => {
    t = createTestArchive()
    const { archive } = t
    const before = join(t.dir, 'empty.db')
    await backupArchive(archive, before)
    // مصنع in two committed articles: a word of this archive's vocabulary
    const bodies = ['افتتح مصنع للنسيج في المدينة', 'زار الوزير مصنع الاسمنت']
    const file = {
      name: 'two.json',
      bytes: new TextEncoder().encode(
        JSON.stringify(bodies.map((body, i) => ({ title: `مقال ${i + 1}`, body })))
      )
    }
    await importFiles(archive, expandBuffers([file]))
    const counted = archiveLexicon(archive)
    expect(counted.has('مصنع')).toBe(true)
    restoreInPlace(archive, before)
    const restored = archiveLexicon(archive)
    expect(restored).not.toBe(counted)
    expect(restored.has('مصنع')).toBe(false)
  })

  it('gives a new archive 16 KB pages, and an archive made with smaller ones keeps them', () => {
    t = createTestArchive()
    expect(t.archive.sqlite.pragma('page_size', { simple: true })).toBe(PAGE_SIZE)
    const older = join(t.dir, 'older.db')
    const made = new Database(older)
    made.pragma('page_size = 4096')
    made.exec('CREATE TABLE early (x)')
    made.close()
    const reopened = openArchive(older)
    try {
      expect(reopened.sqlite.pragma('page_size', { simple: true })).toBe(4096)
      expect(reopened.sqlite.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(0)
    } finally {
      reopened.close()
    }
  })

  it("keeps the search index's merge policy and buffer, and gives an older archive's index the same at its next open", () => {
    t = createTestArchive()
    const setting = (db: Database.Database, key: string): unknown =>
      db.prepare('SELECT v FROM articles_fts_config WHERE k = ?').pluck().get(key)
    expect(setting(t.archive.sqlite, 'automerge')).toBe(FTS_AUTOMERGE)
    expect(setting(t.archive.sqlite, 'hashsize')).toBe(FTS_HASHSIZE)
    // as an archive made before either was set: FTS5's defaults
    t.archive.sqlite.exec("INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 4)")
    t.archive.sqlite.exec(
      "INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 1048576)"
    )
    t.archive.close()
    const reopened = openArchive(t.file)
    try {
      expect(setting(reopened.sqlite, 'automerge')).toBe(FTS_AUTOMERGE)
      expect(setting(reopened.sqlite, 'hashsize')).toBe(FTS_HASHSIZE)
    } finally {
      reopened.close()
    }
  })
})
