import type { Article, RelatedLink } from '@shared/domain'
import type { ArticleSummary } from '@shared/domain-lists'
import type { Archive } from '../db/open'

/** The raw row as selected by ARTICLE_COLUMNS, before lookups. */
export interface ArticleRow {
  id: number
  uid: string
  title: string
  subtitle: string | null
  body: string
  lang: string | null
  source: string | null
  url: string | null
  published: string | null
  datePrecision: string | null
  dateText: string | null
  authors: string
  caption: string | null
  imageCredit: string | null
  section: string | null
  status: string
  notes: string | null
  contentHash: string
  version: number
  createdAt: string
  updatedAt: string
  deletedAt: string | null
  originalId: number | null
  summary: string | null
  identifier: string | null
  publishedTime: string | null
  extra: string | null
  storyUid: string | null
}

export const ARTICLE_COLUMNS = `a.id, a.uid, a.title, a.subtitle, a.body, a.lang, s.name AS source, a.url,
  a.published, a.date_precision AS datePrecision, a.date_text AS dateText, a.authors, a.caption,
  a.image_credit AS imageCredit, a.section, a.status, a.notes, a.content_hash AS contentHash,
  a.version, a.created_at AS createdAt, a.updated_at AS updatedAt, a.deleted_at AS deletedAt,
  a.original_id AS originalId, a.summary, a.source_ref AS identifier,
  a.published_time AS publishedTime, a.extra, a.story_uid AS storyUid`

export const SUMMARY_COLUMNS = `a.id, a.uid, a.title, s.name AS source, a.published,
  a.date_precision AS datePrecision, a.authors, a.status, a.version,
  a.created_at AS createdAt, a.updated_at AS updatedAt, a.deleted_at AS deletedAt,
  (SELECT count(*) FROM annotations n WHERE n.article_id = a.id) AS annotationCount,
  a.story_uid AS storyUid`

export function rowById(archive: Archive, id: number): ArticleRow | undefined {
  return archive.sqlite
    .prepare(
      `SELECT ${ARTICLE_COLUMNS} FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE a.id = ?`
    )
    .get(id) as ArticleRow | undefined
}

export function rowByUid(archive: Archive, uid: string): ArticleRow | undefined {
  return archive.sqlite
    .prepare(
      `SELECT ${ARTICLE_COLUMNS} FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE a.uid = ?`
    )
    .get(uid) as ArticleRow | undefined
}

export function parseJsonList(value: string | null): string[] {
  if (!value) return []
  const parsed: unknown = JSON.parse(value)
  return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : []
}

/** The extra-metadata column: a JSON object of text values (anything else ignored). */
export function parseExtra(value: string | null): Record<string, string> {
  if (!value) return {}
  const parsed: unknown = JSON.parse(value)
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {}
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string') out[k] = v
  return out
}

/** Completes a row with its tags, collections, related links and annotation count. */
export function toArticle(archive: Archive, row: ArticleRow): Article {
  const { sqlite } = archive
  const tags = sqlite
    .prepare(
      'SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = ? ORDER BY t.name'
    )
    .pluck()
    .all(row.id) as string[]
  const collections = sqlite
    .prepare(
      'SELECT c.name FROM collection_articles ca JOIN collections c ON c.id = ca.collection_id WHERE ca.article_id = ? ORDER BY c.name'
    )
    .pluck()
    .all(row.id) as string[]
  const related = sqlite
    .prepare(
      `SELECT r.title, r.url, t.uid AS targetUid FROM related_links r
       LEFT JOIN articles t ON t.id = r.target_article_id WHERE r.article_id = ? ORDER BY r.id`
    )
    .all(row.id) as RelatedLink[]
  const annotationCount = sqlite
    .prepare('SELECT count(*) FROM annotations WHERE article_id = ?')
    .pluck()
    .get(row.id) as number
  const storyCopies = row.storyUid
    ? (sqlite
        .prepare(
          'SELECT uid FROM articles WHERE story_uid = ? AND id != ? AND deleted_at IS NULL ORDER BY id'
        )
        .pluck()
        .all(row.storyUid, row.id) as string[])
    : []
  return {
    uid: row.uid,
    version: row.version,
    summary: row.summary,
    identifier: row.identifier,
    publishedTime: row.publishedTime,
    extra: parseExtra(row.extra),
    storyUid: row.storyUid,
    storyCopies,
    title: row.title,
    subtitle: row.subtitle,
    body: row.body,
    lang: row.lang,
    source: row.source,
    url: row.url,
    published: row.published,
    datePrecision: row.datePrecision as Article['datePrecision'],
    dateText: row.dateText,
    authors: parseJsonList(row.authors),
    caption: row.caption,
    imageCredit: row.imageCredit,
    section: row.section,
    status: row.status as Article['status'],
    notes: row.notes,
    tags,
    collections,
    related,
    annotationCount,
    hasOriginal: row.originalId !== null,
    contentHash: row.contentHash,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    deletedAt: row.deletedAt
  }
}

export interface SummaryRow extends Omit<
  ArticleSummary,
  'authors' | 'status' | 'tags' | 'collections'
> {
  id: number
  authors: string
  status: string
}

export function toSummary(row: SummaryRow): ArticleSummary {
  return {
    uid: row.uid,
    title: row.title,
    source: row.source,
    published: row.published,
    datePrecision: row.datePrecision,
    authors: parseJsonList(row.authors),
    status: row.status as ArticleSummary['status'],
    version: row.version,
    annotationCount: row.annotationCount,
    tags: [],
    collections: [],
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    deletedAt: row.deletedAt,
    storyUid: row.storyUid ?? null
  }
}
