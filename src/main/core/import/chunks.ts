/**
 * How an import cuts a file's records into chunks, each written in one transaction: a crash or
 * a Stop leaves whole chunks, and the analysis thread prepares one chunk ahead of the writer.
 */
import type { ParsedArticle } from '@shared/domain'
import type { Chunk } from './analysis/feed'

/**
 * Articles per transaction by default, and the text a chunk may hold: each commit rewrites every
 * page its inserts touched in the indexes keyed by random values (the near-duplicate bands'
 * hashes, 16 per article; uids, URLs, content hashes, title keys), and once those indexes
 * outgrow what one chunk touches, the bytes written grow with the archive. Measured with
 * `bench/import-profile.ts [--scale 4] --chunk N` (2026-12-02): at 31,000 articles, chunks of
 * 2,000 wrote 1.28 GB instead of 1.74 GB (no faster: there the import waits on the CPU); at
 * 124,000, chunks of 2,500 wrote 7.7 GB instead of 12.2 GB and ran 9% faster. The lexicon learns a word
 * only once two committed articles hold it, so bigger chunks leave a few early words with their
 * clitics: ARCD's MRR@10 went from 0.691 to 0.690 (recall@10 0.859 to 0.858). The character
 * bound keeps a chunk of long articles small enough for Stop to answer within seconds. Both
 * bounds count articles and characters, never time, so the same files always make the same
 * chunks; a file's chunks share them out evenly (chunkEnds).
 */
export const CHUNK_ARTICLES = 2_000
export const CHUNK_CHARACTERS = 4_000_000

/**
 * The first chunk of an import's first file: small, so the writer starts as soon as the analysis
 * thread has prepared it, and writes it while the thread prepares the next. A first chunk of
 * 2,000 records kept the writer waiting a second at the start of every import.
 */
export const LEAD_CHUNK_ARTICLES = 250

/**
 * The chunk of a file's records that starts at `from`. `lead`: the file is the import's first
 * (its first chunk is LEAD_CHUNK_ARTICLES long, the rest shared out as usual).
 */
export function chunkAt(
  parsed: readonly ParsedArticle[],
  fileName: string,
  from: number,
  chunkSize?: number,
  lead = false
): Chunk {
  return { articles: parsed, fileName, from, to: chunkEnd(parsed, from, chunkSize, lead) }
}

/**
 * A file's chunk ends by default: as few chunks as both bounds allow, of about the same size.
 * Filling each chunk to a bound left a small last chunk (1,100 records and then 500): the writer
 * wrote it in half the time the analysis thread took for the next file's first chunk, and then
 * waited. Computed once per file, from its records alone.
 */
const defaultEnds = new WeakMap<readonly ParsedArticle[], number[]>()
const leadEnds = new WeakMap<readonly ParsedArticle[], number[]>()

function chunkEnds(parsed: readonly ParsedArticle[], lead: boolean): number[] {
  if (lead && parsed.length > LEAD_CHUNK_ARTICLES) {
    let ends = leadEnds.get(parsed)
    if (ends === undefined) {
      const rest = chunkEnds(parsed.slice(LEAD_CHUNK_ARTICLES), false)
      ends = [LEAD_CHUNK_ARTICLES, ...rest.map((end) => end + LEAD_CHUNK_ARTICLES)]
      leadEnds.set(parsed, ends)
    }
    return ends
  }
  const known = defaultEnds.get(parsed)
  if (known) return known
  const length = (a: ParsedArticle): number => a.body.length + a.title.length
  const total = parsed.reduce((sum, a) => sum + length(a), 0)
  const count = Math.max(
    1,
    Math.ceil(parsed.length / CHUNK_ARTICLES),
    Math.ceil(total / CHUNK_CHARACTERS)
  )
  // chunk k closes once the records so far reach k / count of the file's records or of its
  // text (whichever first), or before a record that would pass a bound
  const reached = (k: number, records: number, characters: number): boolean =>
    k < count && (records >= (k * parsed.length) / count || characters >= (k * total) / count)
  const ends: number[] = []
  let next = 1
  let recordsSoFar = 0
  let charactersSoFar = 0
  let records = 0
  let characters = 0
  parsed.forEach((article, i) => {
    const added = length(article)
    const due = reached(next, recordsSoFar, charactersSoFar)
    const over = records + 1 > CHUNK_ARTICLES || characters + added > CHUNK_CHARACTERS
    if (records > 0 && (due || over)) {
      ends.push(i)
      records = 0
      characters = 0
      while (reached(next, recordsSoFar, charactersSoFar)) next++
    }
    records++
    characters += added
    recordsSoFar++
    charactersSoFar += added
  })
  ends.push(parsed.length)
  defaultEnds.set(parsed, ends)
  return ends
}

/** Where the chunk starting at `from` ends (exclusive). */
export function chunkEnd(
  parsed: readonly ParsedArticle[],
  from: number,
  chunkSize?: number,
  lead = false
): number {
  if (chunkSize !== undefined) return Math.min(parsed.length, from + chunkSize)
  const ends = chunkEnds(parsed, lead)
  let low = 0
  let high = ends.length - 1
  // the first end after `from`
  while (low < high) {
    const middle = (low + high) >> 1
    if (ends[middle] > from) high = middle
    else low = middle + 1
  }
  return Math.max(ends[low], Math.min(parsed.length, from + 1))
}
