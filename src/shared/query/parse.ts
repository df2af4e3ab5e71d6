/**
 * The query language: words (implicit AND in short queries; long ones rank by how many words an
 * article holds), "phrases", OR / أو, AND / و, +required, -exclude, prefix*, =exact and filters
 * (source: author: tag: collection: entity: date: has: status:).
 *
 * Every string gives either a query or an error (English sentence, catalogue key, position); parseQuery never
 * throws. Words go through the same normaliser and tokenizer as the index, so punctuation is
 * dropped and a chunk that splits into several words (covid-19, U.S.) becomes a phrase.
 */
import { ARTICLE_STATUSES } from '@shared/domain'
import type { ArticleStatus } from '@shared/domain'
import { stemWord, tokenize } from '@shared/text'
import type { Lexicon } from '@shared/text'
import { parseDateValue } from './dates'
import { lexQuery } from './lexer'
import type { LexItem } from './lexer'
import { isQuestionWord, isStopword } from './stopwords'
import { emptyFilters } from './types'
import type { Filters, ParsedQuery, QueryError, SearchQuery, Term, TermGroup } from './types'

/**
 * Most words (and phrases) one query may hold: a pasted paragraph of ~200 words still searches,
 * while each word becomes at most a handful of FTS5 leaves (surface, stem, variants), so the
 * expression stays a few thousand nodes at worst and runs in milliseconds.
 */
export const MAX_QUERY_TERMS = 256

/**
 * Most filters one query (or saved search) may hold. Each filter is one SQL condition (tag:,
 * collection: and entity: a sub-select each); SQLite refuses expressions deeper than 1,000 and a
 * saved search of 1,660 tag: filters broke the sidebar. No hand-written query needs 64.
 */
export const MAX_QUERY_FILTERS = 64

/**
 * A query with more plain words than this is a pasted sentence or a question: it ranks articles
 * by how many of its words they hold (bm25 over words joined by OR) instead of requiring every
 * word. Up to this many words, every word is required, as in any search box. Measured on the
 * ARCD questions (bench/arcd.ts, README "Search quality"): see the README for the figures.
 */
export const LONG_QUERY_WORDS = 3

type Params = Record<string, string | number>

export interface ParseOptions {
  /** The lexicon the index was stemmed with (default: the shipped one). */
  lexicon?: Lexicon
}

function failure(
  message: string,
  position: number,
  key: string,
  params: Params = {}
): { ok: false; error: QueryError } {
  return { ok: false, error: { message, position, key, params: { ...params, position } } }
}

function isStatus(value: string): value is ArticleStatus {
  return (ARTICLE_STATUSES as readonly string[]).includes(value)
}

/** The term a chunk or phrase stands for, or null when it holds no word at all. */
function termOf(raw: string, exact: boolean, prefix: boolean, lexicon?: Lexicon): Term | null {
  const words = tokenize(raw).map((t) => t.norm)
  if (words.length === 0) return null
  if (words.length > 1) return { kind: 'phrase', words }
  const norm = words[0]
  return { kind: 'word', norm, stem: exact ? norm : stemWord(norm, lexicon), exact, prefix }
}

interface FilterProblem {
  message: string
  key: string
  params: Params
}

