import { createHash, randomUUID } from 'node:crypto'
import type { Snapshot } from '@shared/contract/snapshot'
import type { ParsedArticle, RelatedLink } from '@shared/domain'
import { surfaceOf } from '@shared/text/analyze'
import { authorsSortKey, sortKey, sourceSortKey } from '@shared/text/sortKey'
import type { Archive } from '../db/open'
import { nowIso, stmt } from '../db/statements'
import { CHECKSUM_COLUMNS, articleChecksum } from './fixity'
import { SNAPSHOT_SQL } from './snapshot-sql'

/**
 * Hash of the normalised words of the body: two copies that differ only in harakat, tatweel,
 * alef forms, digits, punctuation or spacing match.
 */
export function contentHash(body: string): string {
  return contentHashOfSurface(surfaceOf(body))
}

/** The same from the search index's surface text, when the caller has analysed the body. */
export function contentHashOfSurface(surface: string): string {
  return createHash('sha256').update(surface).digest('hex').slice(0, 32)
}

/**
 * A new identifier: a UUID of version 7 (RFC 9562), its first 48 bits the time in milliseconds,
 * the other 74 random. Ordered by time, a thousand new articles land together at the end of the
 * uid index instead of on a thousand of its pages: each chunk of an import rewrote pages all over
 * it (version 4 is random throughout), more of them the bigger the archive.
 */
export function newUid(): string {
  // a version-4 UUID's random bits (Node keeps a pool of them), the time in its first 48
  const random = randomUUID()
  const time = Date.now().toString(16).padStart(12, '0')
  return `${time.slice(0, 8)}-${time.slice(8)}-7${random.slice(15)}`
}

export function sourceId(archive: Archive, name: string | null | undefined): number | null {
  const clean = name?.trim()
  if (!clean) return null
  const { sqlite } = archive
  const found = stmt(sqlite, 'SELECT id FROM sources WHERE name = ?').pluck().get(clean) as
    number | undefined
  if (found !== undefined) return found
  return Number(
    stmt(sqlite, 'INSERT INTO sources (name, name_key) VALUES (?, ?)').run(
      clean,
      sourceSortKey(clean)
    ).lastInsertRowid
  )
}

/** The id of a tag by its full path, created when new. */
export function ensureTag(archive: Archive, name: string): number {
  const { sqlite } = archive
  const clean = name.trim()
  const found = stmt(sqlite, 'SELECT id FROM tags WHERE name = ?').pluck().get(clean) as
    number | undefined
  if (found !== undefined) return found
  return Number(stmt(sqlite, 'INSERT INTO tags (name) VALUES (?)').run(clean).lastInsertRowid)
}

function collectionId(archive: Archive, name: string): number {
  const { sqlite } = archive
  const clean = name.trim()
  const found = stmt(sqlite, 'SELECT id FROM collections WHERE name = ? AND parent_id IS NULL')
    .pluck()
    .get(clean) as number | undefined
  if (found !== undefined) return found
  return Number(
    stmt(sqlite, 'INSERT INTO collections (uid, name) VALUES (?, ?)').run(newUid(), clean)
      .lastInsertRowid
  )
}

export function setTags(archive: Archive, articleId: number, names: string[]): void {
  stmt(archive.sqlite, 'DELETE FROM article_tags WHERE article_id = ?').run(articleId)
  const insert = stmt(
    archive.sqlite,
    'INSERT OR IGNORE INTO article_tags (article_id, tag_id) VALUES (?, ?)'
  )
  for (const name of names) if (name.trim()) insert.run(articleId, ensureTag(archive, name))
}

export function setCollections(archive: Archive, articleId: number, names: string[]): void {
  const { sqlite } = archive
  stmt(sqlite, 'DELETE FROM collection_articles WHERE article_id = ?').run(articleId)
  for (const name of names) {
    if (!name.trim()) continue
    const id = collectionId(archive, name)
    const position = stmt(
      sqlite,
      'SELECT coalesce(max(position), -1) + 1 FROM collection_articles WHERE collection_id = ?'
    )
      .pluck()
      .get(id) as number
    stmt(
      sqlite,
      'INSERT OR IGNORE INTO collection_articles (collection_id, article_id, position) VALUES (?, ?, ?)'
    ).run(id, articleId, position)
  }
}

export function setRelated(archive: Archive, articleId: number, links: RelatedLink[]): void {
  stmt(archive.sqlite, 'DELETE FROM related_links WHERE article_id = ?').run(articleId)
  const insert = stmt(
    archive.sqlite,
    'INSERT INTO related_links (article_id, title, url) VALUES (?, ?, ?)'
  )
  for (const link of links) insert.run(articleId, link.title, link.url ?? null)
}

