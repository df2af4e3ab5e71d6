/**
 * The total of a search whose matches outnumber the collected window (hits.ts): counted
 * exactly where that is cheap, else a lower bound with an estimate, and said so.
 */
import type { Archive } from '../db/open'
import { stmt } from '../db/statements'
import type { SqlPart } from './filters'
import { runFailed, type Collected } from './hits'

export interface Total {
  total: number
  /** `total` is a lower bound: at least that many match */
  capped: boolean
  estimate: number | null
}

/**
 * Scales `n` matches found among the ids from `low` to the newest of `span` up to the whole
 * span: honest for matches spread over the archive, off when they cluster in a few imports,
 * which is why it is shown as "about".
 */
function scaled(archive: Archive, n: number, low: number, span: [number, number]): number {
  // two lookups: one query with both min() and max() would read every row
  const ids = stmt(
    archive.sqlite,
    'SELECT (SELECT min(id) FROM articles) AS lo, (SELECT max(id) FROM articles) AS hi'
  ).get() as {
    lo: number
    hi: number
  }
  const lo = Math.max(span[0], ids.lo)
  const hi = Math.min(span[1], ids.hi)
  return Math.round((n * Math.max(1, hi - lo + 1)) / Math.max(1, hi - low + 1))
}

function lowestCollected(archive: Archive): number {
  return stmt(archive.sqlite, 'SELECT min(id) FROM search_hits_v2').pluck().get() as number
}

/**
 * Without filters, what the FTS index matches is counted (rowids only, no article row read:
 * the index holds live articles only, trashing removes an article's row) newest first up to
 * `cap`, exact below it. With filters, checking them on every match would read an article
 * row for each: the collected window is the lower bound, scaled by its share of the ids.
 */
export function countMatches(
  archive: Archive,
  match: string | null,
  filters: SqlPart,
  collected: Collected,
  cap: number
): Total {
  if (collected.complete) return { total: collected.count, capped: false, estimate: null }
  if (match === null) return countListed(archive, filters, collected, cap)
  if (filters.where.length === 0 && collected.index !== undefined) {
    // the index alone holds live articles only (trashing removes an article's row)
    const { n, low } = collected.index
    if (n <= cap) return { total: n, capped: false, estimate: null }
    const estimate = scaled(archive, n, low ?? 0, collected.span)
    return { total: cap, capped: true, estimate: Math.max(estimate, cap + 1) }
  }
  const estimate = scaled(archive, collected.count, lowestCollected(archive), collected.span)
  return {
    total: collected.count,
    capped: true,
    estimate: Math.max(estimate, collected.count + 1)
  }
}

/** Filters alone: counted from their indexes up to `cap` newest ids first, scaled beyond. */
function countListed(archive: Archive, filters: SqlPart, collected: Collected, cap: number): Total {
  const where = ['+a.deleted_at IS NULL', ...filters.where].join(' AND ')
  let row: { n: number; low: number | null }
  try {
    row = archive.sqlite
      .prepare(
        `SELECT count(*) AS n, min(id) AS low FROM (SELECT a.id FROM articles a
         INDEXED BY articles_hit_idx WHERE ${where}
         ORDER BY a.id DESC LIMIT ?)`
      )
      .get(...filters.params, cap + 1) as { n: number; low: number | null }
  } catch (err) {
    throw runFailed(err)
  }
  if (row.n <= cap) return { total: row.n, capped: false, estimate: null }
  const estimate = scaled(archive, row.n, row.low ?? 0, collected.span)
  return { total: cap, capped: true, estimate: Math.max(estimate, cap + 1) }
}
