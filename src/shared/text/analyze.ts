/**
 * What goes into the FTS5 columns, and where query terms occur in an original text.
 */
import type { Lexicon } from './lexicon'
import { stemmerOf, stemWord } from './stem'
import { tokenize } from './tokenize'
import type { Token } from './tokenize'

/**
 * The version of what analyzeForIndex produces (normaliser folds, tokenizer, stemmer). Raise it
 * with any change that alters indexed text: the open sequence then rebuilds the index.
 * 2: Maghrebi/Persian/Urdu letters folded; lexicon-checked proclitics, tanween, feminine ت.
 */
export const ANALYZER_VERSION = 2

/** Index text of one field: the `_s` and `_t` column values. */
export interface IndexedText {
  /** Normalised tokens joined by single spaces. */
  surface: string
  /** Stems of the same tokens, in the same order, joined by single spaces. */
  stems: string
  /** The normalised tokens themselves (the surface's words, not split again by callers). */
  words: readonly string[]
}

/**
 * Turns a field into the text stored in its FTS5 columns. Tokens contain only a–z, 0–9 and Arabic
 * letters, so unicode61 (remove_diacritics 0) splits the stored text exactly at our spaces.
 */
export function analyzeForIndex(text: string, lexicon?: Lexicon): IndexedText {
  const tokens = tokenize(text)
  const surface = new Array<string>(tokens.length)
  const stems = new Array<string>(tokens.length)
  const stem = stemmerOf(lexicon)
  for (let i = 0; i < tokens.length; i++) {
    surface[i] = tokens[i].norm
    stems[i] = stem(tokens[i].norm)
  }
  return { surface: surface.join(' '), stems: stems.join(' '), words: surface }
}

/** The normalised tokens of a text joined by single spaces: the `_s` column value alone. */
export function surfaceOf(text: string): string {
  const tokens = tokenize(text)
  const surface = new Array<string>(tokens.length)
  for (let i = 0; i < tokens.length; i++) surface[i] = tokens[i].norm
  return surface.join(' ')
}

/** A query term to find in a text (see `highlightTermsFromQuery` in @shared/query). */
export interface MatchTerm {
  /** Normalised word; for a phrase, its words joined by a space. */
  norm: string
  /** When set, tokens with this stem match too. */
  stem?: string
  /** Match tokens whose normalised form starts with `norm`. */
  prefix?: boolean
  /** Normalised words that must occur as consecutive tokens. */
  phrase?: string[]
  /** A phrase whose words also match by stem (a clitic attached: وللأمم for الأمم). */
  stemmed?: boolean
}

/** A `[start, end)` range of offsets into the original text. */
export type TextRange = [number, number]

/**
 * Ranges of the ORIGINAL text covering tokens that match any term: the same normalised form, the
 * same stem (when the term has one; stems made with `lexicon`, as the index's), a normalised prefix (prefix terms), or consecutive tokens
 * (phrases). Sorted, and overlapping ranges merged. Pass `tokens` to reuse a tokenization of
 * `original` across calls (in-article find while typing).
 */
export function findMatches(
  original: string,
  terms: readonly MatchTerm[],
  tokens: readonly Token[] = tokenize(original),
  lexicon?: Lexicon
): TextRange[] {
  const stemOf = (norm: string): string => stemWord(norm, lexicon)
  const exact = new Set<string>()
  const stems = new Set<string>()
  const prefixes: string[] = []
  const phrases: { words: string[]; stems: string[] | null }[] = []
  for (const term of terms) {
    if (term.phrase !== undefined) {
      const words = term.phrase.filter((w) => w !== '')
      if (words.length === 1) exact.add(words[0])
      else if (words.length > 1)
        phrases.push({ words, stems: term.stemmed === true ? words.map(stemOf) : null })
    } else if (term.norm === '') {
      continue
    } else if (term.prefix === true) {
      prefixes.push(term.norm)
    } else {
      exact.add(term.norm)
      if (term.stem !== undefined && term.stem !== '') stems.add(term.stem)
    }
  }
  const ranges: TextRange[] = []
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    if (
      exact.has(t.norm) ||
      (stems.size > 0 && stems.has(stemOf(t.norm))) ||
      prefixes.some((p) => t.norm.startsWith(p))
    ) {
      ranges.push([t.start, t.end])
    }
    for (const { words, stems: wordStems } of phrases) {
      if (i + words.length > tokens.length) continue
      const same = (k: number): boolean => {
        const norm = tokens[i + k].norm
        return norm === words[k] || (wordStems !== null && stemOf(norm) === wordStems[k])
      }
      if (!same(0)) continue
      let k = 1
      while (k < words.length && same(k)) k++
      if (k === words.length) ranges.push([t.start, tokens[i + k - 1].end])
    }
  }
  return mergeRanges(ranges)
}

/** Sorted copies of the ranges, overlapping ones merged (touching ranges stay separate). */
export function mergeRanges(ranges: readonly TextRange[]): TextRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const merged: TextRange[] = []
  for (const r of sorted) {
    const last = merged[merged.length - 1]
    if (last !== undefined && r[0] < last[1]) last[1] = Math.max(last[1], r[1])
    else merged.push([r[0], r[1]])
  }
  return merged
}
