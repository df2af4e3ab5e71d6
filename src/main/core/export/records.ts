/**
 * Reads what an export writes, a batch of articles at a time: one query for the articles and
 * one per linked table per batch (not per article), so 31k articles take ~60 queries in all and
 * memory holds one batch of bodies at most.
 */
import type { RelatedLink } from '@shared/domain'
import type { Archive } from '../db/open'
import { parseJsonList } from '../articles/rows'
import { ANNOTATION_TAGS_SQL } from '../annotations/tags'

export const BATCH_SIZE = 500

export interface ExportArticle {
  id: number
  uid: string
  title: string
  subtitle: string | null
  /** '' when the export does not need bodies */
  body: string
  lang: string | null
  source: string | null
  url: string | null
  published: string | null
  datePrecision: string | null
  dateText: string | null
  authors: string[]
  caption: string | null
  imageCredit: string | null
  section: string | null
  status: string
  notes: string | null
  summary: string | null
  identifier: string | null
  publishedTime: string | null
  storyUid: string | null
  /** the extra metadata as stored: a JSON object, or null */
  extra: string | null
  version: number
  createdAt: string
  updatedAt: string
  tags: string[]
  collections: string[]
  entities: string[]
  related: RelatedLink[]
}

export interface ExportAnnotation {
  uid: string
  articleId: number
  start: number
  end: number
  exact: string
  prefix: string
  suffix: string
  bodyVersion: number
  color: string
  note: string | null
  tags: string[]
  entityUid: string | null
  entityName: string | null
  author: string | null
  status: string
  createdAt: string
  updatedAt: string
}

export interface ReadOptions {
  body: boolean
  /** related links: only the JSON records carry them */
  related?: boolean
}

type ArticleRow = Omit<
  ExportArticle,
  'authors' | 'tags' | 'collections' | 'entities' | 'related'
> & {
  authors: string
}

const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(',')

/** `article_id → names`, for one batch, each list in the order of `order`. */
function namesByArticle(archive: Archive, sql: string, ids: number[]): Map<number, string[]> {
  const rows = archive.sqlite.prepare(sql).all(...ids) as { articleId: number; name: string }[]
  const map = new Map<number, string[]>()
  for (const row of rows) {
    const list = map.get(row.articleId)
    if (list) list.push(row.name)
    else map.set(row.articleId, [row.name])
  }
  return map
}

function relatedByArticle(archive: Archive, ids: number[]): Map<number, RelatedLink[]> {
  const rows = archive.sqlite
    .prepare(
      `SELECT r.article_id AS articleId, r.title, r.url, t.uid AS targetUid FROM related_links r
       LEFT JOIN articles t ON t.id = r.target_article_id
       WHERE r.article_id IN (${placeholders(ids.length)}) ORDER BY r.id`
    )
    .all(...ids) as (RelatedLink & { articleId: number })[]
  const map = new Map<number, RelatedLink[]>()
  for (const { articleId, ...link } of rows) {
    const list = map.get(articleId) ?? []
    list.push(link)
    map.set(articleId, list)
  }
  return map
}

