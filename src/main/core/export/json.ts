/**
 * JSON exports: full records (an article with its text, links and annotations; or an annotation
 * with its article), and the streaming of any records as one JSON array, record by record.
 */
import { parseExtra } from '../articles/rows'
import type { ExportAnnotation, ExportArticle } from './records'

/** An annotation as exported: its own fields, offsets as JavaScript string offsets. */
export function annotationRecord(annotation: ExportAnnotation): Record<string, unknown> {
  return {
    uid: annotation.uid,
    start: annotation.start,
    end: annotation.end,
    exact: annotation.exact,
    prefix: annotation.prefix,
    suffix: annotation.suffix,
    bodyVersion: annotation.bodyVersion,
    color: annotation.color,
    note: annotation.note,
    tags: annotation.tags,
    entity: annotation.entityUid
      ? { uid: annotation.entityUid, name: annotation.entityName }
      : null,
    author: annotation.author,
    status: annotation.status,
    createdAt: annotation.createdAt,
    updatedAt: annotation.updatedAt
  }
}

/** Everything the archive knows of an article, in the field names of the app's own types. */
export function articleRecord(
  article: ExportArticle,
  annotations: readonly ExportAnnotation[]
): Record<string, unknown> {
  return {
    uid: article.uid,
    version: article.version,
    title: article.title,
    subtitle: article.subtitle,
    source: article.source,
    url: article.url,
    published: article.published,
    datePrecision: article.datePrecision,
    dateText: article.dateText,
    authors: article.authors,
    section: article.section,
    lang: article.lang,
    status: article.status,
    caption: article.caption,
    imageCredit: article.imageCredit,
    notes: article.notes,
    summary: article.summary,
    identifier: article.identifier,
    publishedTime: article.publishedTime,
    story: article.storyUid,
    extra: parseExtra(article.extra),
    tags: article.tags,
    collections: article.collections,
    entities: article.entities,
    related: article.related,
    createdAt: article.createdAt,
    updatedAt: article.updatedAt,
    body: article.body,
    annotations: annotations.map(annotationRecord)
  }
}

/** One row of the annotation shape: the annotation with where it is. */
export function annotationWithArticleRecord(
  article: ExportArticle,
  annotation: ExportAnnotation
): Record<string, unknown> {
  return { articleUid: article.uid, articleTitle: article.title, ...annotationRecord(annotation) }
}

/**
 * A JSON array written one element at a time (never one big `JSON.stringify`), indented so a
 * person can read it and a diff can compare two exports.
 */
export function* jsonArrayChunks(records: Iterable<unknown>): Generator<string> {
  let first = true
  for (const record of records) {
    const text = JSON.stringify(record, null, 2).replace(/\n/g, '\n  ')
    yield `${first ? '[\n  ' : ',\n  '}${text}`
    first = false
  }
  yield first ? '[]\n' : '\n]\n'
}
