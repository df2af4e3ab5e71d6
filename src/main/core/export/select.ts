/**
 * What an export covers, as article ids in a stable order. Only ids are held (a few bytes per
 * article); the records themselves are read batch by batch in `records.ts`, so bodies are never
 * all in memory at once.
 */
import type { ExportSelection } from '@shared/contract/exports'
import { WarraqError } from '@shared/errors'
import type { Archive } from '../db/open'
import { stmt } from '../db/statements'
import { matchingArticleIds } from '../search/matching'

/** Articles in the trash are never exported unless picked one by one. */
const LIVE = 'a.deleted_at IS NULL'

/** A collection by uid, else by name; two collections of the same name need the uid. */
function collectionId(archive: Archive, nameOrUid: string): number {
  const byUid = stmt(archive.sqlite, 'SELECT id FROM collections WHERE uid = ?')
    .pluck()
    .get(nameOrUid) as number | undefined
  if (byUid !== undefined) return byUid
  const byName = stmt(archive.sqlite, 'SELECT id FROM collections WHERE name = ?')
    .pluck()
    .all(nameOrUid.trim()) as number[]
  if (byName.length === 0) {
    throw new WarraqError('not_found', `There is no collection named "${nameOrUid}".`, {
      key: 'export.no_collection',
      params: { name: nameOrUid }
    })
  }
  if (byName.length > 1) {
    throw new WarraqError(
      'invalid_input',
      `${byName.length} collections are named "${nameOrUid}": choose one by its uid.`,
      { key: 'export.ambiguous_collection', params: { count: byName.length, name: nameOrUid } }
    )
  }
  return byName[0]
}

function savedQuery(archive: Archive, nameOrUid: string): string {
  const query = stmt(
    archive.sqlite,
    'SELECT query FROM saved_searches WHERE uid = ? OR name = ? ORDER BY uid = ? DESC, id LIMIT 1'
  )
    .pluck()
    .get(nameOrUid, nameOrUid, nameOrUid) as string | undefined
  if (query === undefined) {
    throw new WarraqError('not_found', `There is no saved search named "${nameOrUid}".`, {
      key: 'export.no_saved_search',
      params: { name: nameOrUid }
    })
  }
  return query
}

/** Selected uids, in the order given; uids no longer in the archive are left out. */
function idsOfUids(archive: Archive, uids: readonly string[]): number[] {
  const lookup = stmt(archive.sqlite, 'SELECT id FROM articles WHERE uid = ?').pluck()
  const seen = new Set<number>()
  for (const uid of uids) {
    const id = lookup.get(uid) as number | undefined
    if (id !== undefined) seen.add(id)
  }
  return [...seen]
}

/**
 * The ids to export, in the order a reader expects: a collection in its own order, a query in
 * ranking order (as the results list shows it), a selection as picked, everything by import order.
 */
export function selectArticleIds(archive: Archive, selection: ExportSelection): number[] {
  const { sqlite } = archive
  switch (selection.kind) {
    case 'all':
      return stmt(sqlite, `SELECT a.id FROM articles a WHERE ${LIVE} ORDER BY a.id`)
        .pluck()
        .all() as number[]
    case 'collection':
      return stmt(
        sqlite,
        `SELECT a.id FROM collection_articles ca JOIN articles a ON a.id = ca.article_id
         WHERE ca.collection_id = ? AND ${LIVE} ORDER BY ca.position, a.id`
      )
        .pluck()
        .all(collectionId(archive, selection.name)) as number[]
    case 'savedSearch':
      return matchingArticleIds(archive, savedQuery(archive, selection.name))
    case 'query':
      return matchingArticleIds(archive, selection.query)
    case 'uids':
      return idsOfUids(archive, selection.uids)
  }
}
