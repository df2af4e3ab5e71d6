/**
 * Field recognition shared by the structured importers (JSON, CSV, XML): a record — field name
 * to value — becomes a ParsedArticle. Names are matched loosely (case, `_`, `-` and namespace
 * colons ignored: `date_extracted`, `pubDate`, `dc:creator`), an explicit user mapping wins over
 * the defaults, and Warraq's own CSV export columns (`published` + `datePrecision` + `dateText`,
 * `uid`) are read back exactly.
 */
import { ARTICLE_STATUSES, DATE_PRECISIONS } from '@shared/domain'
import type { ArticleStatus, DatePrecision, ParsedArticle, RelatedLink } from '@shared/domain'
import { MULTI_VALUE_SEPARATOR } from '@shared/csv/writer'
import { dateOrText, parseDateField } from './dateField'
import type { DateFields } from './dateField'
import {
  BOOKKEEPING_NAMES,
  CATEGORY_NAMES,
  DEFAULT_NAMES,
  normalizeFieldName,
  type Target
} from './field-names'
import { fieldText } from './field-text'
import type { FieldMapping } from './types'

export type FieldRecord = Record<string, unknown>

/** Fields whose value is one line; newlines inside them become spaces. */
const ONE_LINE: ReadonlySet<Target> = new Set<Target>([
  'title',
  'subtitle',
  'source',
  'url',
  'published',
  'publishedTime',
  'datePrecision',
  'dateText',
  'imageCredit',
  'section',
  'status',
  'lang',
  'sourceId'
])

export { normalizeFieldName }

const LANG_NAMES: ReadonlySet<string> = new Set(DEFAULT_NAMES.lang)

export interface RecordOptions {
  mapping?: FieldMapping
  fileName: string
  /** Warraq's CSV export joins authors with ' | ' only; a comma there is part of a name */
  authorsMultiValueOnly?: boolean
  /** used when a record has none (an RSS channel's title as the items' source) */
  defaults?: Partial<ParsedArticle>
}

export interface SkippedRecord {
  /** 1-based position of the record in the file */
  index: number
  reason: string
  /** the line a CSV record starts on, when it could not be read at all (a quote never closed) */
  line?: number
}

export interface RecordsResult {
  articles: ParsedArticle[]
  skipped: SkippedRecord[]
}

interface Picked {
  picks: Map<Target, unknown>
  /** the record's keys that went to a field */
  used: Set<string>
  /** the section came from a key that names a category (it is kept as a tag too) */
  category: boolean
  /** the normalised name of the key each field came from */
  origin: Map<Target, string>
}

/** Picks the value for each article field: mapped names first, then the defaults. */
function pickFields(record: FieldRecord, mapping: FieldMapping | undefined): Picked {
  const entries = Object.entries(record).map(([key, value]) => ({
    key,
    norm: normalizeFieldName(key),
    value
  }))
  const picks = new Map<Target, unknown>()
  const origin = new Map<Target, string>()
  const used = new Set<string>()
  for (const [source, target] of Object.entries(mapping ?? {})) {
    const norm = normalizeFieldName(source)
    const hit = entries.find((e) => e.key === source) ?? entries.find((e) => e.norm === norm)
    if (hit) {
      used.add(hit.key)
      if (!isEmpty(hit.value)) picks.set(target, hit.value)
    }
  }
  const mappedTargets = new Set(Object.values(mapping ?? {}))
  let category = false
  for (const [target, names] of Object.entries(DEFAULT_NAMES) as [Target, readonly string[]][]) {
    if (mappedTargets.has(target)) continue
    for (const name of names) {
      const hit = entries.find((e) => e.norm === name && !used.has(e.key) && !isEmpty(e.value))
      if (hit) {
        used.add(hit.key)
        picks.set(target, hit.value)
        origin.set(target, hit.norm)
        if (target === 'section') category = CATEGORY_NAMES.has(hit.norm)
        break
      }
    }
  }
  return { picks, used, category, origin }
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true
  if (typeof value === 'string') return value.trim() === ''
  if (Array.isArray(value)) return value.every(isEmpty)
  return false
}

