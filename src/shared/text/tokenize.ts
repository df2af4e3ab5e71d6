/**
 * Words of a text with their offsets into the ORIGINAL string and their normalised forms,
 * from the one scanner (scan.ts, which says what a word is).
 */
import { scanWords, wordText } from './scan'

/** One word of the original text. */
export interface Token {
  /** Offset of the first code point of the word in the original string. */
  start: number
  /** Offset just after the word, including trailing harakat/tatweel, excluding invisible controls. */
  end: number
  /** The normalised form (see normalizeText). */
  norm: string
}

/**
 * Splits `original` into words with original offsets and normalised forms (see scan.ts).
 * A code point that expands into several words (ﷺ) yields several tokens sharing its range.
 */
export function tokenize(original: string): Token[] {
  const tokens: Token[] = []
  scanWords(original, {
    word(start, end, units, length) {
      tokens.push({
        start,
        end,
        norm: wordText(original, start, end, units, length)
      })
    }
  })
  return tokens
}

/** The normalised forms of `original`'s words alone, as tokenize gives them (no offsets kept). */
export function wordsOf(original: string): string[] {
  const words: string[] = []
  scanWords(original, {
    word(start, end, units, length) {
      words.push(wordText(original, start, end, units, length))
    }
  })
  return words
}
