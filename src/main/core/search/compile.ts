import { WarraqError } from '@shared/errors'
import { buildFtsMatch, highlightTermsFromQuery, parseQuery } from '@shared/query'
import type { Filters, SearchQuery } from '@shared/query/types'
import type { MatchTerm } from '@shared/text/analyze'
import type { Lexicon } from '@shared/text/lexicon'
import type { Archive } from '../db/open'
import { archiveLexicon } from './lexicon'
import { variantGroups } from './variants'

export type CompiledQuery =
  | { kind: 'empty' }
  | {
      kind: 'query'
      match: string | null
      /** the same expression on the title columns: what orders very common queries (hits.ts) */
      titleMatch: string | null
      /**
       * one expression per word or phrase of the query (groups, optional and excluded terms),
       * when there are several: bm25 reads each one's whole doclist, so one common word among
       * rare ones makes ranking costly (hits.ts checks each)
       */
      partMatches: string[]
      /** a long question (optional words): ranked by bm25 however many articles match */
      question: boolean
      filters: Filters
      terms: MatchTerm[]
      /** what the index was stemmed with: findMatches needs it to stem the text alike */
      lexicon: Lexicon
    }

function hasFilters(f: Filters): boolean {
  return (
    f.sources.length +
      f.authors.length +
      f.tags.length +
      f.collections.length +
      f.entities.length +
      f.dates.length +
      f.statuses.length +
      f.identifiers.length >
      0 || f.hasAnnotations
  )
}

/** Each word or phrase of a query alone, when it has more than one. */
function partsOf(query: SearchQuery): SearchQuery[] {
  const groups = [...query.groups, ...(query.optional ?? []), ...query.excluded.map((t) => [t])]
  if (groups.length <= 1) return []
  return groups.map((group) => ({ groups: [group], excluded: [], filters: query.filters }))
}

/**
 * Parses a query of the query language into what the SQL needs: an FTS5 MATCH string built
 * from quoted tokens (never user text), the filters, and the terms to highlight.
 */
export function compileQuery(archive: Archive, text: string): CompiledQuery {
  const lexicon = archiveLexicon(archive)
  const parsed = parseQuery(text, { lexicon })
  if (!parsed.ok) {
    const { message, key, params } = parsed.error
    throw new WarraqError('query_syntax', message, { key, params })
  }
  const { query } = parsed
  const groups = variantGroups(archive)
  const match = buildFtsMatch(query, { variantGroups: groups, lexicon })
  if (match === null && !hasFilters(query.filters)) return { kind: 'empty' }
  // a hand-typed long query or an old saved search may hold what the parser now refuses
  return {
    kind: 'query',
    match,
    titleMatch: buildFtsMatch(query, { variantGroups: groups, lexicon, fields: ['title'] }),
    question: (query.optional?.length ?? 0) > 0,
    partMatches: partsOf(query)
      .map((part) => buildFtsMatch(part, { variantGroups: groups, lexicon }))
      .filter((m): m is string => m !== null),
    filters: query.filters,
    terms: highlightTermsFromQuery(query, groups, lexicon),
    lexicon
  }
}