/** Applies one filter item; returns what is wrong when its value is not acceptable. */
function applyFilter(
  filters: Filters,
  item: Extract<LexItem, { type: 'filter' }>
): FilterProblem | null {
  const { name, value } = item
  if (item.negated) {
    const message = `Excluding a filter ("-${name}:") is not supported`
    return { message, key: 'query.filter_negated', params: { name } }
  }
  if (value === '') {
    const message = `The filter "${name}:" needs a value, for example ${name}:${example(name)}`
    return { message, key: 'query.filter_needs_value', params: { name, example: example(name) } }
  }
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
      if (!parsed.ok) return parsed
      filters.dates.push(parsed.range)
      return null
    }
    case 'has':
      if (value.toLowerCase() !== 'annotations' && value.toLowerCase() !== 'annotation') {
        const message = `Unknown value "${value}" for has: — the only one is has:annotations`
        return { message, key: 'query.has_unknown', params: { value } }
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
        const statuses = ARTICLE_STATUSES.join(', status:')
        const message = `Unknown status "${value}" — use status:${statuses}`
        return { message, key: 'query.status_unknown', params: { value, statuses } }
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

/** Whether a group may be left out of a long query: one plain function word. */
function droppable(group: TermGroup): boolean {
  if (group.length !== 1) return false
  const t = group[0]
  return t.kind === 'word' && !t.exact && !t.prefix && isStopword(t.norm)
}

/**
 * A long query (more than LONG_QUERY_WORDS words) keeps as required only what the reader marked
 * so (`+word`, a "phrase", words joined by AND/و); the rest become optional groups that rank
 * the results, with function words left out unless nothing else would remain.
 */
function relax(groups: TermGroup[], required: boolean[]): Pick<SearchQuery, 'groups' | 'optional'> {
  const kept: TermGroup[] = []
  const optional: TermGroup[] = []
  groups.forEach((g, i) => (required[i] ? kept : optional).push(g))
  const content = optional.filter((g) => !droppable(g))
  return { groups: kept, optional: content.length > 0 || kept.length > 0 ? content : optional }
}

/**
 * Parses what a person typed in the search box. A query whose only words are excluded ones is an
 * error (FTS5's NOT needs something on its left), even with filters; a query with no words at all
 * is fine and has empty `groups` (the caller lists by filters only, or shows nothing), unless it
 * holds nothing but operators (`OR`, `*`), which gets a message instead of silence.
 */
export function parseQuery(input: string, options: ParseOptions = {}): ParsedQuery {
  const parsed = parseLexed(input, options.lexicon)
  if (parsed.ok || parsed.error.key !== 'query.unclosed_quote') return parsed
  // A pasted sentence or a question often holds a stray quote: read it as punctuation there,
  // while a short query keeps the message pointing at the quote.
  const at = parsed.error.position
  const retry = parseLexed(`${input.slice(0, at)} ${input.slice(at + 1)}`, options.lexicon)
  return retry.ok && isLong(retry.query) ? retry : parsed
}

function isLong(query: SearchQuery): boolean {
  return query.optional !== undefined
}

/**
 * A question is read like a long query whatever its length: it ends with a question mark or
 * opens with a question word (متى استقلت الهند؟), and its function words are not what it asks.
 */
function isQuestion(input: string, groups: TermGroup[]): boolean {
  if (/[؟?]/.test(input)) return true
  const first = groups[0]?.[0]
  return groups.length > 1 && first?.kind === 'word' && isQuestionWord(first.norm)
}

function parseLexed(input: string, lexicon: Lexicon | undefined): ParsedQuery {
  const lexed = lexQuery(input)
  if (!lexed.ok) return failure(lexed.message, lexed.position, lexed.key, lexed.params)
  const filterCount = lexed.items.filter((item) => item.type === 'filter').length
  if (filterCount > MAX_QUERY_FILTERS) {
    const message = `The query has ${filterCount} filters; use at most ${MAX_QUERY_FILTERS}`
    return failure(message, 0, 'query.too_many_filters', {
      count: filterCount,
      max: MAX_QUERY_FILTERS
    })
  }
  const groups: TermGroup[] = []
  const required: boolean[] = []
  const excluded: Term[] = []
  const filters = emptyFilters()
  let firstExcludedAt = -1
  let termCount = 0
  let filterSeen = false
  // The first lone operator (OR, AND, a bare *), reported when the query holds nothing else.
  let lonely: { operator: string; pos: number } | null = null
  // What the previous meaningful item was, so OR can check what it joins.
  let previous: 'none' | 'positive' | 'excluded' | 'filter' = 'none'
  let pendingOr: number | null = null
  let pendingAnd = false

  for (const item of lexed.items) {
    if (item.type === 'or' || item.type === 'and') {
      lonely ??= { operator: item.type === 'or' ? 'OR' : 'AND', pos: item.pos }
      if (item.type === 'and') {
        // AND is what words do anyway; it matters in long queries, where it makes both required.
        // A lone و there is the sentence's own conjunction (الفاتحين و الدعاة), not an operator.
        if (previous === 'positive' && item.word === 'AND') {
          required[required.length - 1] = true
          pendingAnd = true
        }
        continue
      }
      if (previous === 'excluded') {
        const message = `OR cannot join an excluded term (position ${item.pos})`
        return failure(message, item.pos, 'query.or_excluded')
      }
      if (previous === 'filter') {
        const message = `OR can only join words and phrases, not filters (position ${item.pos})`
        return failure(message, item.pos, 'query.or_filter')
      }
      // A leading or doubled OR is ignored, so half-typed queries still search.
      if (previous === 'positive') pendingOr = item.pos
      continue
    }
    if (item.type === 'filter') {
      if (pendingOr !== null) {
        const message = `OR can only join words and phrases, not filters (position ${pendingOr})`
        return failure(message, pendingOr, 'query.or_filter')
      }
      const problem = applyFilter(filters, item)
      if (problem !== null) return failure(problem.message, item.pos, problem.key, problem.params)
      previous = 'filter'
      filterSeen = true
      continue
    }
    const term =
      item.type === 'phrase'
        ? termOf(item.raw, true, false, lexicon)
        : termOf(item.raw, item.exact, item.prefix, lexicon)
    if (term === null) {
      // only punctuation or marks: nothing to search for; a bare * is an operator alone
      if (item.type === 'chunk' && item.prefix && item.raw === '') {
        lonely ??= { operator: '*', pos: item.pos }
      }
      continue
    }
    if (++termCount > MAX_QUERY_TERMS) {
      const message = `The query has too many words; use at most ${MAX_QUERY_TERMS}`
      return failure(message, item.pos, 'query.too_many_words', { max: MAX_QUERY_TERMS })
    }
    if (item.negated) {
      if (pendingOr !== null) {
        const message = `OR cannot join an excluded term (position ${pendingOr})`
        return failure(message, pendingOr, 'query.or_excluded')
      }
      if (firstExcludedAt < 0) firstExcludedAt = item.pos
      excluded.push(term)
      previous = 'excluded'
      pendingAnd = false
      continue
    }
    const marked = item.required || item.type === 'phrase' || pendingAnd
    if (pendingOr !== null && groups.length > 0) {
      groups[groups.length - 1].push(term)
      if (marked) required[required.length - 1] = true
    } else {
      groups.push([term])
      required.push(marked)
    }
    pendingOr = null
    pendingAnd = false
    previous = 'positive'
  }
  if (groups.length === 0 && excluded.length > 0) {
    const message = 'Add at least one word to search for besides the excluded ones'
    return failure(message, firstExcludedAt, 'query.only_excluded')
  }
  if (groups.length === 0 && !filterSeen && lonely !== null) {
    const message = `"${lonely.operator}" alone searches for nothing: add the words it joins`
    return failure(message, lonely.pos, 'query.operator_alone', { operator: lonely.operator })
  }
  const words = groups.reduce((n, g) => n + g.length, 0)
  if (words > LONG_QUERY_WORDS || (words > 1 && isQuestion(input, groups))) {
    return { ok: true, query: { ...relax(groups, required), excluded, filters } }
  }
  const query: SearchQuery = { groups, excluded, filters }
  return { ok: true, query }
}
