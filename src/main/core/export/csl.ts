/**
 * Articles as CSL-JSON items (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html),
 * the format Zotero, Pandoc and citeproc read. Authors are given as `literal` names: Arabic names
 * have no reliable family/given split, and a wrong split is worse than none.
 */
import { dateParts } from './citation-date'
import type { ExportArticle } from './records'

export function toCslItem(article: ExportArticle): Record<string, unknown> {
  const item: Record<string, unknown> = {
    id: article.uid,
    type: 'article-newspaper',
    title: article.title
  }
  if (article.source) item['container-title'] = article.source
  if (article.authors.length > 0) item.author = article.authors.map((name) => ({ literal: name }))
  const parts = dateParts(article.published, article.datePrecision)
  if (parts) item.issued = { 'date-parts': [parts] }
  else if (article.dateText) item.issued = { literal: article.dateText }
  if (article.url) item.URL = article.url
  if (article.lang) item.language = article.lang
  if (article.section) item.section = article.section
  return item
}
