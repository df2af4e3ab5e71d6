/**
 * Every annotation of the archive, across articles: filtered by tag, colour, entity, collection
 * and status, searched by words in the note or the quote with the search normaliser, newest
 * first, keyset-paged by id so a page costs the same at the start and deep in the list.
 */
import type {
  AnnotationHit,
  AnnotationSearchInput,
  AnnotationSearchResult
} from '@shared/contract/annotations'
import type { AnnotationSearchInput as Schema } from '@shared/contract/annotations'
import { normalizeText } from '@shared/text/normalize'
import type { z } from 'zod'
import type { Archive } from '../db/open'
import { COLUMNS, FROM, toAnnotation, type Row } from './service'

type Input = z.output<typeof Schema>

const norm = (s: string): string => normalizeText(s).replace(/\s+/g, ' ').trim()
const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`)

interface Where {
  sql: string[]
  params: unknown[]
}

function filters(archive: Archive, input: Input): Where {
  const sql = ['a.deleted_at IS NULL']
  const params: unknown[] = []
  const words = norm(input.query ?? '')
    .split(' ')
    .filter(Boolean)
  for (const word of words) {
    sql.push(`instr(warraq_norm(coalesce(n.note, '') || char(10) || n.exact), ?) > 0`)
    params.push(word)
  }
  const tag = input.tag?.trim()
  if (tag) {
    sql.push(
      `EXISTS (SELECT 1 FROM annotation_tags x JOIN tags t ON t.id = x.tag_id WHERE x.annotation_id = n.id
         AND (warraq_norm(t.name) = ? OR warraq_norm(t.name) LIKE ? ESCAPE '\\'))`
    )
    params.push(norm(tag), `${escapeLike(norm(tag))}/%`)
  }
  if (input.color) {
    sql.push('n.color = ?')
    params.push(input.color)
  }
  if (input.entityUid) {
    sql.push('e.uid = ?')
    params.push(input.entityUid)
  }
  if (input.status) {
    sql.push('n.status = ?')
    params.push(input.status)
  }
  const collection = input.collection?.trim()
  if (collection) {
    const names = archive.sqlite.prepare('SELECT id, name FROM collections').all() as {
      id: number
      name: string
    }[]
    const wanted = norm(collection)
    const ids = names
      .filter((c) => norm(c.name) === wanted || norm(c.name).startsWith(`${wanted}/`))
      .map((c) => c.id)
    sql.push(
      ids.length
        ? `n.article_id IN (SELECT article_id FROM collection_articles WHERE collection_id IN (${ids.join(',')}))`
        : '0'
    )
  }
  return { sql, params }
}

function cursorId(cursor: string | null | undefined): number | null {
  if (!cursor) return null
  const id = Number(cursor)
  return Number.isSafeInteger(id) && id > 0 ? id : null
}

export function searchAnnotations(
  archive: Archive,
  input: AnnotationSearchInput
): AnnotationSearchResult {
  const parsed = input as Input
  const where = filters(archive, parsed)
  const from = `${FROM} WHERE ${where.sql.join(' AND ')}`
  const total = archive.sqlite
    .prepare(`SELECT count(*) ${from}`)
    .pluck()
    .get(...where.params) as number
  const after = cursorId(parsed.cursor)
  const page = archive.sqlite
    .prepare(
      `SELECT ${COLUMNS}, a.title AS articleTitle ${from}
       ${after === null ? '' : 'AND n.id < ?'} ORDER BY n.id DESC LIMIT ?`
    )
    .all(...where.params, ...(after === null ? [] : [after]), parsed.limit + 1) as (Row & {
    articleTitle: string
  })[]
  const more = page.length > parsed.limit
  const rows = more ? page.slice(0, parsed.limit) : page
  const items: AnnotationHit[] = rows.map(({ articleTitle, ...row }) => ({
    ...toAnnotation(row),
    articleTitle
  }))
  return { items, nextCursor: more ? String(rows[rows.length - 1].id) : null, total }
}
