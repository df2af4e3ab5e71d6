/**
 * The query language: words (implicit AND), "phrases", OR / أو, -exclude, prefix*, =exact and
 * filters (source: author: tag: collection: entity: date: has: status:).
 *
 * Every string gives either a query or a plain-English error with a position; parseQuery never
 * throws. Words go through the same normaliser and tokenizer as the index, so punctuation is
 * dropped and a chunk that splits into several words (covid-19, U.S.) becomes a phrase.
 */
import { ARTICLE_STATUSES } from '@shared/domain'
import type { ArticleStatus } from '@shared/domain'
import { stemWord, tokenize } from '@shared/text'
import { parseDateValue } from './dates'
import { lexQuery } from './lexer'
import type { LexItem } from './lexer'
import { emptyFilters } from './types'
import type { Filters, ParsedQuery, QueryError, SearchQuery, Term, TermGroup } from './types'

/** Most words (and phrases) one query may hold; far beyond what people type, below FTS5 limits. */
export const MAX_QUERY_TERMS = 64

function failure(message: string, position: number): { ok: false; error: QueryError } {
  return { ok: false, error: { message, position } }
}

function isStatus(value: string): value is ArticleStatus {
  return (ARTICLE_STATUSES as readonly string[]).includes(value)
}

/** The term a chunk or phrase stands for, or null when it holds no word at all. */
function termOf(raw: string, exact: boolean, prefix: boolean): Term | null {
  const words = tokenize(raw).map((t) => t.norm)
  if (words.length === 0) return null
  if (words.length > 1) return { kind: 'phrase', words }
  const norm = words[0]
  return { kind: 'word', norm, stem: exact ? norm : stemWord(norm), exact, prefix }
}

/** Applies one filter item; returns an error message when its value is not acceptable. */
function applyFilter(filters: Filters, item: Extract<LexItem, { type: 'filter' }>): string | null {
  const { name, value } = item
  if (item.negated) return `Excluding a filter ("-${name}:") is not supported`
  if (value === '')
    return `The filter "${name}:" needs a value, for example ${name}:${example(name)}`
  switch (name) {
    case 'source':
      filters.sources.push(value)
      return null
    case 'author':
      filters.authors.push(value)
      return null
    case 'tag':
      filters.tags.push(value)
      return null
    case 'collection':
      filters.collections.push(value)
      return null
    case 'entity':
      filters.entities.push(value)
      return null
    case 'date': {
      const parsed = parseDateValue(value)
      if (!parsed.ok) return parsed.message
      filters.dates.push(parsed.range)
      return null
    }
    case 'has':
      if (value.toLowerCase() !== 'annotations' && value.toLowerCase() !== 'annotation') {
        return `Unknown value "${value}" for has: — the only one is has:annotations`
      }
      filters.hasAnnotations = true
      return null
    case 'id':
    case 'docno':
      if (!filters.identifiers.includes(value)) filters.identifiers.push(value)
      return null
    case 'status': {
      const status = value.toLowerCase()
      if (!isStatus(status)) {
        return `Unknown status "${value}" — use status:${ARTICLE_STATUSES.join(', status:')}`
      }
      if (!filters.statuses.includes(status)) filters.statuses.push(status)
      return null
    }
  }
}

function example(name: string): string {
  if (name === 'date') return '2016-02'
  if (name === 'has') return 'annotations'
  if (name === 'status') return 'reviewed'
  return '"الشرق الأوسط"'
}

/**
 * Parses what a person typed in the search box. A query whose only words are excluded ones is an
 * error (FTS5's NOT needs something on its left), even with filters; a query with no words at all
 * is fine and has empty `groups` (the caller lists by filters only, or shows nothing).
 */
export function parseQuery(input: string): ParsedQuery {
  const lexed = lexQuery(input)
  if (!lexed.ok) return failure(lexed.message, lexed.position)
  const groups: TermGroup[] = []
  const excluded: Term[] = []
  const filters = emptyFilters()
  let firstExcludedAt = -1
  let termCount = 0
  // What the previous meaningful item was, so OR can check what it joins.
  let previous: 'none' | 'positive' | 'excluded' | 'filter' = 'none'
  let pendingOr: number | null = null

  for (const item of lexed.items) {
    if (item.type === 'or') {
      if (previous === 'excluded') {
        return failure(`OR cannot join an excluded term (position ${item.pos})`, item.pos)
      }
      if (previous === 'filter') {
        return failure(
          `OR can only join words and phrases, not filters (position ${item.pos})`,
          item.pos
        )
      }
      // A leading or doubled OR is ignored, so half-typed queries still search.
      if (previous === 'positive') pendingOr = item.pos
      continue
    }
    if (item.type === 'filter') {
      if (pendingOr !== null) {
        return failure(
          `OR can only join words and phrases, not filters (position ${pendingOr})`,
          pendingOr
        )
      }
      const problem = applyFilter(filters, item)
      if (problem !== null) return failure(problem, item.pos)
      previous = 'filter'
      continue
    }
    const term =
      item.type === 'phrase'
        ? termOf(item.raw, true, false)
        : termOf(item.raw, item.exact, item.prefix)
    if (term === null) continue // only punctuation or marks: nothing to search for
    if (++termCount > MAX_QUERY_TERMS) {
      return failure(`The query has too many words; use at most ${MAX_QUERY_TERMS}`, item.pos)
    }
    if (item.negated) {
      if (pendingOr !== null) {
        return failure(`OR cannot join an excluded term (position ${pendingOr})`, pendingOr)
      }
      if (firstExcludedAt < 0) firstExcludedAt = item.pos
      excluded.push(term)
      previous = 'excluded'
      continue
    }
    if (pendingOr !== null && groups.length > 0) groups[groups.length - 1].push(term)
    else groups.push([term])
    pendingOr = null
    previous = 'positive'
  }
  if (groups.length === 0 && excluded.length > 0) {
    return failure('Add at least one word to search for besides the excluded ones', firstExcludedAt)
  }
  const query: SearchQuery = { groups, excluded, filters }
  return { ok: true, query }
}
