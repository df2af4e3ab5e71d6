/**
 * Articles as RIS records (type NEWS), the format EndNote, Zotero and Mendeley all import:
 * `TAG  - value` lines, CRLF, `ER  - ` closing each record, UTF-8.
 */
import { dateParts } from './citation-date'
import type { ExportArticle } from './records'

/** RIS values are one line each: line breaks inside a title or name become spaces. */
function line(tag: string, value: string): string {
  return `${tag}  - ${value.replace(/\s+/g, ' ').trim()}\r\n`
}

const pad = (n: number): string => String(n).padStart(2, '0')

export function toRisRecord(article: ExportArticle): string {
  let text = line('TY', 'NEWS')
  text += line('TI', article.title)
  for (const author of article.authors) text += line('AU', author)
  // T2 is the newspaper's name for the NEWS type (EndNote and Zotero read it so)
  if (article.source) text += line('T2', article.source)
  const parts = dateParts(article.published, article.datePrecision)
  if (parts) {
    text += line('PY', String(parts[0]))
    // DA is YYYY/MM/DD/other-info, with empty parts for what the source did not give
    const [year, month, day] = parts
    text += line('DA', `${year}/${month ? pad(month) : ''}/${day ? pad(day) : ''}/`)
  } else if (article.dateText) {
    text += line('DA', `///${article.dateText}`)
  }
  if (article.section) text += line('SE', article.section)
  if (article.url) text += line('UR', article.url)
  if (article.lang) text += line('LA', article.lang)
  text += line('ID', article.uid)
  return `${text}ER  - \r\n\r\n`
}
