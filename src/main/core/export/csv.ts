/**
 * CSV rows of articles or annotations, in the columns the user chose. Quoting and the formula
 * guard are the shared writer's (`csvField`), so the importer's `unguardFormula` undoes exactly
 * what was done here; this module only decides what goes in each cell.
 */
import {
  DEFAULT_ANNOTATION_COLUMNS,
  DEFAULT_ARTICLE_COLUMNS,
  type CsvEncoding,
  type ExportAnnotationColumn,
  type ExportArticleColumn,
  type ExportShape
} from '@shared/contract/exports'
import { MULTI_VALUE_SEPARATOR, csvField } from '@shared/csv/writer'
import type { ExportAnnotation, ExportArticle } from './records'

const joined = (values: readonly string[]): string => values.join(MULTI_VALUE_SEPARATOR)
const text = (value: string | number | null): string => (value === null ? '' : String(value))

const ARTICLE_CELL: Record<ExportArticleColumn, (a: ExportArticle) => string> = {
  uid: (a) => a.uid,
  title: (a) => a.title,
  subtitle: (a) => text(a.subtitle),
  source: (a) => text(a.source),
  // ISO as stored (`YYYY-MM-DD`, first day for month and year precision) with its precision
  // beside it, and the date as the paper wrote it in its own column
  published: (a) => text(a.published),
  datePrecision: (a) => text(a.datePrecision),
  dateText: (a) => text(a.dateText),
  authors: (a) => joined(a.authors),
  section: (a) => text(a.section),
  status: (a) => a.status,
  url: (a) => text(a.url),
  caption: (a) => text(a.caption),
  imageCredit: (a) => text(a.imageCredit),
  tags: (a) => joined(a.tags),
  collections: (a) => joined(a.collections),
  notes: (a) => text(a.notes),
  body: (a) => a.body,
  lang: (a) => text(a.lang),
  summary: (a) => text(a.summary),
  identifier: (a) => text(a.identifier),
  publishedTime: (a) => text(a.publishedTime),
  story: (a) => text(a.storyUid),
  extra: (a) => text(a.extra),
  entities: (a) => joined(a.entities),
  createdAt: (a) => a.createdAt,
  updatedAt: (a) => a.updatedAt
}

type AnnotationRow = { article: ExportArticle; annotation: ExportAnnotation }

const ANNOTATION_CELL: Record<ExportAnnotationColumn, (r: AnnotationRow) => string> = {
  articleUid: (r) => r.article.uid,
  articleTitle: (r) => r.article.title,
  annotationUid: (r) => r.annotation.uid,
  exact: (r) => r.annotation.exact,
  prefix: (r) => r.annotation.prefix,
  suffix: (r) => r.annotation.suffix,
  // JavaScript string (UTF-16) offsets into the body, as the app stores them
  start: (r) => String(r.annotation.start),
  end: (r) => String(r.annotation.end),
  note: (r) => text(r.annotation.note),
  color: (r) => r.annotation.color,
  tags: (r) => joined(r.annotation.tags),
  entity: (r) => text(r.annotation.entityName),
  author: (r) => text(r.annotation.author),
  createdAt: (r) => r.annotation.createdAt,
  updatedAt: (r) => r.annotation.updatedAt,
  status: (r) => r.annotation.status
}

export function articleColumns(columns: readonly string[] | undefined): ExportArticleColumn[] {
  return [...((columns as ExportArticleColumn[] | undefined) ?? DEFAULT_ARTICLE_COLUMNS)]
}

export function annotationColumns(
  columns: readonly string[] | undefined
): ExportAnnotationColumn[] {
  return [...((columns as ExportAnnotationColumn[] | undefined) ?? DEFAULT_ANNOTATION_COLUMNS)]
}

/** The columns of a CSV export (already validated against the shape by the contract). */
export function csvColumns(shape: ExportShape, columns: readonly string[] | undefined): string[] {
  return shape === 'annotations' ? annotationColumns(columns) : articleColumns(columns)
}

export function articleCells(
  article: ExportArticle,
  columns: readonly ExportArticleColumn[]
): string[] {
  return columns.map((column) => ARTICLE_CELL[column](article))
}

export function annotationCells(
  row: AnnotationRow,
  columns: readonly ExportAnnotationColumn[]
): string[] {
  return columns.map((column) => ANNOTATION_CELL[column](row))
}

/** UTF-16 files are TAB-separated: that is what older Excel splits into columns on opening. */
export function csvDelimiter(encoding: CsvEncoding): string {
  return encoding === 'utf16le' ? '\t' : ','
}

/** One RFC 4180 line: every field quoted and guarded, CRLF at the end. */
export function csvLine(cells: readonly string[], delimiter: string): string {
  return cells.map(csvField).join(delimiter) + '\r\n'
}

/** The text of a CSV export: header, then one line per row. The BOM is the writer's business. */
export function* csvChunks(
  columns: readonly string[],
  rows: Iterable<readonly string[]>,
  delimiter: string
): Generator<string> {
  yield csvLine(columns, delimiter)
  for (const cells of rows) yield csvLine(cells, delimiter)
}