/** A value as text: arrays (paragraph lists) joined by lines, `{name}`/`{text}` objects read. */
function asText(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value))
    return value
      .map(asText)
      .filter((v) => v.trim())
      .join('\n')
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>
    for (const key of ['name', 'text', '#text', 'value', 'title']) {
      if (typeof o[key] === 'string') return o[key]
    }
  }
  return ''
}

function clean(target: Target, raw: string): string {
  // a no-break space from `&nbsp;` is a space to a reader and to search
  const text = fieldText(raw).replace(/\u00a0/g, ' ')
  if (ONE_LINE.has(target)) return text.replace(/\s*\n\s*/g, ' ').trim()
  return text.trim()
}

/**
 * The record's fields that no article field took, kept by their own names as text: an
 * archivist's data is never dropped. Warraq's own `extra` column (a JSON object) merges back.
 */
function extraFields(record: FieldRecord, used: Set<string>): Record<string, string> {
  const extra: Record<string, string> = {}
  for (const [key, value] of Object.entries(record)) {
    if (used.has(key) || isEmpty(value)) continue
    const norm = normalizeFieldName(key)
    if (norm === 'extra') {
      // Warraq's own export: a JSON object in a CSV cell, or the object itself in JSON
      Object.assign(extra, extraFromJson(typeof value === 'string' ? value : JSON.stringify(value)))
      continue
    }
    if (BOOKKEEPING_NAMES.has(norm)) continue
    const text =
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? JSON.stringify(value)
        : clean('notes', asText(value))
    if (text) extra[key] = text
  }
  return extra
}

function extraFromJson(text: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(text)
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {}
    return Object.fromEntries(
      Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string')
    )
  } catch {
    return {}
  }
}

export function splitAuthors(text: string, multiValueOnly = false): string[] {
  const parts = text.includes(MULTI_VALUE_SEPARATOR)
    ? text.split(MULTI_VALUE_SEPARATOR)
    : multiValueOnly
      ? [text]
      : text.split(/[،,]/)
  return parts.map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean)
}

function readAuthors(value: unknown, multiValueOnly: boolean): string[] {
  if (Array.isArray(value)) return value.map((v) => clean('authors', asText(v))).filter(Boolean)
  return splitAuthors(clean('authors', asText(value)), multiValueOnly)
}

function readRelated(value: unknown): RelatedLink[] {
  const items = Array.isArray(value) ? value : [value]
  const links: RelatedLink[] = []
  for (const item of items) {
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      const o = item as Record<string, unknown>
      const title = clean('title', asText(o.title ?? o.text ?? ''))
      const url = clean('url', asText(o.url ?? o.link ?? '')) || null
      if (title || url) links.push({ title: title || (url ?? ''), url })
    } else {
      for (const line of clean('body', asText(item)).split('\n')) {
        if (line.trim()) links.push({ title: line.trim() })
      }
    }
  }
  return links
}

/**
 * The date fields. Warraq's export gives an ISO `published` with its precision and the original
 * text: taken as they are. Otherwise the date value is parsed, and an explicit date text is kept.
 */
function readDates(published: string, precision: string, dateText: string): DateFields {
  if (/^\d{4}-\d{2}-\d{2}$/.test(published) && isPrecision(precision)) {
    return { published, datePrecision: precision, dateText: dateText || null }
  }
  if (published) {
    const parsed = parseDateField(published)
    if (parsed) return dateText ? { ...parsed, dateText } : parsed
  }
  if (dateText) return dateOrText(dateText)
  return published ? dateOrText(published) : {}
}

function isPrecision(value: string): value is DatePrecision {
  return (DATE_PRECISIONS as readonly string[]).includes(value)
}

function isStatus(value: string): value is ArticleStatus {
  return (ARTICLE_STATUSES as readonly string[]).includes(value)
}

