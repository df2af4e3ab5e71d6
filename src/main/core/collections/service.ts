import type { Collection } from '@shared/contract/collections'
import type {
  CollectionCreateInput,
  CollectionMoveInput,
  CollectionUpdateInput
} from '@shared/contract/collections'
import { WarraqError } from '@shared/errors'
import type { z } from 'zod'
import { collectionIdByUid } from '../articles/filter'
import { newUid } from '../articles/write'
import type { Archive } from '../db/open'
import { stmt } from '../db/statements'
import { articleIdsByUid } from '../library/ids'

const SELECT = `SELECT c.id, c.uid, c.name, c.description, p.uid AS parent,
  (SELECT count(*) FROM collection_articles ca JOIN articles a ON a.id = ca.article_id
   WHERE ca.collection_id = c.id AND a.deleted_at IS NULL) AS articleCount
  FROM collections c LEFT JOIN collections p ON p.id = c.parent_id`

type Row = Collection & { id: number }
const strip = ({ id: _id, ...c }: Row): Collection => c

/** Collections, parents each followed by their children, by name. */
export function listCollections(archive: Archive): Collection[] {
  const rows = stmt(archive.sqlite, `${SELECT} ORDER BY c.name`).all() as Row[]
  const top = rows.filter((r) => r.parent === null)
  return top.flatMap((p) => [p, ...rows.filter((r) => r.parent === p.uid)]).map(strip)
}

export function getCollection(archive: Archive, uid: string): Collection {
  const row = stmt(archive.sqlite, `${SELECT} WHERE c.uid = ?`).get(uid) as Row | undefined
  if (!row)
    throw new WarraqError('not_found', `No collection with uid ${uid}.`, {
      key: 'collections.not_found',
      params: { uid }
    })
  return strip(row)
}

/** Collections nest one level: a parent must itself be top-level and cannot be the child. */
function parentId(
  archive: Archive,
  parent: string | null | undefined,
  self?: number
): number | null {
  if (!parent) return null
  const id = collectionIdByUid(archive, parent)
  const row = stmt(archive.sqlite, 'SELECT parent_id FROM collections WHERE id = ?').get(id) as {
    parent_id: number | null
  }
  const hasChildren =
    self !== undefined &&
    stmt(archive.sqlite, 'SELECT 1 FROM collections WHERE parent_id = ?').get(self) !== undefined
  if (row.parent_id !== null || id === self || hasChildren) {
    throw new WarraqError('invalid_input', 'Collections nest one level only.', {
      key: 'collections.one_level'
    })
  }
  return id
}

export function createCollection(
  archive: Archive,
  input: z.output<typeof CollectionCreateInput>
): Collection {
  const uid = newUid()
  stmt(
    archive.sqlite,
    'INSERT INTO collections (uid, name, description, parent_id) VALUES (?, ?, ?, ?)'
  ).run(uid, input.name, input.description ?? null, parentId(archive, input.parent))
  return getCollection(archive, uid)
}

export function updateCollection(
  archive: Archive,
  input: z.output<typeof CollectionUpdateInput>
): Collection {
  const id = collectionIdByUid(archive, input.uid)
  const changes: [string, unknown][] = []
  if (input.name !== undefined) changes.push(['name', input.name])
  if (input.description !== undefined) changes.push(['description', input.description])
  if (input.parent !== undefined) changes.push(['parent_id', parentId(archive, input.parent, id)])
  const sets = changes.map(([column]) => `${column} = ?`)
  const values = changes.map(([, value]) => value)
  if (sets.length) {
    archive.sqlite
      .prepare(`UPDATE collections SET ${sets.join(', ')} WHERE id = ?`)
      .run(...values, id)
  }
  return getCollection(archive, input.uid)
}

/** Deletes a collection (and its sub-collections); the articles stay in the library. */
export function deleteCollection(archive: Archive, uid: string): { uid: string } {
  const id = collectionIdByUid(archive, uid)
  archive.sqlite.transaction(() => {
    stmt(archive.sqlite, 'DELETE FROM collections WHERE parent_id = ?').run(id)
    stmt(archive.sqlite, 'DELETE FROM collections WHERE id = ?').run(id)
  })()
  return { uid }
}

/** Appends articles at the end of the collection's order; ones already in it stay where they are. */
export function addToCollection(archive: Archive, uid: string, ids: number[]): number {
  const id = collectionIdByUid(archive, uid)
  return archive.sqlite.transaction(() => {
    let next = stmt(
      archive.sqlite,
      'SELECT coalesce(max(position), -1) + 1 FROM collection_articles WHERE collection_id = ?'
    )
      .pluck()
      .get(id) as number
    const insert = stmt(
      archive.sqlite,
      'INSERT OR IGNORE INTO collection_articles (collection_id, article_id, position) VALUES (?, ?, ?)'
    )
    let added = 0
    for (const articleId of ids) {
      const changes = insert.run(id, articleId, next).changes
      added += changes
      next += changes
    }
    return added
  })()
}

export function removeFromCollection(archive: Archive, uid: string, ids: number[]): number {
  const id = collectionIdByUid(archive, uid)
  const del = stmt(
    archive.sqlite,
    'DELETE FROM collection_articles WHERE collection_id = ? AND article_id = ?'
  )
  return archive.sqlite.transaction(() => ids.reduce((n, a) => n + del.run(id, a).changes, 0))()
}

/**
 * Moves articles to stand, in the order given, before another article of the collection (or at
 * its end), renumbering the collection's order in one transaction.
 */
export function moveInCollection(
  archive: Archive,
  input: z.output<typeof CollectionMoveInput>
): number {
  const id = collectionIdByUid(archive, input.uid)
  const moving = articleIdsByUid(archive, input.articles)
  const before = input.before ? articleIdsByUid(archive, [input.before])[0] : null
  return archive.sqlite.transaction(() => {
    const order = stmt(
      archive.sqlite,
      'SELECT article_id FROM collection_articles WHERE collection_id = ? ORDER BY position, article_id'
    )
      .pluck()
      .all(id) as number[]
    const set = new Set(moving)
    const present = moving.filter((m) => order.includes(m))
    const rest = order.filter((m) => !set.has(m))
    const at = before === null || set.has(before) ? -1 : rest.indexOf(before)
    const final =
      at < 0 ? [...rest, ...present] : [...rest.slice(0, at), ...present, ...rest.slice(at)]
    const update = stmt(
      archive.sqlite,
      'UPDATE collection_articles SET position = ? WHERE collection_id = ? AND article_id = ?'
    )
    final.forEach((articleId, position) => update.run(position, id, articleId))
    return present.length
  })()
}
