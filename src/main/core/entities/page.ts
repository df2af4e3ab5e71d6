import type { Entity, EntityPage } from '@shared/contract/entities'
import { WarraqError } from '@shared/errors'
import type { Archive } from '../db/open'
import { stmt } from '../db/statements'
import { entityIdByUid, getEntity } from './service'

/**
 * Merges the record `from` into `into` in one transaction: `from`'s name and aliases become
 * aliases of `into`, its article links and annotated passages move over, its note is appended,
 * and `from` is deleted.
 */
export function mergeEntities(archive: Archive, fromUid: string, intoUid: string): Entity {
  if (fromUid === intoUid) {
    throw new WarraqError('invalid_input', 'A record cannot be merged into itself.', {
      key: 'entities.merge_into_itself'
    })
  }
  const from = getEntity(archive, fromUid)
  const into = getEntity(archive, intoUid)
  const fromId = entityIdByUid(archive, fromUid)
  const intoId = entityIdByUid(archive, intoUid)
  const { sqlite } = archive
  sqlite.transaction(() => {
    const aliases = [...new Set([...into.aliases, from.name, ...from.aliases])].filter(
      (a) => a !== into.name
    )
    const note = [into.note, from.note].filter(Boolean).join('\n\n') || null
    stmt(sqlite, 'UPDATE entities SET aliases = ?, note = ? WHERE id = ?').run(
      JSON.stringify(aliases),
      note,
      intoId
    )
    stmt(
      sqlite,
      'INSERT OR IGNORE INTO article_entities (article_id, entity_id) SELECT article_id, ? FROM article_entities WHERE entity_id = ?'
    ).run(intoId, fromId)
    stmt(sqlite, 'UPDATE annotations SET entity_id = ? WHERE entity_id = ?').run(intoId, fromId)
    stmt(sqlite, 'DELETE FROM entities WHERE id = ?').run(fromId)
  })()
  return getEntity(archive, intoUid)
}

export function linkArticles(archive: Archive, entityUid: string, ids: number[]): number {
  const id = entityIdByUid(archive, entityUid)
  const insert = stmt(
    archive.sqlite,
    'INSERT OR IGNORE INTO article_entities (article_id, entity_id) VALUES (?, ?)'
  )
  return archive.sqlite.transaction(() => ids.reduce((n, a) => n + insert.run(a, id).changes, 0))()
}

export function unlinkArticles(archive: Archive, entityUid: string, ids: number[]): number {
  const id = entityIdByUid(archive, entityUid)
  const del = stmt(
    archive.sqlite,
    'DELETE FROM article_entities WHERE article_id = ? AND entity_id = ?'
  )
  return archive.sqlite.transaction(() => ids.reduce((n, a) => n + del.run(a, id).changes, 0))()
}

/** The entity, the articles linked to it directly, and the passages annotated with it. */
export function entityPage(archive: Archive, uid: string, limit: number): EntityPage {
  const entity = getEntity(archive, uid)
  const id = entityIdByUid(archive, uid)
  const articles = stmt(
    archive.sqlite,
    `SELECT a.uid, a.title, s.name AS source, a.published FROM article_entities ae
     JOIN articles a ON a.id = ae.article_id LEFT JOIN sources s ON s.id = a.source_id
     WHERE ae.entity_id = ? AND a.deleted_at IS NULL ORDER BY a.published DESC, a.id DESC LIMIT ?`
  ).all(id, limit) as EntityPage['articles']
  const passages = stmt(
    archive.sqlite,
    `SELECT n.uid AS annotationUid, a.uid AS articleUid, a.title AS articleTitle, n.exact, n.note
     FROM annotations n JOIN articles a ON a.id = n.article_id
     WHERE n.entity_id = ? AND a.deleted_at IS NULL ORDER BY a.published DESC, a.id DESC, n.start LIMIT ?`
  ).all(id, limit) as EntityPage['passages']
  return { entity, articles, passages }
}