/** One batch of articles, in the order of `ids`; ids deleted meanwhile are skipped. */
export function readArticleBatch(
  archive: Archive,
  ids: number[],
  options: ReadOptions
): ExportArticle[] {
  if (ids.length === 0) return []
  const list = placeholders(ids.length)
  // the body is not even read from the file when it is not wanted: it is most of the bytes
  const body = options.body ? 'a.body' : "'' AS body"
  const rows = archive.sqlite
    .prepare(
      `SELECT a.id, a.uid, a.title, a.subtitle, ${body}, a.lang, s.name AS source, a.url,
         a.published, a.date_precision AS datePrecision, a.date_text AS dateText, a.authors,
         a.caption, a.image_credit AS imageCredit, a.section, a.status, a.notes, a.summary,
         a.source_ref AS identifier, a.published_time AS publishedTime, a.story_uid AS storyUid,
         a.extra, a.version,
         a.created_at AS createdAt, a.updated_at AS updatedAt
       FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE a.id IN (${list})`
    )
    .all(...ids) as ArticleRow[]
  const tags = namesByArticle(
    archive,
    `SELECT at.article_id AS articleId, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id
     WHERE at.article_id IN (${list}) ORDER BY t.name`,
    ids
  )
  const collections = namesByArticle(
    archive,
    `SELECT ca.article_id AS articleId, c.name FROM collection_articles ca
     JOIN collections c ON c.id = ca.collection_id WHERE ca.article_id IN (${list}) ORDER BY c.name`,
    ids
  )
  const entities = namesByArticle(
    archive,
    `SELECT ae.article_id AS articleId, e.name FROM article_entities ae
     JOIN entities e ON e.id = ae.entity_id WHERE ae.article_id IN (${list}) ORDER BY e.name`,
    ids
  )
  const related = options.related
    ? relatedByArticle(archive, ids)
    : new Map<number, RelatedLink[]>()
  const byId = new Map(rows.map((row) => [row.id, row]))
  const articles: ExportArticle[] = []
  for (const id of ids) {
    const row = byId.get(id)
    if (!row) continue
    articles.push({
      ...row,
      authors: parseJsonList(row.authors),
      tags: tags.get(id) ?? [],
      collections: collections.get(id) ?? [],
      entities: entities.get(id) ?? [],
      related: related.get(id) ?? []
    })
  }
  return articles
}

type AnnotationRow = Omit<ExportAnnotation, 'tags'> & { tags: string }

/** The annotations of a batch of articles, grouped by article, each group in text order. */
export function readAnnotationBatch(
  archive: Archive,
  ids: number[]
): Map<number, ExportAnnotation[]> {
  const map = new Map<number, ExportAnnotation[]>()
  if (ids.length === 0) return map
  const rows = archive.sqlite
    .prepare(
      `SELECT n.uid, n.article_id AS articleId, n.start, n."end", n.exact, n.prefix, n.suffix,
         n.body_version AS bodyVersion, n.color, n.note, ${ANNOTATION_TAGS_SQL}, e.uid AS entityUid,
         e.name AS entityName, n.author, n.status, n.created_at AS createdAt,
         n.updated_at AS updatedAt
       FROM annotations n LEFT JOIN entities e ON e.id = n.entity_id
       WHERE n.article_id IN (${placeholders(ids.length)}) ORDER BY n.article_id, n.start, n.id`
    )
    .all(...ids) as AnnotationRow[]
  for (const row of rows) {
    const annotation: ExportAnnotation = { ...row, tags: parseJsonList(row.tags) }
    const list = map.get(row.articleId)
    if (list) list.push(annotation)
    else map.set(row.articleId, [annotation])
  }
  return map
}

/** Articles of `ids`, `BATCH_SIZE` at a time. */
export function* iterateArticleBatches(
  archive: Archive,
  ids: readonly number[],
  options: ReadOptions
): Generator<ExportArticle[]> {
  for (let from = 0; from < ids.length; from += BATCH_SIZE) {
    yield readArticleBatch(archive, ids.slice(from, from + BATCH_SIZE), options)
  }
}

export function* iterateArticles(
  archive: Archive,
  ids: readonly number[],
  options: ReadOptions
): Generator<ExportArticle> {
  for (const batch of iterateArticleBatches(archive, ids, options)) yield* batch
}

/** Each annotation with its article, articles in export order, annotations in text order. */
export function* iterateAnnotations(
  archive: Archive,
  ids: readonly number[],
  options: ReadOptions
): Generator<{ article: ExportArticle; annotation: ExportAnnotation }> {
  for (let from = 0; from < ids.length; from += BATCH_SIZE) {
    const batch = ids.slice(from, from + BATCH_SIZE)
    const annotations = readAnnotationBatch(archive, batch)
    // only articles that have annotations are read (with bodies when the format needs them)
    const annotated = batch.filter((id) => annotations.has(id))
    for (const article of readArticleBatch(archive, annotated, options)) {
      for (const annotation of annotations.get(article.id) ?? []) yield { article, annotation }
    }
  }
}