export type { Snapshot }

export function writeRevision(
  archive: Archive,
  articleId: number,
  version: number,
  snapshot: Snapshot,
  reason: string
): void {
  stmt(
    archive.sqlite,
    'INSERT INTO revisions (article_id, version, snapshot, reason, created_at) VALUES (?, ?, ?, ?, ?)'
  ).run(articleId, version, JSON.stringify(snapshot), reason, nowIso())
}

/**
 * Revisions are written lazily: an article that was never changed is its own first revision
 * (imports stay half the size and twice as fast). Before the first change, this keeps the
 * state being replaced, so every version stays restorable.
 */
export function ensureBaseRevision(archive: Archive, articleId: number): void {
  stmt(
    archive.sqlite,
    `INSERT INTO revisions (article_id, version, snapshot, reason, created_at)
     SELECT a.id, a.version, ${SNAPSHOT_SQL}, CASE WHEN a.original_id IS NULL THEN 'create' ELSE 'import' END,
       a.updated_at
     FROM articles a LEFT JOIN sources s ON s.id = a.source_id
     WHERE a.id = ? AND NOT EXISTS
       (SELECT 1 FROM revisions r WHERE r.article_id = a.id AND r.version = a.version)`
  ).run(articleId)
}

export interface InsertOptions {
  /** the body's content hash, when the caller computed it already */
  contentHash?: string
  originalId?: number | null
  originalIndex?: number | null
  reason?: string
  tags?: string[]
  collections?: string[]
  /** the story group this article joins (another printing of the same body) */
  storyUid?: string | null
}

/** Inserts one article with its links and first revision; the caller owns the transaction. */
export function insertArticle(
  archive: Archive,
  input: ParsedArticle,
  options: InsertOptions = {}
): { id: number; uid: string } {
  const uid = newUid()
  const at = nowIso()
  const fields = {
    uid,
    title: input.title,
    subtitle: input.subtitle ?? null,
    lang: input.lang ?? null,
    source_id: sourceId(archive, input.source),
    url: input.url ?? null,
    published: input.published ?? null,
    date_precision: input.published ? (input.datePrecision ?? 'day') : null,
    date_text: input.dateText ?? null,
    authors: JSON.stringify(input.authors ?? []),
    caption: input.caption ?? null,
    image_credit: input.imageCredit ?? null,
    section: input.section ?? null,
    status: input.status ?? 'new',
    notes: input.notes ?? null,
    source_ref: input.sourceId ?? null,
    summary: input.summary ?? null,
    published_time: input.publishedTime ?? null,
    extra: input.extra && Object.keys(input.extra).length ? JSON.stringify(input.extra) : null,
    version: 1,
    body: input.body
  } satisfies Record<(typeof CHECKSUM_COLUMNS)[number], unknown>
  const result = stmt(
    archive.sqlite,
    `INSERT INTO articles (uid, title, subtitle, body, lang, source_id, url, published, date_precision,
       date_text, authors, caption, image_credit, section, status, notes, content_hash, original_id,
       original_index, source_ref, summary, published_time, extra, story_uid, version, created_at,
       updated_at, title_key, author_key, checksum)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)`
  ).run(
    uid,
    fields.title,
    fields.subtitle,
    fields.body,
    fields.lang,
    fields.source_id,
    fields.url,
    fields.published,
    fields.date_precision,
    fields.date_text,
    fields.authors,
    fields.caption,
    fields.image_credit,
    fields.section,
    fields.status,
    fields.notes,
    options.contentHash ?? contentHash(input.body),
    options.originalId ?? null,
    options.originalIndex ?? null,
    fields.source_ref,
    fields.summary,
    fields.published_time,
    fields.extra,
    options.storyUid ?? null,
    at,
    at,
    sortKey(input.title),
    authorsSortKey(input.authors),
    // computed here from the values inserted: no second write of the row
    articleChecksum(CHECKSUM_COLUMNS.map((c) => fields[c]))
  )
  const id = Number(result.lastInsertRowid)
  // imported files may name tags and collections (Warraq's own CSV export does)
  const tags = options.tags ?? input.tags ?? []
  const collections = options.collections ?? input.collections ?? []
  if (tags.length) setTags(archive, id, tags)
  if (collections.length) setCollections(archive, id, collections)
  if (input.related?.length) setRelated(archive, id, input.related)
  return { id, uid }
}
