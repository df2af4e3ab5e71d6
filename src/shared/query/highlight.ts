/** Highlight terms for findMatches, derived from a parsed query the same way FTS matches it. */
import { DEFAULT_VARIANT_GROUPS, expandVariants, stemWord } from '@shared/text'
import type { Lexicon, MatchTerm } from '@shared/text'
import type { SearchQuery } from './types'

/**
 * What to highlight in a result for `query`: every positive term (excluded ones never occur in
 * results), with stems and spelling variants for plain words, as buildFtsMatch matches them.
 */
export function highlightTermsFromQuery(
  query: SearchQuery,
  variantGroups: readonly (readonly string[])[] = DEFAULT_VARIANT_GROUPS,
  lexicon?: Lexicon
): MatchTerm[] {
  const terms: MatchTerm[] = []
  for (const group of [...query.groups, ...(query.optional ?? [])]) {
    for (const term of group) {
      if (term.kind === 'phrase') {
        terms.push({ norm: term.words.join(' '), phrase: term.words, stemmed: true })
      } else if (term.prefix) {
        terms.push({ norm: term.norm, prefix: true })
      } else if (term.exact) {
        terms.push({ norm: term.norm })
      } else {
        terms.push({ norm: term.norm, stem: term.stem })
        for (const v of expandVariants(term.norm, variantGroups)) {
          terms.push({ norm: v, stem: stemWord(v, lexicon) })
        }
      }
    }
  }
  return terms
}
