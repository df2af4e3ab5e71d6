import type {
  Annotation,
  AnnotationCreateInput,
  AnnotationUpdateInput
} from '@shared/contract/annotations'
import { WarraqError } from '@shared/errors'
import { newUid } from '../articles/write'
import { entityIdByUid } from '../entities/service'
import type { Archive } from '../db/open'
import { nowIso, stmt } from '../db/statements'
import { indexArticle } from '../search/indexer'
import { quoteAt } from './quote'
import { ANNOTATION_TAGS_SQL, setAnnotationTags } from './tags'

/** An annotation's columns with its article's uid and its entity; `n` annotations, `e` entities. */
export const COLUMNS = `n.id, n.uid, a.uid AS articleUid, n.start, n."end", n.exact, n.prefix, n.suffix,
  n.body_version AS bodyVersion, n.color, n.note, ${ANNOTATION_TAGS_SQL}, e.uid AS entityUid, e.name AS entityName,
  n.author, n.status, n.created_at AS createdAt, n.updated_at AS updatedAt`
export const FROM = `FROM annotations n JOIN articles a ON a.id = n.article_id
  LEFT JOIN entities e ON e.id = n.entity_id`
const SELECT = `SELECT ${COLUMNS} ${FROM}`

export type Row = Omit<Annotation, 'tags'> & { id: number; tags: string }

export function toAnnotation({ id: _id, ...row }: Row): Annotation {
  return { ...row, tags: JSON.parse(row.tags) as string[] }
}

function articleFor(archive: Archive, uid: string): { id: number; body: string; version: number } {
  const row = stmt(archive.sqlite, 'SELECT id, body, version FROM articles WHERE uid = ?').get(
    uid
  ) as { id: number; body: string; version: number } | undefined
  if (!row)
    throw new WarraqError('not_found', `No article with uid ${uid}.`, {
      key: 'articles.not_found',
      params: { uid }
    })
  return row
}

function entityId(archive: Archive, uid: string | null | undefined): number | null {
  return uid ? entityIdByUid(archive, uid) : null
}

function checkRange(body: string, start: number, end: number): void {
  if (end > body.length || start >= end) {
    throw new WarraqError(
      'invalid_input',
      `The range ${start}–${end} is outside the article's text (${body.length} characters).`,
      { key: 'annotations.range_outside', params: { start, end, length: body.length } }
    )
  }
}

export function getAnnotation(archive: Archive, uid: string): Annotation {
  const row = stmt(archive.sqlite, `${SELECT} WHERE n.uid = ?`).get(uid) as Row | undefined
  if (!row)
    throw new WarraqError('not_found', `No annotation with uid ${uid}.`, {
      key: 'annotations.not_found',
      params: { uid }
    })
  return toAnnotation(row)
}

export function createAnnotation(archive: Archive, input: AnnotationCreateInput): Annotation {
  const uid = newUid()
  archive.sqlite.transaction(() => {
    const article = articleFor(archive, input.articleUid)
    checkRange(article.body, input.start, input.end)
    const q = quoteAt(article.body, input.start, input.end)
    const at = nowIso()
    const inserted = stmt(
      archive.sqlite,
      `INSERT INTO annotations (uid, article_id, start, "end", exact, prefix, suffix, body_version, color,
         note, entity_id, author, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'anchored', ?, ?)`
    ).run(
      uid,
      article.id,
      input.start,
      input.end,
      q.exact,
      q.prefix,
      q.suffix,
      article.version,
      input.color ?? 'yellow',
      input.note ?? null,
      entityId(archive, input.entityUid),
      input.author ?? null,
      at,
      at
    )
    if (input.tags?.length) setAnnotationTags(archive, Number(inserted.lastInsertRowid), input.tags)
    if (input.note) indexArticle(archive, article.id)
  })()
  return getAnnotation(archive, uid)
}

export function listAnnotations(archive: Archive, articleUid: string): Annotation[] {
  const article = articleFor(archive, articleUid)
  const rows = stmt(archive.sqlite, `${SELECT} WHERE n.article_id = ? ORDER BY n.start, n.id`).all(
    article.id
  ) as Row[]
  return rows.map(toAnnotation)
}

/** Changes an annotation; a new range (re-attaching an orphan) takes a fresh quote. */
export function updateAnnotation(archive: Archive, input: AnnotationUpdateInput): Annotation {
  archive.sqlite.transaction(() => {
    const current = getAnnotation(archive, input.uid)
    const article = articleFor(archive, current.articleUid)
    const sets: string[] = ['updated_at = ?']
    const values: unknown[] = [nowIso()]
    if (input.start !== undefined || input.end !== undefined) {
      const start = input.start ?? current.start
      const end = input.end ?? current.end
      checkRange(article.body, start, end)
      const q = quoteAt(article.body, start, end)
      sets.push(
        'start = ?',
        '"end" = ?',
        'exact = ?',
        'prefix = ?',
        'suffix = ?',
        'body_version = ?',
        "status = 'anchored'"
      )
      values.push(start, end, q.exact, q.prefix, q.suffix, article.version)
    } else if (input.status === 'orphaned') {
      sets.push("status = 'orphaned'")
    }
    const plain: [string, unknown][] = [
      ['note', input.note],
      ['color', input.color]
    ]
    for (const [column, value] of plain) {
      if (value === undefined) continue
      sets.push(`${column} = ?`)
      values.push(value)
    }
    if (input.entityUid !== undefined) {
      sets.push('entity_id = ?')
      values.push(entityId(archive, input.entityUid))
    }
    archive.sqlite
      .prepare(`UPDATE annotations SET ${sets.join(', ')} WHERE uid = ?`)
      .run(...values, input.uid)
    if (input.tags !== undefined) {
      const id = stmt(archive.sqlite, 'SELECT id FROM annotations WHERE uid = ?')
        .pluck()
        .get(input.uid) as number
      setAnnotationTags(archive, id, input.tags)
    }
    if (input.note !== undefined) indexArticle(archive, article.id)
  })()
  return getAnnotation(archive, input.uid)
}

export function deleteAnnotation(archive: Archive, uid: string): { uid: string } {
  archive.sqlite.transaction(() => {
    const current = getAnnotation(archive, uid)
    const article = articleFor(archive, current.articleUid)
    stmt(archive.sqlite, 'DELETE FROM annotations WHERE uid = ?').run(uid)
    if (current.note) indexArticle(archive, article.id)
  })()
  return { uid }
}
