import type { Archive } from '../db/open'

/** The three link tables a bulk edit changes, each between an article and one other record. */
export const LINK_TABLES = {
  tag: { table: 'article_tags', column: 'tag_id' },
  collection: { table: 'collection_articles', column: 'collection_id' },
  entity: { table: 'article_entities', column: 'entity_id' }
} as const
export type LinkKind = keyof typeof LINK_TABLES

/** What one link change did, kept so it can be undone: the article ids it added or removed. */
export interface LinkChange {
  kind: LinkKind
  other: number
  added: number[]
  /** removed article ids, and for collections the position each one had */
  removed: number[]
  positions?: number[]
}

/** Links every article of `bulk_ids` to `other`; returns the ids that were not linked before. */
export function addLinks(archive: Archive, kind: LinkKind, other: number): LinkChange {
  const { table, column } = LINK_TABLES[kind]
  const { sqlite } = archive
  const added = sqlite
    .prepare(
      `SELECT b.id FROM bulk_ids b WHERE NOT EXISTS
       (SELECT 1 FROM ${table} x WHERE x.article_id = b.id AND x.${column} = ?) ORDER BY b.id`
    )
    .pluck()
    .all(other) as number[]
  if (kind === 'collection') {
    // appended at the end of the collection's order, in id order
    sqlite
      .prepare(
        `INSERT INTO collection_articles (collection_id, article_id, position)
         SELECT ?, b.id, (SELECT coalesce(max(position), -1) FROM collection_articles
           WHERE collection_id = ?) + row_number() OVER (ORDER BY b.id)
         FROM bulk_ids b WHERE NOT EXISTS (SELECT 1 FROM collection_articles x
           WHERE x.article_id = b.id AND x.collection_id = ?)`
      )
      .run(other, other, other)
  } else {
    sqlite
      .prepare(`INSERT OR IGNORE INTO ${table} (article_id, ${column}) SELECT id, ? FROM bulk_ids`)
      .run(other)
  }
  return { kind, other, added, removed: [] }
}

/** Unlinks every article of `bulk_ids` from `other`; returns what was there. */
export function removeLinks(archive: Archive, kind: LinkKind, other: number): LinkChange {
  const { table, column } = LINK_TABLES[kind]
  const { sqlite } = archive
  const rows = sqlite
    .prepare(
      `SELECT article_id AS id${kind === 'collection' ? ', position' : ''} FROM ${table}
       WHERE ${column} = ? AND article_id IN (SELECT id FROM bulk_ids) ORDER BY article_id`
    )
    .all(other) as { id: number; position?: number }[]
  sqlite
    .prepare(`DELETE FROM ${table} WHERE ${column} = ? AND article_id IN (SELECT id FROM bulk_ids)`)
    .run(other)
  return {
    kind,
    other,
    added: [],
    removed: rows.map((r) => r.id),
    positions: kind === 'collection' ? rows.map((r) => r.position ?? 0) : undefined
  }
}

/** Applies the inverse of a link change (the records it names still exist or are skipped). */
export function revertLinks(archive: Archive, change: LinkChange): void {
  const { table, column } = LINK_TABLES[change.kind]
  const { sqlite } = archive
  // one statement each way, the ids as a JSON array: 10,000 statements from TypeScript took ~60 ms
  sqlite
    .prepare(
      `DELETE FROM ${table} WHERE ${column} = ? AND article_id IN (SELECT value FROM json_each(?))`
    )
    .run(change.other, JSON.stringify(change.added))
  const exists = sqlite
    .prepare(
      `SELECT 1 FROM ${change.kind === 'tag' ? 'tags' : change.kind === 'collection' ? 'collections' : 'entities'} WHERE id = ?`
    )
    .get(change.other)
  if (!exists) return
  if (change.kind === 'collection') {
    // each removed article back at the position it had
    const placed = change.removed.map((id, i) => [id, change.positions?.[i] ?? 0])
    sqlite
      .prepare(
        `INSERT OR IGNORE INTO collection_articles (collection_id, article_id, position)
         SELECT ?, value ->> 0, value ->> 1 FROM json_each(?)`
      )
      .run(change.other, JSON.stringify(placed))
  } else {
    sqlite
      .prepare(
        `INSERT OR IGNORE INTO ${table} (${column}, article_id) SELECT ?, value FROM json_each(?)`
      )
      .run(change.other, JSON.stringify(change.removed))
  }
}
