import Database from 'better-sqlite3'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ArticleListInput } from '../../src/shared/contract/articles'
import { listPage } from '../../src/main/core/articles/list'
import {
  deferIndexes,
  DEFERRABLE_INDEXES,
  restoreDeferredIndexes,
  worthDeferring
} from '../../src/main/core/db/deferred-indexes'
import { openArchive } from '../../src/main/core/db/open'
import { expandPaths } from '../../src/main/core/import/expand'
import { importFiles } from '../../src/main/core/import/pipeline'
import { createTestArchive, tempDir, type TestArchive } from '../helpers/archive'
import { runChild } from '../helpers/crash'

let made: TestArchive[] = []
afterEach(() => {
  for (const t of made) t.cleanup()
  made = []
})
function fresh(): TestArchive {
  const t = createTestArchive()
  made.push(t)
  return t
}

function indexSql(sqlite: Database.Database): Record<string, string | undefined> {
  const sqlOf = sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?")
  return Object.fromEntries(
    DEFERRABLE_INDEXES.map((name) => [name, sqlOf.pluck().get(name) as string | undefined])
  )
}

const TITLES = ['ياسمين', 'باب', 'تمر', 'Zebra', 'أمل', 'apple', 'ثلج', 'مطر', 'Beirut', 'جمل']

/** Files of articles whose titles and authors sort differently from the order they come in. */
function writeInput(dir: string, files: number, perFile: number): void {
  mkdirSync(dir, { recursive: true })
  for (let f = 0; f < files; f++) {
    const records = Array.from({ length: perFile }, (_, a) => {
      const n = f * perFile + a
      return {
        title: `${TITLES[n % TITLES.length]} ${n}`,
        author: TITLES[(n * 7) % TITLES.length],
        content: `نص الخبر ${n}: قال المتحدث إن الاجتماع ناقش ${n} موضوعا في الرياض وجدة والدمام.`
      }
    })
    writeFileSync(join(dir, `f${String(f).padStart(3, '0')}.json`), JSON.stringify(records))
  }
}

describe('the sort indexes an import defers', () => {
  it('are deferred only by an import that is large against the archive', () => {
    expect(worthDeferring(19_999, 0)).toBe(false)
    expect(worthDeferring(20_000, 0)).toBe(true)
    expect(worthDeferring(20_000, 80_000)).toBe(true)
    expect(worthDeferring(20_000, 80_001)).toBe(false)
    expect(worthDeferring(5, 20, 5)).toBe(true)
  })

  it('are out while the import writes and back, the same, when it ends', async () => {
    const { archive, dir } = fresh()
    const expected = indexSql(archive.sqlite)
    expect(Object.values(expected).every((sql) => sql !== undefined)).toBe(true)
    writeInput(join(dir, 'in'), 4, 25)
    const during: Record<string, string | undefined>[] = []
    const summary = await importFiles(archive, expandPaths([join(dir, 'in')]), {
      deferIndexesFrom: 1,
      onFile: () => during.push(indexSql(archive.sqlite))
    })
    expect(summary.imported).toBe(100)
    expect(during).toHaveLength(4)
    for (const seen of during) expect(Object.values(seen)).toEqual([undefined, undefined])
    expect(indexSql(archive.sqlite)).toEqual(expected)
    expect(restoreDeferredIndexes(archive.sqlite)).toBe(0)
    // the library's alphabetical order reads them again, and is the titles' order
    const plan = archive.sqlite
      .prepare('EXPLAIN QUERY PLAN SELECT id FROM articles ORDER BY title_key, id LIMIT 5')
      .all() as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' ')).toContain('articles_title_key_idx')
    const page = listPage(archive, ArticleListInput.parse({ sort: 'title', direction: 'asc' }))
    const sorted = archive.sqlite
      .prepare('SELECT title FROM articles NOT INDEXED ORDER BY title_key, id')
      .pluck()
      .all()
    expect(page.items.map((a) => a.title)).toEqual(sorted)
  })

  it('stay in place for a small import into a larger archive', async () => {
    const { archive, dir } = fresh()
    writeInput(join(dir, 'big'), 2, 50)
    await importFiles(archive, expandPaths([join(dir, 'big')]))
    const expected = indexSql(archive.sqlite)
    writeInput(join(dir, 'small'), 1, 10)
    const during: Record<string, string | undefined>[] = []
    await importFiles(archive, expandPaths([join(dir, 'small')]), {
      deferIndexesFrom: 1,
      duplicates: 'import',
      onFile: () => during.push(indexSql(archive.sqlite))
    })
    expect(during).toEqual([expected])
  })

  it('are built back by the next open when the import never ended', () => {
    const { archive, file } = fresh()
    const expected = indexSql(archive.sqlite)
    expect(deferIndexes(archive.sqlite)).toBe(true)
    expect(deferIndexes(archive.sqlite)).toBe(false)
    // the process dies here: no restore, the connection just goes
    archive.close()
    const raw = new Database(file, { readonly: true })
    expect(Object.values(indexSql(raw))).toEqual([undefined, undefined])
    raw.close()
    const reopened = openArchive(file)
    try {
      expect(indexSql(reopened.sqlite)).toEqual(expected)
      expect(
        reopened.sqlite
          .prepare("SELECT count(*) FROM settings WHERE key LIKE 'import_%'")
          .pluck()
          .get()
      ).toBe(0)
    } finally {
      reopened.close()
    }
  })

  it('never keep the archive from opening when they cannot be built', () => {
    const { archive, file } = fresh()
    archive.sqlite
      .prepare("INSERT INTO settings (key, value) VALUES ('import_deferred_indexes', ?)")
      .run(JSON.stringify(['CREATE INDEX broken_idx ON no_such_table (x)']))
    archive.close()
    const reopened = openArchive(file)
    try {
      const pending = reopened.sqlite
        .prepare("SELECT count(*) FROM settings WHERE key = 'import_deferred_indexes'")
        .pluck()
        .get()
      // kept for the next open to try again
      expect(pending).toBe(1)
    } finally {
      reopened.close()
    }
  })

  it('are back after a kill -9 in the middle of a deferring import', async () => {
    const tmp = tempDir('warraq-deferred-')
    try {
      const input = join(tmp.dir, 'in')
      writeInput(input, 40, 5)
      const db = join(tmp.dir, 'archive.db')
      const expected = indexSql(fresh().archive.sqlite)
      const run = await runChild(['import', db, input], {
        killWhen: (line) => line === 'file 12',
        env: { WARRAQ_TEST_DEFER_FROM: '1' }
      })
      expect(run.killed).toBe(true)
      const raw = new Database(db, { readonly: true })
      const landed = raw.prepare('SELECT count(*) FROM articles').pluck().get() as number
      expect(Object.values(indexSql(raw))).toEqual([undefined, undefined])
      raw.close()
      expect(landed).toBeGreaterThanOrEqual(55)
      const reopened = openArchive(db)
      try {
        expect(indexSql(reopened.sqlite)).toEqual(expected)
        expect(reopened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
      } finally {
        reopened.close()
      }
    } finally {
      tmp.cleanup()
    }
  })
})
