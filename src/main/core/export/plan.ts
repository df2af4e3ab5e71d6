/**
 * What one export produces, before it becomes bytes: CSV rows, JSON records or text records,
 * each a lazy sequence read batch by batch. The file writer and the dialog's preview both take a
 * plan, so the preview shows exactly what the file will hold.
 */
import type { ExportOptions } from '@shared/contract/exports'
import type { Archive } from '../db/open'
import { CodePointCounter, toWebAnnotation } from './annotations-jsonld'
import { toCslItem } from './csl'
import {
  annotationCells,
  annotationColumns,
  articleCells,
  articleColumns,
  csvDelimiter
} from './csv'
import { annotationWithArticleRecord, articleRecord } from './json'
import {
  iterateAnnotations,
  iterateArticleBatches,
  iterateArticles,
  readAnnotationBatch
} from './records'
import { toRisRecord } from './ris'

export type ExportPlan =
  | { kind: 'csv'; columns: string[]; delimiter: string; rows: Iterable<string[]> }
  | { kind: 'json'; records: Iterable<unknown> }
  | { kind: 'text'; records: Iterable<string> }

function* fullArticleRecords(archive: Archive, ids: readonly number[]): Generator<unknown> {
  for (const batch of iterateArticleBatches(archive, ids, { body: true, related: true })) {
    const annotations = readAnnotationBatch(
      archive,
      batch.map((a) => a.id)
    )
    for (const article of batch) yield articleRecord(article, annotations.get(article.id) ?? [])
  }
}

function* webAnnotations(archive: Archive, ids: readonly number[]): Generator<unknown> {
  let counter: CodePointCounter | null = null
  let current = -1
  for (const { article, annotation } of iterateAnnotations(archive, ids, { body: true })) {
    if (article.id !== current || !counter) {
      counter = new CodePointCounter(article.body)
      current = article.id
    }
    yield toWebAnnotation(article, annotation, counter)
  }
}

function* mapped<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item)
}

/** The plan for `options` over the articles `ids` (already selected, in export order). */
export function planExport(
  archive: Archive,
  options: ExportOptions,
  ids: readonly number[]
): ExportPlan {
  switch (options.format) {
    case 'csv': {
      const delimiter = csvDelimiter(options.encoding)
      if (options.shape === 'annotations') {
        const columns = annotationColumns(options.columns)
        const rows = iterateAnnotations(archive, ids, { body: false })
        return {
          kind: 'csv',
          columns,
          delimiter,
          rows: mapped(rows, (r) => annotationCells(r, columns))
        }
      }
      const columns = articleColumns(options.columns)
      // bodies are most of the bytes: read them only when the body column is exported
      const articles = iterateArticles(archive, ids, { body: columns.includes('body') })
      return {
        kind: 'csv',
        columns,
        delimiter,
        rows: mapped(articles, (a) => articleCells(a, columns))
      }
    }
    case 'json':
      if (options.shape === 'annotations') {
        const rows = iterateAnnotations(archive, ids, { body: false })
        return {
          kind: 'json',
          records: mapped(rows, (r) => annotationWithArticleRecord(r.article, r.annotation))
        }
      }
      return { kind: 'json', records: fullArticleRecords(archive, ids) }
    case 'annotations':
      return { kind: 'json', records: webAnnotations(archive, ids) }
    case 'csl':
      return {
        kind: 'json',
        records: mapped(iterateArticles(archive, ids, { body: false }), toCslItem)
      }
    case 'ris':
      return {
        kind: 'text',
        records: mapped(iterateArticles(archive, ids, { body: false }), toRisRecord)
      }
  }
}
