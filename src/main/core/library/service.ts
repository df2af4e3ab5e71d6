import type { Selection } from '@shared/contract/bulk'
import type { Sidebar } from '@shared/contract/library'
import type { z } from 'zod'
import { fillTemp } from '../bulk/revisions'
import { listCollections } from '../collections/service'
import type { Archive } from '../db/open'
import { nowIso, stmt } from '../db/statements'
import { listSavedSearches } from '../saved-searches/service'
import { indexArticle, unindexArticle } from '../search/indexer'
import { listTags } from '../tags/service'
import { selectionIds } from './ids'

const count = (archive: Archive, sql: string): number =>
  stmt(archive.sqlite, sql).pluck().get() as number

/** Everything the sidebar counts, in one call (each count walks an index, not the table). */
export function sidebar(archive: Archive): Sidebar {
  const kinds = stmt(
    archive.sqlite,
    'SELECT kind, count(*) AS n FROM entities GROUP BY kind'
  ).all() as {
    kind: keyof Sidebar['entities']
    n: number
  }[]
  const entities = { person: 0, place: 0, organisation: 0 }
  for (const { kind, n } of kinds) if (kind in entities) entities[kind] = n
  return {
    library: count(archive, 'SELECT count(*) FROM articles WHERE deleted_at IS NULL'),
    trash: count(archive, 'SELECT count(*) FROM articles WHERE deleted_at IS NOT NULL'),
    duplicates: count(archive, "SELECT count(*) FROM duplicate_candidates WHERE status = 'open'"),
    collections: listCollections(archive),
    tags: listTags(archive),
    entities,
    savedSearches: listSavedSearches(archive)
  }
}

/** Moves the selected articles to the trash, in one transaction; nothing is removed for good. */
export function trashSelection(
  archive: Archive,
  selection: z.output<typeof Selection>
): { trashed: number } {
  return archive.sqlite.transaction(() => {
    const ids = selectionIds(archive, selection)
    fillTemp(archive, 'bulk_ids', ids)
    const trashed = archive.sqlite
      .prepare(
        'UPDATE articles SET deleted_at = ? WHERE id IN (SELECT id FROM bulk_ids) AND deleted_at IS NULL'
      )
      .run(nowIso()).changes
    for (const id of ids) unindexArticle(archive, id)
    return { trashed }
  })()
}

export function restoreSelection(
  archive: Archive,
  selection: z.output<typeof Selection>
): { restored: number } {
  return archive.sqlite.transaction(() => {
    const ids = selectionIds(archive, selection)
    fillTemp(archive, 'bulk_ids', ids)
    const restored = archive.sqlite
      .prepare(
        'UPDATE articles SET deleted_at = NULL WHERE id IN (SELECT id FROM bulk_ids) AND deleted_at IS NOT NULL'
      )
      .run().changes
    for (const id of ids) indexArticle(archive, id)
    return { restored }
  })()
}
