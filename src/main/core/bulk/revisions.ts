import type { Archive } from '../db/open'
import { nowIso } from '../db/statements'

/** Ids in a temporary table, so set-based statements can join them (10,000 ids, one insert each). */
export function fillTemp(archive: Archive, table: string, ids: Iterable<number>): void {
  const { sqlite } = archive
  sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS ${table} (id INTEGER PRIMARY KEY)`)
  sqlite.exec(`DELETE FROM ${table}`)
  const insert = sqlite.prepare(`INSERT OR IGNORE INTO ${table} (id) VALUES (?)`)
  for (const id of ids) insert.run(id)
}

/**
 * The revision snapshot of `snapshotOf` (articles/service.ts), built by SQLite in one statement
 * for every article of the set: the same keys, the same order of tags and collections.
 */
const SNAPSHOT_SQL = `json_object(
  'title', a.title, 'subtitle', a.subtitle, 'body', a.body, 'lang', a.lang, 'source', s.name,
  'url', a.url, 'published', a.published, 'datePrecision', a.date_precision,
  'dateText', a.date_text, 'authors', json(a.authors), 'caption', a.caption,
  'imageCredit', a.image_credit, 'section', a.section, 'status', a.status, 'notes', a.notes,
  'related', (SELECT json_group_array(json_object('title', r.title, 'url', r.url, 'targetUid', t.uid)
     ORDER BY r.id) FROM related_links r LEFT JOIN articles t ON t.id = r.target_article_id
     WHERE r.article_id = a.id),
  'tags', (SELECT json_group_array(t.name ORDER BY t.name) FROM article_tags x
     JOIN tags t ON t.id = x.tag_id WHERE x.article_id = a.id),
  'collections', (SELECT json_group_array(c.name ORDER BY c.name) FROM collection_articles x
     JOIN collections c ON c.id = x.collection_id WHERE x.article_id = a.id))`

/**
 * Bumps the version of every article in the temporary table `table` and writes its revision:
 * a bulk edit is a saved change of each article it touches, restorable like any other.
 */
export function reviseAll(archive: Archive, table: string, reason: string): void {
  const { sqlite } = archive
  const at = nowIso()
  sqlite
    .prepare(
      `UPDATE articles SET version = version + 1, updated_at = ? WHERE id IN (SELECT id FROM ${table})`
    )
    .run(at)
  sqlite
    .prepare(
      `INSERT INTO revisions (article_id, version, snapshot, reason, created_at)
       SELECT a.id, a.version, ${SNAPSHOT_SQL}, ?, ? FROM articles a
       LEFT JOIN sources s ON s.id = a.source_id WHERE a.id IN (SELECT id FROM ${table})`
    )
    .run(reason, at)
}
