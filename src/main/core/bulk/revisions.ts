import type { Archive } from '../db/open'
import { nowIso } from '../db/statements'
import { refreshChecksums } from '../articles/fixity'
import { SNAPSHOT_SQL } from '../articles/snapshot-sql'

/**
 * Ids in a temporary table, so set-based statements can join them: handed over as one JSON
 * array (10,000 inserts from TypeScript took 35–60 ms, this one statement a few).
 */
export function fillTemp(archive: Archive, table: string, ids: Iterable<number>): void {
  const { sqlite } = archive
  sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS ${table} (id INTEGER PRIMARY KEY)`)
  sqlite.exec(`DELETE FROM ${table}`)
  sqlite
    .prepare(`INSERT OR IGNORE INTO ${table} (id) SELECT value FROM json_each(?)`)
    .run(JSON.stringify([...ids]))
}

/**
 * Bumps the version of every article in the temporary table `table` and writes its revision:
 * a bulk edit is a saved change of each article it touches, restorable like any other.
 */
export function reviseAll(archive: Archive, table: string, reason: string): void {
  const { sqlite } = archive
  const at = nowIso()
  // the state before the first change of a never-changed article (see ensureBaseRevision)
  sqlite
    .prepare(
      `INSERT INTO revisions (article_id, version, snapshot, reason, created_at)
       SELECT a.id, a.version, ${SNAPSHOT_SQL},
         CASE WHEN a.original_id IS NULL THEN 'create' ELSE 'import' END, a.updated_at
       FROM articles a LEFT JOIN sources s ON s.id = a.source_id
       WHERE a.id IN (SELECT id FROM ${table}) AND NOT EXISTS
         (SELECT 1 FROM revisions r WHERE r.article_id = a.id AND r.version = a.version)`
    )
    .run()
  sqlite
    .prepare(
      `UPDATE articles SET version = version + 1, updated_at = ? WHERE id IN (SELECT id FROM ${table})`
    )
    .run(at)
  // fixity: the rows' new state (fields set by the edit or its undo, the new version)
  refreshChecksums(sqlite, `id IN (SELECT id FROM ${table})`)
  sqlite
    .prepare(
      `INSERT INTO revisions (article_id, version, snapshot, reason, created_at)
       SELECT a.id, a.version, ${SNAPSHOT_SQL}, ?, ? FROM articles a
       LEFT JOIN sources s ON s.id = a.source_id WHERE a.id IN (SELECT id FROM ${table})`
    )
    .run(reason, at)
}
