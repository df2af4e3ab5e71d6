/**
 * The near-duplicate check of a whole chunk of imported articles, in phases: every band of the
 * chunk looked up in the archive first, then each article compared with what that found and with
 * the chunk's earlier articles, then every band written. Done article by article between their
 * other writes (as an edit does, near-duplicates.ts), the same lookups and inserts took twice as
 * long: each one found the band index's pages cold again. The candidates and pairs are the same
 * as article by article: each article meets the newest PER_BAND members of each of its bands
 * (the chunk's earlier articles being newer than the archive's), itself excluded.
 */
import type { Archive } from '../db/open'
import { stmt } from '../db/statements'
import { BANDS, distinctSorted, shingleSet } from './minhash'
import {
  checkCandidates,
  mostShared,
  pairRecorder,
  PER_BAND,
  type CandidateStatus,
  type NearDuplicate
} from './near-duplicates'

export interface SignedArticle {
  id: number
  status: CandidateStatus
  /**
   * The body's 5-shingles (in any order, repeats allowed: sorted only if it is compared) and
   * their bands (minhash.ts), from the import's analysis; no bands: too short to sign.
   */
  shingles: Uint32Array
  bands: Int32Array
}

/** Shingles as the analysis gave them, sorted the first time they are compared. */
class Comparable {
  private sorted: Uint32Array | null

  constructor(
    private readonly shingles: Uint32Array,
    alreadySorted = false
  ) {
    this.sorted = alreadySorted ? shingles : null
  }

  get set(): Uint32Array {
    this.sorted ??= distinctSorted(this.shingles)
    return this.sorted
  }
}

/**
 * The shingles of an import's recent articles, so that a later copy of one is compared without
 * reading and shingling its body again (a story's printings come close together). Bounded: the
 * oldest are forgotten first.
 */
export class RecentShingles {
  private readonly byId = new Map<number, Comparable>()

  constructor(private readonly limit = 20_000) {}

  get(id: number): Comparable | undefined {
    return this.byId.get(id)
  }

  set(id: number, shingles: Comparable): void {
    this.byId.set(id, shingles)
    if (this.byId.size > this.limit) {
      const oldest = this.byId.keys().next()
      if (oldest.done !== true) this.byId.delete(oldest.value)
    }
  }
}

const ARCHIVE_LOOKUP = `SELECT article_id FROM article_signatures WHERE hash = ? AND band = ?
  ORDER BY rowid DESC LIMIT ${PER_BAND}`

const keyOf = (band: number, hash: number): number => hash * BANDS + band

/**
 * Checks and signs the chunk's articles, in the order they were written (inside the chunk's
 * transaction, after its articles). Returns what each one nearly duplicates, by position.
 */
export function signChunk(
  archive: Archive,
  articles: readonly SignedArticle[],
  recent: RecentShingles
): NearDuplicate[][] {
  const { sqlite } = archive
  const signed = articles.filter((a) => a.bands.length === BANDS)
  // 1. the archive's members of every band of the chunk, before any of the chunk's are written
  const lookup = stmt(sqlite, ARCHIVE_LOOKUP).pluck()
  const inArchive = new Map<number, number[]>()
  for (const { bands } of signed) {
    for (let band = 0; band < BANDS; band++) {
      const key = keyOf(band, bands[band])
      if (!inArchive.has(key)) inArchive.set(key, lookup.all(bands[band], band) as number[])
    }
  }
  // 2. each article against those and the chunk's articles before it
  const bodyOf = stmt(
    sqlite,
    'SELECT body FROM articles WHERE id = ? AND deleted_at IS NULL'
  ).pluck()
  const present = stmt(sqlite, 'SELECT 1 FROM articles WHERE id = ? AND deleted_at IS NULL').pluck()
  const inChunk = new Map<number, Comparable>()
  const shinglesOf = (id: number): Uint32Array | undefined => {
    const mine = inChunk.get(id)
    if (mine !== undefined) return mine.set
    const known = recent.get(id)
    if (known !== undefined) return present.get(id) === undefined ? undefined : known.set
    const body = bodyOf.get(id) as string | undefined
    if (body === undefined) return undefined
    const shingles = new Comparable(shingleSet(body), true)
    recent.set(id, shingles)
    return shingles.set
  }
  const record = pairRecorder(archive)
  const earlier = new Map<number, number[]>()
  const found = new Map<number, NearDuplicate[]>()
  for (const article of signed) {
    const shared = new Map<number, number>()
    for (let band = 0; band < BANDS; band++) {
      const key = keyOf(band, article.bands[band])
      const before = earlier.get(key) ?? []
      const members = [...before.slice(-PER_BAND).reverse(), ...(inArchive.get(key) ?? [])]
      for (const id of members.slice(0, PER_BAND)) shared.set(id, (shared.get(id) ?? 0) + 1)
      before.push(article.id)
      earlier.set(key, before)
    }
    const candidates = mostShared(shared)
    const own = new Comparable(article.shingles)
    if (candidates.length > 0)
      found.set(
        article.id,
        checkCandidates(article.id, own.set, article.status, candidates, shinglesOf, record)
      )
    inChunk.set(article.id, own)
    recent.set(article.id, own)
  }
  // 3. the chunk's bands, all at once
  const insertBand = stmt(
    sqlite,
    'INSERT INTO article_signatures (article_id, band, hash) VALUES (?, ?, ?)'
  )
  for (const { id, bands } of signed) {
    for (let band = 0; band < BANDS; band++) insertBand.run(id, band, bands[band])
  }
  return articles.map((a) => found.get(a.id) ?? [])
}
