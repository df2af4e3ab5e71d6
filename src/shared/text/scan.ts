/**
 * The word scanner under the tokenizer: one pass over the ORIGINAL string that finds each word,
 * its original range and its normalised form, and hands them to a sink (the tokenizer makes
 * Token objects of them; the import's analysis keeps only the normalised forms).
 *
 * Word characters (after normalising) are ASCII letters, ASCII digits and Arabic letters;
 * anything else separates words, hyphens and apostrophes included, and a run of digits is a word
 * of its own. Dropped characters (harakat, tatweel, zero-width and direction controls) never
 * split a word.
 */
import { COMPLEX, DROP, FAST_LIMIT, getFoldTable, isInvisibleControl, isWordUnit } from './charFold'
import { unitsToString } from './normalize'

/**
 * Told of each word in order. Its normalised form is `original.slice(start, end)` when `units`
 * is null (the word needed no folding), else the first `length` units of `units` (a buffer the
 * scanner reuses). A sink must not scan another text from `word`.
 */
export interface WordSink {
  word(start: number, end: number, units: Uint16Array | null, length: number): void
}

/** A word's normalised form, as a sink is told it. */
export function wordText(
  original: string,
  start: number,
  end: number,
  units: Uint16Array | null,
  length: number
): string {
  return units === null ? original.slice(start, end) : unitsToString(units, length)
}

// Normalised units of the current token, reused across calls.
let word = new Uint16Array(256)

function isSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdfff
}

/**
 * Finds the words of `original`, with their original offsets and normalised forms. A code point
 * that expands into several words (ﷺ) gives several words sharing its range.
 */
export function scanWords(original: string, sink: WordSink): void {
  const table = getFoldTable(false)
  const fast = table.fast
  const s = original
  const n = s.length
  if (word.length < n + 32) word = new Uint16Array(Math.max(n + 32, word.length))
  let inWord = false
  let start = 0
  let end = 0
  // While `pure`, the token's norm is s.slice(start, end); otherwise it is word[0, len).
  let pure = true
  let len = 0
  // Whether the current token is made of digits.
  let digits = false

  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i)
    let f = c < FAST_LIMIT ? fast[c] : COMPLEX
    if (f >= 0) {
      // One code unit in, the same or one other out: the common case.
      if (isWordUnit(f)) {
        if (inWord && f <= 0x39 !== digits) {
          // Digits and letters are separate words: ٢٠١٦م → 2016 م, covid19 → covid 19.
          sink.word(start, end, pure ? null : word, len)
          inWord = false
        }
        if (!inWord) {
          inWord = true
          start = i
          pure = true
          digits = f <= 0x39
        }
        if (!pure) word[len++] = f
        else if (f !== c) {
          pure = false
          len = 0
          for (let k = start; k < i; k++) word[len++] = s.charCodeAt(k)
          word[len++] = f
        }
        end = i + 1
      } else if (inWord) {
        sink.word(start, end, pure ? null : word, len)
        inWord = false
      }
      continue
    }
    let width = 1
    let cp = c
    if (f !== DROP && c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const lo = s.charCodeAt(i + 1)
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = ((c - 0xd800) << 10) + (lo - 0xdc00) + 0x10000
        width = 2
      }
    }
    const lone = width === 1 && isSurrogate(c)
    const rep = f === DROP || lone ? '' : table.complex(cp)
    if (rep.length === 0) {
      if (inWord && lone) {
        // A lone surrogate is not part of any word.
        sink.word(start, end, pure ? null : word, len)
        inWord = false
      } else if (inWord) {
        // Dropped: a mark extends the word, an invisible control is only skipped.
        if (pure) {
          pure = false
          len = 0
          for (let k = start; k < end; k++) word[len++] = s.charCodeAt(k)
        }
        if (!isInvisibleControl(cp)) end = i + width
      }
      i += width - 1
      continue
    }
    if (word.length < len + rep.length + 1) {
      const bigger = new Uint16Array((len + rep.length) * 2)
      bigger.set(word.subarray(0, len))
      word = bigger
    }
    for (let k = 0; k < rep.length; k++) {
      f = rep.charCodeAt(k)
      if (isWordUnit(f)) {
        if (inWord && f <= 0x39 !== digits) {
          sink.word(start, end, pure ? null : word, len)
          inWord = false
        }
        if (!inWord) {
          inWord = true
          start = i
          len = 0
          digits = f <= 0x39
        } else if (pure) {
          len = 0
          for (let q = start; q < end; q++) word[len++] = s.charCodeAt(q)
        }
        pure = false
        word[len++] = f
        end = i + width
      } else if (inWord) {
        sink.word(start, end, pure ? null : word, len)
        inWord = false
      }
    }
    i += width - 1
  }
  if (inWord) sink.word(start, end, pure ? null : word, len)
}
