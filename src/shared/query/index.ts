/** The search query language: parsing, FTS5 MATCH building and highlight terms. */
export type { ParseOptions } from './parse'
export { parseQuery, LONG_QUERY_WORDS, MAX_QUERY_FILTERS, MAX_QUERY_TERMS } from './parse'
export { isStopword } from './stopwords'
export { parseDateValue } from './dates'
export { buildFtsMatch, ftsString, SEARCH_FIELDS } from './fts'
export type { FtsMatchOptions, SearchField } from './fts'
export { highlightTermsFromQuery } from './highlight'
export { queryFilters, withFilter, withoutFilter } from './chips'
export type { QueryFilter } from './chips'
export { FILTER_NAMES, emptyFilters } from './types'
export type {
  DateRange,
  FilterName,
  Filters,
  ParsedQuery,
  PhraseTerm,
  QueryError,
  SearchQuery,
  Term,
  TermGroup,
  WordTerm
} from './types'
