import type {
  BulkApplyInput,
  BulkOperationSummary,
  BulkResult,
  BulkUndoResult
} from '@shared/contract/bulk'
import { WarraqError } from '@shared/errors'
import type { z } from 'zod'
import { collectionIdByUid } from '../articles/filter'
import { ensureTag, newUid, sourceId } from '../articles/write'
import type { Archive } from '../db/open'
import { nowIso, stmt } from '../db/statements'
import { entityIdByUid } from '../entities/service'
import { selectionIds } from '../library/ids'
import { reindexSet } from '../search/reindex-queue'
import { addLinks, removeLinks, revertLinks, type LinkChange } from './links'
import { fillTemp, reviseAll } from './revisions'

type Input = z.output<typeof BulkApplyInput>

/** An article's fields before a bulk edit set them. */
interface FieldsBefore {
  id: number
  source_id: number | null
  status: string
  published: string | null
  date_precision: string | null
}

/** What `bulk.undo` applies: the previous fields per article and the link changes made. */
interface Inverse {
  fields: FieldsBefore[]
  links: LinkChange[]
  touched: number[]
  /** source or tags changed, which the search index holds */
  reindex: boolean
  /**
   * [article id, version] of each touched article right after the edit: an article whose version
   * moved on since was changed by someone later, and the undo leaves it as it is. Absent in
   * edits stored by older Warraq, which are undone as before.
   */
  versions?: [number, number][]
}

function tagIdFor(archive: Archive, name: string, create: boolean): number | undefined {
  if (create) return ensureTag(archive, name)
  return stmt(archive.sqlite, 'SELECT id FROM tags WHERE name = ?').pluck().get(name) as
    number | undefined
}

/** Sets the chosen fields on every article of `bulk_ids`; returns the ids whose value changed. */
function setFields(archive: Archive, set: Input['set']): FieldsBefore[] {
  const changes: [string, unknown][] = []
  if (set.source !== undefined) changes.push(['source_id', sourceId(archive, set.source)])
  if (set.status !== undefined) changes.push(['status', set.status])
  if (set.published !== undefined) {
    changes.push(['published', set.published])
    changes.push(['date_precision', set.published === null ? null : 'day'])
  }
  if (!changes.length) return []
  const differs = changes.map(([column]) => `${column} IS NOT ?`).join(' OR ')
  const values = changes.map(([, value]) => value)
  const { sqlite } = archive
  const before = sqlite
    .prepare(
      `SELECT id, source_id, status, published, date_precision FROM articles
       WHERE id IN (SELECT id FROM bulk_ids) AND (${differs})`
    )
    .all(...values) as FieldsBefore[]
  fillTemp(
    archive,
    'bulk_touched',
    before.map((r) => r.id)
  )
  sqlite
    .prepare(
      `UPDATE articles SET ${changes.map(([c]) => `${c} = ?`).join(', ')}
       WHERE id IN (SELECT id FROM bulk_touched)`
    )
    .run(...values)
  return before
}

/**
 * Applies one bulk edit to a selection in one transaction: fields set, tags, collections and
 * entities added or removed. Every article that changed gets a new version and a revision, the
 * search index follows, and the inverse is stored so `bulk.undo` can put everything back.
 */
export function applyBulk(archive: Archive, input: Input): BulkResult {
  const { sqlite } = archive
  return sqlite.transaction(() => {
    const ids = selectionIds(archive, input.selection)
    fillTemp(archive, 'bulk_ids', ids)
    const fields = setFields(archive, input.set)
    const links: LinkChange[] = []
    for (const name of input.addTags)
      links.push(addLinks(archive, 'tag', tagIdFor(archive, name, true)!))
    for (const name of input.removeTags) {
      const id = tagIdFor(archive, name, false)
      if (id !== undefined) links.push(removeLinks(archive, 'tag', id))
    }
    for (const uid of input.addCollections)
      links.push(addLinks(archive, 'collection', collectionIdByUid(archive, uid)))
    for (const uid of input.removeCollections)
      links.push(removeLinks(archive, 'collection', collectionIdByUid(archive, uid)))
    for (const uid of input.linkEntities)
      links.push(addLinks(archive, 'entity', entityIdByUid(archive, uid)))
    for (const uid of input.unlinkEntities)
      links.push(removeLinks(archive, 'entity', entityIdByUid(archive, uid)))
    const touched = new Set(fields.map((f) => f.id))
    for (const change of links)
      for (const id of [...change.added, ...change.removed]) touched.add(id)
    const reindex =
      input.set.source !== undefined ||
      links.some((l) => l.kind === 'tag' && l.added.length + l.removed.length > 0)
    const inverse: Inverse = { fields, links, touched: [...touched], reindex }
    finishChange(archive, inverse, 'bulk')
    inverse.versions = versionsOf(archive, inverse.touched)
    const uid = newUid()
    stmt(
      sqlite,
      'INSERT INTO bulk_operations (uid, summary, inverse, article_count, created_at) VALUES (?, ?, ?, ?, ?)'
    ).run(
      uid,
      JSON.stringify({ ...input, selection: { kind: input.selection.kind, size: ids.length } }),
      JSON.stringify(inverse),
      touched.size,
      nowIso()
    )
    return { operation: uid, touched: touched.size }
  })()
}