/** One record → an article, or the reason it is not one. */
export function recordToArticle(
  record: FieldRecord,
  options: RecordOptions,
  fallbackTitle: string
): ParsedArticle | string {
  const { picks, used, category, origin } = pickFields(record, options.mapping)
  const text = (target: Target): string => {
    const value = picks.get(target)
    return value === undefined ? '' : clean(target, asText(value))
  }
  const body = text('body')
  const title = text('title')
  if (!title && !body) {
    const names = Object.keys(record).slice(0, 8).join(', ')
    return `it has no title and no body (fields: ${names || 'none'})`
  }
  const article: ParsedArticle = { ...options.defaults, title: title || fallbackTitle, body }
  for (const target of [
    'subtitle',
    'source',
    'url',
    'caption',
    'imageCredit',
    'section',
    'notes',
    'lang',
    'sourceId',
    'summary',
    'publishedTime'
  ] as const) {
    const value = text(target)
    if (value) article[target] = value
  }
  Object.assign(article, readDates(text('published'), text('datePrecision'), text('dateText')))
  // a scraper's extraction time is not the time the paper printed: only its day is kept
  if (origin.get('published') === 'dateextracted' && article.publishedTime) {
    article.datePrecision = 'day'
    delete article.publishedTime
  }
  if (picks.has('authors')) {
    const authors = readAuthors(picks.get('authors'), options.authorsMultiValueOnly ?? false)
    if (authors.length > 0) article.authors = authors
  }
  for (const target of ['tags', 'collections'] as const) {
    if (!picks.has(target)) continue
    const value = picks.get(target)
    const names = Array.isArray(value)
      ? value.map((v) => asText(v).trim()).filter(Boolean)
      : splitAuthors(clean('notes', asText(value)), true)
    if (names.length > 0) article[target] = names
  }
  const status = text('status')
  if (isStatus(status)) article.status = status
  if (picks.has('related')) article.related = readRelated(picks.get('related'))
  if (category && article.section) {
    const tags = article.tags ?? []
    if (!tags.includes(article.section)) article.tags = [...tags, article.section]
  }
  // a language column left empty (Warraq's export of an article of no stated language) says
  // "none": the importer then does not guess one
  if (!article.lang && Object.keys(record).some((k) => LANG_NAMES.has(normalizeFieldName(k)))) {
    article.lang = null
  }
  const extra = extraFields(record, used)
  if (Object.keys(extra).length > 0) article.extra = extra
  return article
}

/** File name without folder and extension: the last-resort title. */
export function baseName(fileName: string): string {
  const name = fileName.split(/[\\/]/).pop() ?? fileName
  return name.replace(/\.[^.]+$/, '') || name || 'untitled'
}

/** Converts every record (null: not a record at all), keeping the reasons of those that are not articles. */
export function collectArticles(
  records: readonly (FieldRecord | null)[],
  options: RecordOptions,
  notRecordReason = 'it is not a record'
): RecordsResult {
  const result: RecordsResult = { articles: [], skipped: [] }
  const base = baseName(options.fileName)
  records.forEach((record, i) => {
    if (record === null) {
      result.skipped.push({ index: i + 1, reason: notRecordReason })
      return
    }
    const fallback = records.length > 1 ? `${base} (${i + 1})` : base
    const article = recordToArticle(record, options, fallback)
    if (typeof article === 'string') result.skipped.push({ index: i + 1, reason: article })
    else result.articles.push(article)
  })
  return result
}

/** The articles, or an ImportFormatError-worthy reason when there are none. */
export function noArticlesReason(result: RecordsResult, what: string): string | null {
  if (result.articles.length > 0) return null
  if (result.skipped.length === 0) return `The ${what} holds no records`
  const shown = result.skipped
    .slice(0, 3)
    .map((s) => `record ${s.index}: ${s.reason}`)
    .join('; ')
  return `None of the ${result.skipped.length} records in the ${what} is an article (${shown})`
}
