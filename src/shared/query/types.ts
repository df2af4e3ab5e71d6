/** The parsed form of a search query typed by a person. */
import type { ArticleStatus } from '@shared/domain'

/** A single query word. `norm` is normalised; `stem` is its light stem (used unless `exact`). */
export interface WordTerm {
  kind: 'word'
  norm: string
  stem: string
  /** `=word` or `"word"`: the exact normalised form only, no stem, no variants. */
  exact: boolean
  /** `word*`: any word starting with `norm`. */
  prefix: boolean
}

/** `"a phrase"`: consecutive words, matched on exact normalised forms. */
export interface PhraseTerm {
  kind: 'phrase'
  /** Normalised words, at least two (a one-word phrase becomes an exact WordTerm). */
  words: string[]
}

export type Term = WordTerm | PhraseTerm

/** Terms joined by OR: one of them must match. */
export type TermGroup = Term[]

/** An inclusive range of ISO dates (`YYYY-MM-DD`); `null` is an open end. */
export interface DateRange {
  start: string | null
  end: string | null
}

/**
 * Filters beside the words. Single-valued article fields (source, date, status) match when ANY
 * given value matches; multi-valued ones (authors, tags, collections, entities) need ALL of them.
 * Values are as typed (trimmed, quotes removed); the caller compares them normalised.
 */
export interface Filters {
  sources: string[]
  authors: string[]
  tags: string[]
  collections: string[]
  entities: string[]
  dates: DateRange[]
  /** `has:annotations` */
  hasAnnotations: boolean
  statuses: ArticleStatus[]
  /** `id:` / `docno:`: the identifier the source gave (TREC DOCNO, a JSON `id`), exactly */
  identifiers: string[]
}

/**
 * A parsed query: every group must match, no excluded term may, and all filters apply.
 * `optional` (long queries only, see parse.ts) holds groups of which at least one must match
 * when `groups` is empty; they rank the results (bm25), they do not filter them.
 */
export interface SearchQuery {
  groups: TermGroup[]
  excluded: Term[]
  filters: Filters
  optional?: TermGroup[]
}

/**
 * What is wrong with a query; `position` is the 0-based offset in the typed string. `key` and
 * `params` name the message in the interface's catalogue (params always hold `position`).
 */
export interface QueryError {
  message: string
  position: number
  key: string
  params: Record<string, string | number>
}

export type ParsedQuery = { ok: true; query: SearchQuery } | { ok: false; error: QueryError }

/** Names accepted before a colon, in the order the error message lists them. */
export const FILTER_NAMES = [
  'source',
  'author',
  'tag',
  'collection',
  'entity',
  'date',
  'has',
  'status',
  'id',
  'docno'
] as const
export type FilterName = (typeof FILTER_NAMES)[number]

/** An empty filter set. */
export function emptyFilters(): Filters {
  return {
    sources: [],
    authors: [],
    tags: [],
    collections: [],
    entities: [],
    dates: [],
    hasAnnotations: false,
    statuses: [],
    identifiers: []
  }
}
