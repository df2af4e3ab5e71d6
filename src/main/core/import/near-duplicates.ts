/**
 * Near-duplicate detection at write time. Syndicated wire copies differ from each other by a
 * changed first line (the dateline, the agency) or an added signature, so their bodies hash
 * differently but share almost all of their word 5-shingles. Each article's MinHash bands are
 * stored in `article_signatures`; a new body looks its bands up (one indexed query), checks the
 * few articles found on the exact shingle sets, and records the close ones in
 * `duplicate_candidates` for the archivist to review. Nothing is dropped or merged here.
 */
import type { Archive } from '../db/open'
import { stmt } from '../db/statements'
import { BANDS, bandsOf, MIN_SHINGLES, shingleSet, similarity } from './minhash'

/** Jaccard similarity from which two bodies are reported as possible duplicates. */
export const JACCARD_THRESHOLD = 0.8
/**
 * A short wire story with a new first line and a signature can fall below 0.8 while one copy
 * is still mostly inside the other (4 in 5 of its 5-word runs appear verbatim in the other):
 * that counts too, if they also share half their text.
 */
export const CONTAINMENT_THRESHOLD = 0.8
export const CONTAINMENT_MIN_JACCARD = 0.5
/** Bounds the work for a body whose bands collide with many (boilerplate notices). */
const MAX_CHECKED = 40

export interface NearDuplicate {
  otherId: number
  score: number
}

export type CandidateStatus = 'open' | 'dismissed' | 'merged' | 'linked'

/**
 * How many of a band's most recent articles are looked at. A band shared by thousands of bodies
 * (a boilerplate notice, a template of short items) would otherwise make every new article read
 * them all, and an import of such items quadratic; a wire copy shares most bands with its story,
 * and the most recent members of a band are where a copy being imported finds its siblings.
 */
export const PER_BAND = 64

// no join with articles here: without statistics SQLite would then walk the articles by their
// deleted_at index (all of them); trashed articles are skipped when their body is read instead.
// The hash index holds the rowid, which grows with the article: newest first, without a sort.
export const LOOKUP_SQL = `SELECT article_id AS id FROM article_signatures
  WHERE hash = ? AND band = ? AND article_id != ? ORDER BY rowid DESC LIMIT ${PER_BAND}`

/** The articles sharing the most bands with this one, most recent first among equals. */
function candidatesOf(archive: Archive, articleId: number, bands: Int32Array): number[] {
  const lookup = stmt(archive.sqlite, LOOKUP_SQL).pluck()
  const shared = new Map<number, number>()
  for (let band = 0; band < bands.length; band++) {
    for (const id of lookup.all(bands[band], band, articleId) as number[])
      shared.set(id, (shared.get(id) ?? 0) + 1)
  }
  return mostShared(shared)
}

/** Candidates by the number of bands they share (article id → count), at most MAX_CHECKED. */
export function mostShared(shared: ReadonlyMap<number, number>): number[] {
  return [...shared]
    .sort((a, b) => b[1] - a[1] || b[0] - a[0])
    .slice(0, MAX_CHECKED)
    .map(([id]) => id)
}

export function isNearDuplicate(jaccard: number, containment: number): boolean {
  return (
    jaccard >= JACCARD_THRESHOLD ||
    (containment >= CONTAINMENT_THRESHOLD && jaccard >= CONTAINMENT_MIN_JACCARD)
  )
}

/** One-row statements only: see recordNearDuplicates. */
export function pairRecorder(
  archive: Archive
): (articleId: number, otherId: number, score: number, status: CandidateStatus) => void {
  const pairKnown = stmt(
    archive.sqlite,
    'SELECT 1 FROM duplicate_candidates WHERE article_id = ? AND other_id = ?'
  ).pluck()
  const insertPair = stmt(
    archive.sqlite,
    `INSERT OR IGNORE INTO duplicate_candidates (article_id, other_id, score, status)
     VALUES (?, ?, ?, ?)`
  )
  return (articleId, otherId, score, status) => {
    if (pairKnown.get(otherId, articleId) === undefined) {
      insertPair.run(articleId, otherId, score, status)
    }
  }
}

/** The close ones among `candidates`, recorded as pairs with `articleId`. */
export function checkCandidates(
  articleId: number,
  shingles: Uint32Array,
  status: CandidateStatus,
  candidates: readonly number[],
  shinglesOf: (id: number) => Uint32Array | undefined,
  record: ReturnType<typeof pairRecorder>
): NearDuplicate[] {
  const found: NearDuplicate[] = []
  for (const otherId of candidates) {
    const other = shinglesOf(otherId)
    if (other === undefined) continue
    const { jaccard, containment } = similarity(shingles, other)
    if (!isNearDuplicate(jaccard, containment)) continue
    const score = Math.round(jaccard * 1000) / 1000
    record(articleId, otherId, score, status)
    found.push({ otherId, score })
  }
  return found
}

/**
 * Signs an article's body and records the articles it nearly duplicates. Call it inside the
 * transaction that writes the article, after the write, so a crash leaves both or neither.
 * Re-signing (after an edit) replaces the old bands; pairs already recorded stay as they are.
 */
export function recordNearDuplicates(
  archive: Archive,
  articleId: number,
  body: string,
  status: CandidateStatus = 'open',
  /** the body's shingles, when the caller has them already (the import's analysis made them) */
  prepared?: Uint32Array,
  /** a just-inserted article has no bands to replace */
  fresh = false
): NearDuplicate[] {
  const { sqlite } = archive
  if (!fresh) stmt(sqlite, 'DELETE FROM article_signatures WHERE article_id = ?').run(articleId)
  const shingles = prepared ?? shingleSet(body)
  if (shingles.length < MIN_SHINGLES) return []
  const bands = bandsOf(shingles)
  const bodyOf = stmt(
    sqlite,
    'SELECT body FROM articles WHERE id = ? AND deleted_at IS NULL'
  ).pluck()
  // one-row statements only: an INSERT … SELECT needs a statement journal, and opening one makes
  // FTS5 flush the transaction's pending index terms into a new segment (a flush per pair found)
  const found = checkCandidates(
    articleId,
    shingles,
    status,
    candidatesOf(archive, articleId, bands),
    (id) => {
      const other = bodyOf.get(id) as string | undefined
      return other === undefined ? undefined : shingleSet(other)
    },
    pairRecorder(archive)
  )
  const insertBand = stmt(
    sqlite,
    'INSERT INTO article_signatures (article_id, band, hash) VALUES (?, ?, ?)'
  )
  for (let b = 0; b < BANDS; b++) insertBand.run(articleId, b, bands[b])
  return found
}
