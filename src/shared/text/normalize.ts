/**
 * The one normaliser used at index time, at query time and for in-article find.
 *
 * Folding is done per code point (see charFold.ts), never with a whole-string NFKC, so that every
 * normalised character maps back to the original code point it came from. One consequence: a
 * decomposed و + U+0654 (combining hamza) gives و, where whole-string NFKC would give ؤ; typed
 * Arabic text uses the precomposed letters, so this is accepted.
 */
import { DROP, FAST_LIMIT, getFoldTable } from './charFold'

/** Options of the normaliser. */
export interface NormalizeOptions {
  /** Also fold the hamza seats ؤ → و and ئ → ي (default false). */
  foldHamzaSeats?: boolean
}

/** A normalised string plus, for each of its UTF-16 units, the original offset it came from. */
export interface NormalizedWithMap {
  text: string
  /**
   * `map[i]` is the offset in the original string of the code point that produced `text[i]`;
   * `map[text.length]` is the original length. Non-decreasing. Use `mapRangeToOriginal`.
   */
  map: Int32Array
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff
}

// Output buffers reused across calls (JavaScript is single-threaded and nothing here re-enters).
let units = new Uint16Array(4096)
let offsets = new Int32Array(4096)

function growUnits(min: number, keep: number): void {
  const bigger = new Uint16Array(Math.max(min, units.length * 2))
  bigger.set(units.subarray(0, keep))
  units = bigger
}

function growOffsets(min: number, keep: number): void {
  const bigger = new Int32Array(Math.max(min, offsets.length * 2))
  bigger.set(offsets.subarray(0, keep))
  offsets = bigger
}

/** Builds a string from code units; chunked because apply() has an argument-count limit. */
export function unitsToString(buf: Uint16Array, length: number): string {
  // a word: the units as arguments, five times faster than apply() over the array
  switch (length) {
    case 0:
      return ''
    case 1:
      return String.fromCharCode(buf[0])
    case 2:
      return String.fromCharCode(buf[0], buf[1])
    case 3:
      return String.fromCharCode(buf[0], buf[1], buf[2])
    case 4:
      return String.fromCharCode(buf[0], buf[1], buf[2], buf[3])
    case 5:
      return String.fromCharCode(buf[0], buf[1], buf[2], buf[3], buf[4])
    case 6:
      return String.fromCharCode(buf[0], buf[1], buf[2], buf[3], buf[4], buf[5])
    case 7:
      return String.fromCharCode(buf[0], buf[1], buf[2], buf[3], buf[4], buf[5], buf[6])
    case 8:
      return String.fromCharCode(buf[0], buf[1], buf[2], buf[3], buf[4], buf[5], buf[6], buf[7])
  }
  const CHUNK = 8192
  if (length <= CHUNK) {
    // apply() accepts any array-like; the cast only satisfies strictBindCallApply.
    return String.fromCharCode.apply(null, buf.subarray(0, length) as unknown as number[])
  }
  const parts: string[] = []
  for (let p = 0; p < length; p += CHUNK) {
    const chunk = buf.subarray(p, Math.min(length, p + CHUNK))
    parts.push(String.fromCharCode.apply(null, chunk as unknown as number[]))
  }
  return parts.join('')
}

/**
 * Runs the per-code-point fold over `s`, writing output units to `units` and, when `withMap`,
 * their original offsets to `offsets`. Returns the number of output units.
 */
function foldInto(s: string, foldHamzaSeats: boolean, withMap: boolean): number {
  const table = getFoldTable(foldHamzaSeats)
  const fast = table.fast
  const n = s.length
  if (units.length < n + 2) growUnits(n + 2, 0)
  if (withMap && offsets.length < n + 2) growOffsets(n + 2, 0)
  let o = 0
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i)
    if (c < FAST_LIMIT) {
      const f = fast[c]
      if (f >= 0) {
        if (withMap) offsets[o] = i
        units[o++] = f
        continue
      }
      if (f === DROP) continue
    }
    let rep: string
    const at = i
    if (isHighSurrogate(c) && i + 1 < n && isLowSurrogate(s.charCodeAt(i + 1))) {
      rep = table.complex(s.codePointAt(i) ?? c)
      i++
    } else if (isHighSurrogate(c) || isLowSurrogate(c)) {
      rep = s[i] // a lone surrogate is kept as it is
    } else {
      rep = table.complex(c)
    }
    // Expansions can make the output longer than the input (ﷺ is 18 units).
    const room = o + rep.length + (n - i) + 2
    if (units.length < room) growUnits(room, o)
    if (withMap && offsets.length < room) growOffsets(room, o)
    for (let k = 0; k < rep.length; k++) {
      if (withMap) offsets[o] = at
      units[o++] = rep.charCodeAt(k)
    }
  }
  return o
}

/**
 * Normalises text for search: NFKC, Arabic marks/tatweel/invisible controls removed, alef forms,
 * ى and ة folded, Arabic-Indic and Persian digits to ASCII, Latin lowercased without accents.
 * Other characters (spaces, punctuation) are kept.
 */
export function normalizeText(s: string, opts?: NormalizeOptions): string {
  const length = foldInto(s, opts?.foldHamzaSeats === true, false)
  return unitsToString(units, length)
}

/**
 * Normalises like `normalizeText` and returns the offset map back to `s`.
 * A character that expands (the ligature ﻻ → لا) maps every output unit to the same original
 * offset; dropped characters (harakat) have no output unit.
 */
export function normalizeWithMap(s: string, opts?: NormalizeOptions): NormalizedWithMap {
  const length = foldInto(s, opts?.foldHamzaSeats === true, true)
  const map = new Int32Array(length + 1)
  map.set(offsets.subarray(0, length))
  map[length] = s.length
  return { text: unitsToString(units, length), map }
}

/**
 * Maps a range `[start, end)` of normalised text back to the original string. The end extends
 * over marks dropped after the last character (a final fatha belongs to the highlighted word),
 * and a range that ends inside an expansion (half of ﻻ) covers the whole original character.
 */
export function mapRangeToOriginal(
  map: ArrayLike<number>,
  start: number,
  end: number
): [number, number] {
  const last = map.length - 1
  const s = map[Math.min(Math.max(start, 0), last)]
  if (end <= start) return [s, s]
  const lastChar = map[Math.min(end - 1, last)]
  let j = Math.min(end, last)
  while (j < last && map[j] <= lastChar) j++
  return [s, map[j]]
}
