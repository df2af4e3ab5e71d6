import type { Entity, EntityKind } from '@shared/contract/entities'
import type {
  EntityCreateInput,
  EntityListInput,
  EntityUpdateInput
} from '@shared/contract/entities'
import { WarraqError } from '@shared/errors'
import { normalizeText } from '@shared/text/normalize'
import type { z } from 'zod'
import { newUid } from '../articles/write'
import type { Archive } from '../db/open'
import { stmt } from '../db/statements'

const SELECT = `SELECT e.id, e.uid, e.kind, e.name, e.aliases, e.note,
  (SELECT count(*) FROM article_entities ae WHERE ae.entity_id = e.id) AS articleCount,
  (SELECT count(*) FROM annotations n WHERE n.entity_id = e.id) AS annotationCount
  FROM entities e`

interface Row extends Omit<Entity, 'aliases'> {
  id: number
  aliases: string
}

function toEntity({ id: _id, ...row }: Row): Entity {
  return { ...row, kind: row.kind as EntityKind, aliases: JSON.parse(row.aliases) as string[] }
}

const norm = (s: string): string => normalizeText(s).replace(/\s+/g, ' ').trim()

export function entityIdByUid(archive: Archive, uid: string): number {
  const id = stmt(archive.sqlite, 'SELECT id FROM entities WHERE uid = ?').pluck().get(uid) as
    number | undefined
  if (id === undefined)
    throw new WarraqError('not_found', `No entity with uid ${uid}.`, {
      key: 'entities.not_found',
      params: { uid }
    })
  return id
}

export function getEntity(archive: Archive, uid: string): Entity {
  const row = stmt(archive.sqlite, `${SELECT} WHERE e.uid = ?`).get(uid) as Row | undefined
  if (!row)
    throw new WarraqError('not_found', `No entity with uid ${uid}.`, {
      key: 'entities.not_found',
      params: { uid }
    })
  return toEntity(row)
}

/** Entities whose name or an alias contains the query, compared with the search normaliser. */
export function listEntities(archive: Archive, input: z.output<typeof EntityListInput>): Entity[] {
  const rows = (
    input.kind
      ? stmt(archive.sqlite, `${SELECT} WHERE e.kind = ? ORDER BY e.name`).all(input.kind)
      : stmt(archive.sqlite, `${SELECT} ORDER BY e.name`).all()
  ) as Row[]
  const wanted = input.query ? norm(input.query) : ''
  const entities = rows.map(toEntity)
  const matching = wanted
    ? entities.filter((e) => [e.name, ...e.aliases].some((n) => norm(n).includes(wanted)))
    : entities
  return matching.slice(0, input.limit)
}

export function createEntity(archive: Archive, input: z.output<typeof EntityCreateInput>): Entity {
  const uid = newUid()
  stmt(
    archive.sqlite,
    'INSERT INTO entities (uid, kind, name, aliases, note) VALUES (?, ?, ?, ?, ?)'
  ).run(uid, input.kind, input.name, JSON.stringify(input.aliases), input.note ?? null)
  return getEntity(archive, uid)
}

export function updateEntity(archive: Archive, input: z.output<typeof EntityUpdateInput>): Entity {
  const current = getEntity(archive, input.uid)
  stmt(
    archive.sqlite,
    'UPDATE entities SET kind = ?, name = ?, aliases = ?, note = ? WHERE uid = ?'
  ).run(
    input.kind ?? current.kind,
    input.name ?? current.name,
    JSON.stringify(input.aliases ?? current.aliases),
    input.note === undefined ? current.note : input.note,
    input.uid
  )
  return getEntity(archive, input.uid)
}
