/**
 * Single-pass tokenizer that keeps offsets into the ORIGINAL string.
 *
 * Word characters (after normalising) are ASCII letters, ASCII digits and Arabic letters; anything
 * else separates words, hyphens and apostrophes included, and a run of digits is a word of its own. Dropped characters (harakat, tatweel,
 * zero-width and direction controls) never split a word.
 */
import { unitsToString } from './normalize'
import { scanWords } from './scan'

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
        norm: units === null ? original.slice(start, end) : unitsToString(units, length)
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
      words.push(units === null ? original.slice(start, end) : unitsToString(units, length))
    }
  })
  return words
}
