/**
 * XML importer for dumps with one element per field: TREC/SGML `<DOC>` collections (often with
 * no single root), RSS `<item>` and Atom `<entry>` feeds, and exports whose root repeats one
 * record element. Field names are matched case-insensitively by the shared field table
 * (TITLE/HEADLINE/HEADER, TEXT/BODY/CONTENT, DATE/TIME/PUBDATE, AUTHOR/BYLINE, DOCNO/ID…).
 */
import type { ParsedArticle } from '@shared/domain'
import { collectArticles, noArticlesReason } from './fields'
import type { FieldRecord, RecordsResult } from './fields'
import { ImportFormatError } from './types'
import type { FormatImporter, ParseOptions } from './types'
import { childElements, elementText, localName, scanXml } from './xmlScanner'
import type { XmlElement } from './xmlScanner'

/** Element names that are records wherever they appear, most specific first. */
const RECORD_NAMES = ['doc', 'item', 'entry', 'record', 'article']

/** Every element in document order (iteratively: dumps can be deep). */
function allElements(root: XmlElement): XmlElement[] {
  const found: XmlElement[] = []
  const stack = [...childElements(root)].reverse()
  while (stack.length > 0) {
    const el = stack.pop() as XmlElement
    found.push(el)
    const kids = childElements(el)
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i])
  }
  return found
}

function hasAncestorNamed(el: XmlElement, name: string): boolean {
  for (let p = el.parent; p; p = p.parent) if (localName(p) === name) return true
  return false
}

/** The record elements: named ones, else the repeated children of the root, else the root. */
export function findRecords(doc: XmlElement): XmlElement[] {
  const elements = allElements(doc)
  for (const name of RECORD_NAMES) {
    const hits = elements.filter((el) => localName(el) === name && !hasAncestorNamed(el, name))
    if (hits.length > 0) return hits
  }
  const top = childElements(doc)
  const root = top.length === 1 ? top[0] : doc
  const counts = new Map<string, number>()
  for (const child of childElements(root)) {
    counts.set(localName(child), (counts.get(localName(child)) ?? 0) + 1)
  }
  const [repeated, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['', 0]
  if (count >= 2) return childElements(root).filter((c) => localName(c) === repeated)
  return root === doc ? top : [root]
}

/** One record element → field name → text (repeated fields become lists). */
function toFieldRecord(el: XmlElement): FieldRecord {
  const record: FieldRecord = {}
  for (const child of childElements(el)) {
    // Atom and some feeds put the link in an attribute: <link href="…"/>
    const value = elementText(child) || child.attrs.href || ''
    const key = child.name
    const previous = record[key]
    if (previous === undefined) record[key] = value
    else if (Array.isArray(previous)) previous.push(value)
    else record[key] = [previous, value]
  }
  for (const [name, value] of Object.entries(el.attrs)) {
    if (record[name] === undefined) record[name] = value
  }
  return record
}

/** An RSS channel's or Atom feed's title: the source of its items when they name none. */
function feedTitle(record: XmlElement): string | undefined {
  const parent = record.parent
  if (!parent || !['channel', 'feed'].includes(localName(parent))) return undefined
  const title = childElements(parent).find((c) => localName(c) === 'title')
  return title ? elementText(title) || undefined : undefined
}

export function parseXmlWithReport(text: string, options: ParseOptions): RecordsResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (!source.trim()) throw new ImportFormatError('The XML file is empty')
  const doc = scanXml(source)
  const records = findRecords(doc)
  if (records.length === 0) {
    throw new ImportFormatError('The XML file has no elements, so no records to import')
  }
  const defaultsSource = feedTitle(records[0])
  return collectArticles(records.map(toFieldRecord), {
    mapping: options.mapping,
    fileName: options.fileName,
    defaults: defaultsSource ? { source: defaultsSource } : undefined
  })
}

export const xmlImporter: FormatImporter = {
  id: 'xml',
  extensions: ['.xml', '.rss', '.atom', '.trec', '.sgml', '.sgm'],
  sniff(text: string): number {
    const head = text
      .replace(/^\uFEFF/, '')
      .trimStart()
      .slice(0, 4096)
    if (/^<(DOC|doc)>/.test(head) || /<DOC>\s*<DOCNO>/i.test(head)) return 0.95
    if (/<rss\b|<feed\b[^>]*\/Atom/i.test(head)) return 0.95
    if (/<html\b/i.test(head)) return 0.1 // XHTML: the HTML importer's
    if (head.startsWith('<?xml')) return 0.85
    if (/^<[A-Za-z_][\w.:-]*[^>]*>\s*<[A-Za-z_]/.test(head)) return 0.4
    return 0
  },
  parse(text: string, options: ParseOptions): ParsedArticle[] {
    const result = parseXmlWithReport(text, options)
    const reason = noArticlesReason(result, 'XML file')
    if (reason) throw new ImportFormatError(reason)
    return result.articles
  }
}
