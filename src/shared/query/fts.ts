/**
 * Builds the FTS5 MATCH expression for a parsed query.
 *
 * User text never reaches FTS5 syntax: every token is a double-quoted FTS5 string (with `"`
 * doubled) holding only normalised word characters, and the operators come from the AST.
 * The FTS table has, per field, a surface column (`_s`, normalised forms) and a stem column
 * (`_t`): title_s, title_t, body_s, body_t, meta_s, meta_t.
 */
import { BASE_LEXICON, DEFAULT_VARIANT_GROUPS, expandVariants, stemWord } from '@shared/text'
import type { Lexicon } from '@shared/text'
import type { SearchQuery, Term, TermGroup } from './types'

/** The indexed fields a query can be limited to. */
export type SearchField = 'title' | 'body' | 'meta'

export const SEARCH_FIELDS: readonly SearchField[] = ['title', 'body', 'meta']

export interface FtsMatchOptions {
  /** Fields to search (default: all). */
  fields?: readonly SearchField[]
  /** Equivalent spellings OR-ed into plain words (default: DEFAULT_VARIANT_GROUPS). */
  variantGroups?: readonly (readonly string[])[]
  /** The lexicon the index was stemmed with (default: the shipped one). */
  lexicon?: Lexicon
}

/**
 * An FTS5 string literal: always double-quoted, inner quotes doubled. NUL is removed because
 * FTS5's expression parser stops at it ("unterminated string"); parsed queries never hold one,
 * hand-built ASTs might.
 */
export function ftsString(text: string): string {
  return `"${text.replaceAll('\0', '').replaceAll('"', '""')}"`
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))]
}

interface Columns {
  surface: string
  stems: string
}

function columnsFor(fields: readonly SearchField[]): Columns {
  const chosen =
    fields.length === 0 ? SEARCH_FIELDS : SEARCH_FIELDS.filter((f) => fields.includes(f))
  const list = chosen.length === 0 ? SEARCH_FIELDS : chosen
  return {
    surface: `{${list.map((f) => `${f}_s`).join(' ')}}`,
    stems: `{${list.map((f) => `${f}_t`).join(' ')}}`
  }
}

/** At most this many stem phrases per quoted phrase: two words tried both ways. */
const MAX_PHRASE_STEMS = 4

/**
 * The stem phrases a quoted phrase may have been indexed as. A word whose one-letter preposition
 * is stripped only when the rest is a known word (بقدوم → قدوم) was stemmed with the lexicon of
 * its moment: an article indexed before قدوم was known holds بقدوم in its stem column. A phrase
 * must match token by token, so each such word is tried both ways: as the archive stems it now,
 * and as the shipped lexicon alone would (what an archive that did not yet know the word gave).
 */
function phraseStems(words: readonly string[], lexicon: Lexicon | undefined): string[] {
  let phrases: string[][] = [[]]
  for (const word of words) {
    const now = stemWord(word, lexicon)
    const before = stemWord(word, BASE_LEXICON)
    const next = phrases.map((phrase) => [...phrase, now])
    if (before !== now) {
      for (const phrase of phrases)
        if (next.length < MAX_PHRASE_STEMS) next.push([...phrase, before])
    }
    phrases = next
  }
  return phrases.map((phrase) => phrase.join(' '))
}

/** The expression for one term, parenthesised; null when the term holds nothing to match. */
function termExpression(
  term: Term,
  cols: Columns,
  groups: readonly (readonly string[])[],
  lexicon: Lexicon | undefined
): string | null {
  const stemOf = (w: string): string => stemWord(w, lexicon)
  if (term.kind === 'phrase') {
    const words = term.words.filter((w) => w !== '')
    if (words.length === 0) return null
    // The same phrase over the stems too, so a clitic attached to a word of the text (وللأمم
    // المتحدة for "الأمم المتحدة") still matches; the exact forms rank first (weights).
    const surface = `${cols.surface} : ${ftsString(words.join(' '))}`
    const stems = phraseStems(words, lexicon).map((s) => `${cols.stems} : ${ftsString(s)}`)
    return `(${[surface, ...stems].join(' OR ')})`
  }
  if (term.norm === '') return null
  if (term.prefix) {
    const surface = `${cols.surface} : ${ftsString(term.norm)} *`
    return term.exact ? `(${surface})` : `(${surface} OR ${cols.stems} : ${ftsString(term.norm)} *)`
  }
  if (term.exact) return `(${cols.surface} : ${ftsString(term.norm)})`
  const variants = expandVariants(term.norm, groups)
  const surfaces = unique([term.norm, ...variants])
  const stems = unique([
    term.stem,
    ...variants.map(stemOf),
    ...expandVariants(term.stem, groups).map(stemOf)
  ])
  const parts = [
    ...surfaces.map((w) => `${cols.surface} : ${ftsString(w)}`),
    ...stems.map((w) => `${cols.stems} : ${ftsString(w)}`)
  ]
  return `(${parts.join(' OR ')})`
}

/**
 * The MATCH expression for `query`: groups AND-ed, terms of a group OR-ed, excluded terms after
 * NOT. A plain word matches its surface form or its stem (exact forms match both columns, so
 * bm25 ranks them first) plus its spelling variants; `=word`, `"phrases"` match surface columns
 * only; `prefix*` matches surface and stem columns by prefix.
 *
 * Returns null when the query has no positive term: there is nothing to MATCH, and the caller
 * lists by filters only. parseQuery never yields excluded terms without positive ones; a
 * hand-built query that does also gets null, so the caller must treat null as "no FTS condition"
 * only when `query.excluded` is empty.
 */
export function buildFtsMatch(query: SearchQuery, options: FtsMatchOptions = {}): string | null {
  const cols = columnsFor(options.fields ?? SEARCH_FIELDS)
  const groups = options.variantGroups ?? DEFAULT_VARIANT_GROUPS
  const groupExpression = (group: TermGroup): string | null => {
    const ored = group
      .map((t) => termExpression(t, cols, groups, options.lexicon))
      .filter((e): e is string => e !== null)
    if (ored.length <= 1) return ored[0] ?? null
    return `(${ored.join(' OR ')})`
  }
  const anded = query.groups.map((g) => groupExpression(g)).filter((e): e is string => e !== null)
  const optional = (query.optional ?? [])
    .map((g) => groupExpression(g))
    .filter((e): e is string => e !== null)
  let positive: string
  if (anded.length === 0 && optional.length === 0) return null
  if (optional.length === 0) positive = anded.join(' AND ')
  else if (anded.length === 0) positive = optional.join(' OR ')
  else {
    // Required terms decide what matches; the optional ones (OR-ed with the required, so an
    // article needs none of them) only add to bm25's score.
    const required = anded.join(' AND ')
    positive = `${required} AND (${[...optional, `(${required})`].join(' OR ')})`
  }
  const excluded = query.excluded
    .map((t) => termExpression(t, cols, groups, options.lexicon))
    .filter((e): e is string => e !== null)
  if (excluded.length === 0) return positive
  return `(${positive}) NOT (${excluded.join(' OR ')})`
}
