/**
 * The library's alphabetical sort indexes, left out while a large import writes and built once at
 * its end, as bulk loaders do. Their keys (a title, an author, normalised) fall on random pages,
 * so every chunk's commit rewrote most of both indexes, and the bytes grew with the archive: at
 * 124,000 articles they were a quarter of what the import wrote to the WAL. Built at the end
 * from a sort, each page is written once. 248,000 articles (`--scale 8`'s files) through
 * importFiles, in alternation with the indexes kept: 184 and 190 s against 207 and 200 s, the
 * rebuild included.
 *
 * Only the sort indexes: the import itself reads the others (content hashes, URLs, bands). While
 * they are out the library still sorts by title and author, by reading every row. The indexes'
 * own SQL is saved in the same transaction that drops them, and every open of the archive builds
 * back whatever a crash left out (restoreDeferredIndexes), before its migrations run.
 */
import type Database from 'better-sqlite3'

export const DEFERRABLE_INDEXES = ['articles_title_key_idx', 'articles_author_key_idx'] as const

const SETTING = 'import_deferred_indexes'

/**
 * An import defers them once it brings at least this many articles and at least a quarter of
 * what the archive held: a smaller one pays less for its inserts than a rebuild costs.
 */
export const DEFER_FROM_ARTICLES = 20_000

export function worthDeferring(
  importing: number,
  archived: number,
  from = DEFER_FROM_ARTICLES
): boolean {
  return importing >= from && importing * 4 >= archived
}

/** Drops the sort indexes, keeping their SQL to build them again. False: already deferred. */
export function deferIndexes(sqlite: Database.Database): boolean {
  return sqlite.transaction(() => {
    if (savedIndexes(sqlite) !== null) return false
    const sqlOf = sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?")
    const saved: string[] = []
    for (const name of DEFERRABLE_INDEXES) {
      const sql = sqlOf.pluck().get(name) as string | undefined
      if (sql !== undefined) saved.push(sql)
    }
    if (saved.length === 0) return false
    sqlite
      .prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)')
      .run(SETTING, JSON.stringify(saved))
    for (const name of DEFERRABLE_INDEXES) sqlite.exec(`DROP INDEX IF EXISTS "${name}"`)
    return true
  })()
}

/** Builds back the indexes an import deferred; how many were built. */
export function restoreDeferredIndexes(sqlite: Database.Database): number {
  const saved = savedIndexes(sqlite)
  if (saved === null) return 0
  return sqlite.transaction(() => {
    let built = 0
    for (const sql of saved) {
      // an index of that name already there (built, then the setting not cleared) is kept
      sqlite.exec(sql.replace(/^CREATE INDEX /i, 'CREATE INDEX IF NOT EXISTS '))
      built++
    }
    sqlite.prepare('DELETE FROM settings WHERE key = ?').run(SETTING)
    return built
  })()
}

function savedIndexes(sqlite: Database.Database): string[] | null {
  // an archive older than the settings table (a test of upgrades) has nothing deferred
  const hasSettings = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'settings'")
    .get()
  if (hasSettings === undefined) return null
  const value = sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(SETTING)
  return typeof value === 'string' ? (JSON.parse(value) as string[]) : null
}