/** New versions, revisions and index entries for the articles a change (or its undo) touched. */
function finishChange(archive: Archive, inverse: Inverse, reason: string): void {
  if (!inverse.touched.length) return
  fillTemp(archive, 'bulk_touched', inverse.touched)
  reviseAll(archive, 'bulk_touched', reason)
  if (inverse.reindex) reindexSet(archive, 'bulk_touched', inverse.touched)
}

function versionsOf(archive: Archive, ids: number[]): [number, number][] {
  return stmt(
    archive.sqlite,
    'SELECT a.id, a.version FROM json_each(?) j CROSS JOIN articles a ON a.id = j.value'
  )
    .raw()
    .all(JSON.stringify(ids)) as [number, number][]
}

/** The touched articles changed since the edit (their version moved on). */
function changedSince(archive: Archive, inverse: Inverse): Set<number> {
  if (!inverse.versions) return new Set()
  const ids = stmt(
    archive.sqlite,
    `SELECT a.id FROM json_each(?) j CROSS JOIN articles a ON a.id = j.value ->> 0
     WHERE a.version IS NOT j.value ->> 1`
  )
    .pluck()
    .all(JSON.stringify(inverse.versions)) as number[]
  return new Set(ids)
}

/** A link change without the articles that must be left as they are. */
function without(change: LinkChange, skip: Set<number>): LinkChange {
  if (!skip.size) return change
  const keep = change.removed.map((id, i) => [id, change.positions?.[i] ?? 0] as const)
  const kept = keep.filter(([id]) => !skip.has(id))
  return {
    ...change,
    added: change.added.filter((id) => !skip.has(id)),
    removed: kept.map(([id]) => id),
    positions: change.positions ? kept.map(([, p]) => p) : undefined
  }
}

/**
 * Undoes a bulk edit: previous fields back, added links removed, removed links restored, on
 * every article the edit touched that nobody changed since. An article edited later (its version
 * moved on) keeps that later work: it is left as it is and counted in `changedSince`.
 */
export function undoBulk(archive: Archive, operation: string): BulkUndoResult {
  const { sqlite } = archive
  return sqlite.transaction(() => {
    const row = stmt(
      sqlite,
      'SELECT id, inverse, undone_at FROM bulk_operations WHERE uid = ?'
    ).get(operation) as { id: number; inverse: string; undone_at: string | null } | undefined
    if (!row)
      throw new WarraqError('not_found', `No bulk edit with uid ${operation}.`, {
        key: 'bulk.not_found',
        params: { uid: operation }
      })
    if (row.undone_at)
      throw new WarraqError('conflict', 'This bulk edit has already been undone.', {
        key: 'bulk.already_undone'
      })
    const inverse = JSON.parse(row.inverse) as Inverse
    const skip = changedSince(archive, inverse)
    const restore = sqlite.prepare(
      'UPDATE articles SET source_id = ?, status = ?, published = ?, date_precision = ? WHERE id = ?'
    )
    for (const f of inverse.fields) {
      if (!skip.has(f.id)) restore.run(f.source_id, f.status, f.published, f.date_precision, f.id)
    }
    for (const change of [...inverse.links].reverse()) revertLinks(archive, without(change, skip))
    const existing = (
      stmt(
        sqlite,
        'SELECT a.id FROM json_each(?) j CROSS JOIN articles a ON a.id = j.value ORDER BY j.key'
      )
        .pluck()
        .all(JSON.stringify(inverse.touched)) as number[]
    ).filter((id) => !skip.has(id))
    finishChange(archive, { ...inverse, touched: existing }, 'undo bulk')
    stmt(sqlite, 'UPDATE bulk_operations SET undone_at = ? WHERE id = ?').run(nowIso(), row.id)
    const uid = stmt(sqlite, 'SELECT uid FROM articles WHERE id = ?').pluck()
    const left = [...skip].map((id) => uid.get(id) as string)
    return { restored: existing.length, changedSince: left.length, leftAsTheyAre: left }
  })()
}

export function bulkHistory(archive: Archive): BulkOperationSummary[] {
  return stmt(
    archive.sqlite,
    `SELECT uid, article_count AS articleCount, created_at AS createdAt, undone_at AS undoneAt, summary
     FROM bulk_operations ORDER BY id DESC LIMIT 50`
  ).all() as BulkOperationSummary[]
}
