/**
 * MinHash over word 5-shingles of the normalised body, and the LSH bands cut from it.
 *
 * 16 bands of 3 rows (48 hash functions): two bodies with Jaccard similarity s share at least one
 * band with probability 1 − (1 − s³)¹⁶, that is 1.0 at s = 0.8, 0.88 at 0.5, 0.02 at 0.1. The
 * bands only find candidates; whether a pair is a possible duplicate is then decided on the
 * exact shingle sets (see near-duplicates.ts), so a chance band collision costs one comparison.
 */
import { tokenize } from '@shared/text/tokenize'

export const SHINGLE_WORDS = 5
export const BANDS = 16
export const ROWS = 3
const HASHES = BANDS * ROWS

/** Bodies with fewer shingles than this are too short for a meaningful comparison. */
export const MIN_SHINGLES = 8

function fnv1a(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/** murmur3's finaliser: a cheap bijection on 32 bits that spreads every input bit. */
function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b)
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35)
  return (x ^ (x >>> 16)) >>> 0
}

const SEEDS = Uint32Array.from({ length: HASHES }, (_, i) => mix(0x9e3779b9 + i * 0x632be5ab))

/**
 * The distinct shingles of a body as 32-bit hashes. Words are the search tokenizer's normalised
 * forms, so harakat, tatweel, alef forms and digits written either way do not matter.
 */
export function shingleSet(body: string): Set<number> {
  const words = tokenize(body).map((t) => fnv1a(t.norm))
  const shingles = new Set<number>()
  if (words.length < SHINGLE_WORDS) {
    if (words.length > 0) shingles.add(words.reduce((h, w) => mix(h ^ w), 0))
    return shingles
  }
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    let h = 0
    for (let k = 0; k < SHINGLE_WORDS; k++) h = Math.imul(h ^ words[i + k], 0x01000193) + k
    shingles.add(mix(h))
  }
  return shingles
}

/** The band hashes of a shingle set: BANDS numbers, each a hash of ROWS min-hashes. */
export function bandsOf(shingles: Set<number>): Int32Array {
  const mins = new Uint32Array(HASHES).fill(0xffffffff)
  for (const s of shingles) {
    for (let i = 0; i < HASHES; i++) {
      const v = mix(s ^ SEEDS[i])
      if (v < mins[i]) mins[i] = v
    }
  }
  const bands = new Int32Array(BANDS)
  for (let b = 0; b < BANDS; b++) {
    // seeded by the band so equal rows in different bands give different hashes: one indexed
    // column answers the lookup of all bands at once
    let h = mix(b + 1)
    for (let r = 0; r < ROWS; r++) h = mix(h ^ mins[b * ROWS + r])
    bands[b] = h | 0
  }
  return bands
}

/** Jaccard similarity and containment (overlap over the smaller set) of two shingle sets. */
export function similarity(a: Set<number>, b: Set<number>): { jaccard: number; containment: number } {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let common = 0
  for (const s of small) if (large.has(s)) common++
  const union = a.size + b.size - common
  return {
    jaccard: union === 0 ? 0 : common / union,
    containment: small.size === 0 ? 0 : common / small.size
  }
}
