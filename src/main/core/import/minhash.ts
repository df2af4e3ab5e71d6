/**
 * MinHash over word 5-shingles of the normalised body, and the LSH bands cut from it.
 *
 * 16 bands of 3 rows (48 min-hashes): two bodies with Jaccard similarity s share at least one
 * band with probability 1 − (1 − s³)¹⁶, that is 1.0 at s = 0.8, 0.88 at 0.5, 0.02 at 0.1. The
 * bands only find candidates; whether a pair is a possible duplicate is then decided on the
 * exact shingle sets (see near-duplicates.ts), so a chance band collision costs one comparison.
 */
import { isWordUnit } from '@shared/text/charFold'
import { surfaceOf } from '@shared/text/analyze'

export const SHINGLE_WORDS = 5
export const BANDS = 16
export const ROWS = 3
const HASHES = BANDS * ROWS

/** Bodies with fewer shingles than this are too short for a meaningful comparison. */
export const MIN_SHINGLES = 8

/** murmur3's finaliser: a cheap bijection on 32 bits that spreads every input bit. */
function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b)
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35)
  return (x ^ (x >>> 16)) >>> 0
}

const SEED = 0x9e3779b9

// FNV-1a, word by word
const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

/**
 * The word hashes of a body: the normaliser's output (harakat, tatweel, alef forms, digits
 * folded) cut at the characters the search tokenizer treats as separators. Hashing each word
 * while scanning, with no token objects, keeps this a fraction of the cost of `tokenize`.
 */
function wordHashes(text: string): { words: Uint32Array; count: number } {
  const words = new Uint32Array((text.length >> 1) + 1)
  let count = 0
  let h = FNV_OFFSET
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (isWordUnit(c)) {
      h = Math.imul(h ^ c, FNV_PRIME)
      inWord = true
    } else if (inWord) {
      words[count++] = h
      h = FNV_OFFSET
      inWord = false
    }
  }
  if (inWord) words[count++] = h
  return { words, count }
}

/** One word's hash as wordHashes makes it (for the analysers that keep it, vocabulary.ts). */
export function wordHash(word: string): number {
  let h = FNV_OFFSET
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME)
  return h >>> 0
}

/**
 * The distinct word 5-shingles of a body, as sorted 32-bit hashes (a typed array, not a Set:
 * hashes above 2³⁰ would be boxed numbers there, and a sorted array compares in one pass).
 */
export function shingleSet(body: string): Uint32Array {
  return shingleSetOfSurface(surfaceOf(body))
}

/**
 * The same from the search index's surface text of the body (normalised tokens joined by
 * spaces), which the import has already computed: the body is analysed once, not three times.
 */
export function shingleSetOfSurface(surface: string): Uint32Array {
  return distinctSorted(shinglesOfSurface(surface))
}

/** Every shingle of a surface text, repeats included (see shinglesOfWords). */
export function shinglesOfSurface(surface: string): Uint32Array {
  const { words, count } = wordHashes(surface)
  return shinglesOfWords(words, count)
}

/**
 * Every 5-shingle of a body's words, in text order, repeats included: what its bands need (a
 * minimum is the same over a set and over a list of its members). Sorting and removing repeats
 * is left for the bodies that are compared (distinctSorted), a few in ten at an import.
 */
export function shinglesOfWords(words: Uint32Array, count: number): Uint32Array {
  if (count === 0) return new Uint32Array(0)
  const n = Math.max(1, count - SHINGLE_WORDS + 1)
  const width = Math.min(SHINGLE_WORDS, count)
  const all = new Uint32Array(n)
  for (let i = 0; i < n; i++) {
    let h = 0
    for (let k = 0; k < width; k++) h = Math.imul(h ^ words[i + k], FNV_PRIME) + k
    all[i] = mix(h)
  }
  return all
}

/** Shingles sorted, each once: the set `similarity` compares. */
export function distinctSorted(shingles: Uint32Array): Uint32Array {
  const all = shingles.slice().sort()
  let unique = 0
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[unique++] = all[i]
  return all.subarray(0, unique)
}

/** Whether a list of shingles holds at least MIN_SHINGLES different ones (without sorting it). */
export function enoughShingles(shingles: Uint32Array): boolean {
  if (shingles.length < MIN_SHINGLES) return false
  const seen: number[] = []
  for (let i = 0; i < shingles.length && seen.length < MIN_SHINGLES; i++)
    if (!seen.includes(shingles[i])) seen.push(shingles[i])
  return seen.length >= MIN_SHINGLES
}

/**
 * The band hashes of a shingle set: BANDS numbers, each a hash of ROWS min-hashes. The 48
 * min-hashes come from one hash per shingle split into 48 bins (one-permutation hashing), not
 * from 48 hash functions: the same estimate of Jaccard similarity at a 48th of the cost. A bin
 * no shingle fell into borrows the next filled bin's minimum, shifted by the distance
 * (densification), so that it still agrees between two similar sets.
 */
export function bandsOf(shingles: Uint32Array): Int32Array {
  const mins = new Float64Array(HASHES).fill(Infinity)
  for (let j = 0; j < shingles.length; j++) {
    const v = mix(shingles[j] ^ SEED)
    const bin = v % HASHES
    if (v < mins[bin]) mins[bin] = v
  }
  for (let i = 0; i < HASHES; i++) {
    if (mins[i] !== Infinity) continue
    for (let d = 1; d < HASHES; d++) {
      const from = mins[(i + d) % HASHES]
      if (from !== Infinity && from < 0x100000000) {
        mins[i] = from + 0x100000000 * d
        break
      }
    }
  }
  const bands = new Int32Array(BANDS)
  for (let b = 0; b < BANDS; b++) {
    // seeded by the band so equal rows in different bands give different hashes: one indexed
    // column answers the lookup of all bands at once
    let h = mix(b + 1)
    for (let r = 0; r < ROWS; r++) {
      const m = mins[b * ROWS + r]
      h = mix(h ^ (m % 0x100000000)) ^ Math.floor(m / 0x100000000)
    }
    bands[b] = mix(h) | 0
  }
  return bands
}

/** Jaccard similarity and containment (overlap over the smaller set) of two shingle sets. */
export function similarity(
  a: Uint32Array,
  b: Uint32Array
): { jaccard: number; containment: number } {
  let common = 0
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common++
      i++
      j++
    } else if (a[i] < b[j]) i++
    else j++
  }
  const union = a.length + b.length - common
  const smaller = Math.min(a.length, b.length)
  return {
    jaccard: union === 0 ? 0 : common / union,
    containment: smaller === 0 ? 0 : common / smaller
  }
}
