/**
 * Collects the matches of a query into a temporary table, with what the facets and the order
 * need copied from the article row once, so neither reads the articles again.
 *
 * The work is bounded by a window, measured on this machine: FTS5 walks a doclist at ~1 µs a
 * match, reading an article row for the filters costs about as much again, and bm25 costs a
 * full pass over every phrase's doclist before its first row (its idf), then ~5 µs a row. So:
 * - the `bound` most recently added matches are collected (FTS5 walks its doclists newest
 *   first and stops there; with filters, the newest that pass them, within the span of ids
 *   the filters allow when an index gives it);
 * - when that window holds every match, they are ranked by bm25, as before;
 * - when it does not (a very common query), bm25's idf pass alone would read the whole
 *   doclist: the window is ordered title matches first, then by date, and the result says so.
 * For filters alone, the `bound` newest by date, which is their order anyway.
 *
 * CROSS JOIN keeps SQLite's join order (the FTS matches first, then articles by primary key):
 * without statistics on a temporary table it would otherwise scan every article.
 */
import { WarraqError } from '@shared/errors'
import type Database from 'better-sqlite3'
import type { Archive } from '../db/open'
import { stmt } from '../db/statements'
import { FTS_WEIGHTS } from '../db/fts.sql'
import type { SearchBounds } from './bounds'
import type { SqlPart } from './filters'

const HITS_TABLE = `CREATE TEMP TABLE IF NOT EXISTS search_hits_v2 (
  id INTEGER PRIMARY KEY, score REAL NOT NULL, source_id INTEGER, published TEXT)`
const HIT_COLUMNS = 'a.source_id, a.published'
const BM25 = `bm25(articles_fts, ${FTS_WEIGHTS.join(', ')})`
const ALL_IDS: [number, number] = [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER]

/** How the collected matches are ordered. */
export type Ordering = 'relevance' | 'title-then-date' | 'date'

export interface Collected {
  /** rows in search_hits_v2 */
  count: number
  /** the window held every match: nothing was left out of the ranking, facets or total */
  complete: boolean
  ordering: Ordering
  /** the span of ids the filters allow (the whole archive without filters) */
  span: [number, number]
  /** the index's matches in the span counted newest first, up to one past the count cap */
  index?: IndexCount
}

export interface IndexCount {
  n: number
  /** the oldest id counted */
  low: number | null
}

/** A query the builder made that SQLite still refused: a bug, but the user gets a sentence. */
export function runFailed(err: unknown): WarraqError {
  return new WarraqError('query_syntax', `The query could not be run: ${(err as Error).message}`, {
    key: 'query.run_failed',
    params: { position: 0 }
  })
}

/** Prepared each time: the filters' SQL holds ids, so a statement cache would only grow. */
function run(sqlite: Database.Database, sql: string, params: unknown[]): number {
  try {
    return sqlite.prepare(sql).run(...params).changes
  } catch (err) {
    throw runFailed(err)
  }
}

/**
 * The span of article ids the filters allow, read from their indexes (covering: no article
 * row is read), or the whole range when a filter has no index. Null when nothing passes.
 */
function idSpan(sqlite: Database.Database, filters: SqlPart): [number, number] | null {
  const span = filters.span
  let lo = Number.MIN_SAFE_INTEGER
  let hi = Number.MAX_SAFE_INTEGER
  if (span === undefined || filters.indexed !== true) return [lo, hi]
  if (span.where.length > 0) {
    let row: { lo: number | null; hi: number | null }
    try {
      row = sqlite
        .prepare(
          `SELECT min(a.id) AS lo, max(a.id) AS hi FROM articles a WHERE ${span.where.join(' AND ')}`
        )
        .get(...span.params) as { lo: number | null; hi: number | null }
    } catch (err) {
      throw runFailed(err)
    }
    if (row.lo === null || row.hi === null) return null
    ;[lo, hi] = [row.lo, row.hi]
  }
  if (span.statuses.length > 0) {
    const statuses = statusSpan(sqlite, span.statuses)
    if (statuses === null) return null
    ;[lo, hi] = [Math.max(lo, statuses[0]), Math.min(hi, statuses[1])]
    if (lo > hi) return null
  }
  return [lo, hi]
}

/** The first and last id of any of the statuses: two seeks of the status index each. */
function statusSpan(
  sqlite: Database.Database,
  statuses: readonly string[]
): [number, number] | null {
  // one min() or max() a query: SQLite then seeks the (status, id) index instead of reading it
  const first = stmt(sqlite, 'SELECT min(id) FROM articles WHERE status = ?').pluck()
  const last = stmt(sqlite, 'SELECT max(id) FROM articles WHERE status = ?').pluck()
  let span: [number, number] | null = null
  for (const status of statuses) {
    const lo = first.get(status) as number | null
    if (lo === null) continue
    const hi = last.get(status) as number
    span = span === null ? [lo, hi] : [Math.min(span[0], lo), Math.max(span[1], hi)]
  }
  return span
}

function clear(sqlite: Database.Database): void {
  sqlite.exec(HITS_TABLE)
  sqlite.exec('DELETE FROM search_hits_v2')
}

export function collectHits(
  archive: Archive,
  match: string | null,
  titleMatch: string | null,
  parts: readonly string[],
  question: boolean,
  filters: SqlPart,
  bounds: SearchBounds
): Collected {
  const { sqlite } = archive
  // `+` keeps SQLite off the index of trashed articles, which holds nearly every row as NULL
  const where = ['+a.deleted_at IS NULL', ...filters.where].join(' AND ')
  clear(sqlite)
  if (match === null) return collectListed(sqlite, where, filters, bounds.rankCap)
  const span = idSpan(sqlite, filters)
  if (span === null) return { count: 0, complete: true, ordering: 'relevance', span: [0, 0] }
  // how many articles the index matches, newest first, up to the count cap: rowids only
  const index = indexCount(sqlite, match, ALL_IDS, bounds.countCap)
  // a long question is ranked by bm25 whatever it costs: its order is the point of it
  const rankable = question || (index.n <= bounds.countCap && partsRankable(sqlite, parts, bounds))
  if (rankable) {
    // few enough to rank every one with bm25 and count and facet them all, as before
    const count = run(
      sqlite,
      `INSERT INTO search_hits_v2 (id, score, source_id, published)
       SELECT f.rowid, ${BM25}, ${HIT_COLUMNS}
       FROM articles_fts f CROSS JOIN articles a INDEXED BY articles_hit_idx ON a.id = f.rowid
       WHERE articles_fts MATCH ? AND f.rowid BETWEEN ? AND ? AND ${where}`,
      [match, span[0], span[1], ...filters.params]
    )
    return { count, complete: true, ordering: 'relevance', span, index }
  }
  // a very common query: the newest matches that pass the filters, one past the bound to tell
  // whether there are more (dropped again below)
  const count = run(
    sqlite,
    `INSERT INTO search_hits_v2 (id, score, source_id, published)
     SELECT f.rowid, 0, ${HIT_COLUMNS}
     FROM articles_fts f CROSS JOIN articles a INDEXED BY articles_hit_idx ON a.id = f.rowid
     WHERE articles_fts MATCH ? AND f.rowid BETWEEN ? AND ? AND ${where}
     ORDER BY f.rowid DESC LIMIT ?`,
    [match, span[0], span[1], ...filters.params, bounds.rankCap + 1]
  )
  const complete = count <= bounds.rankCap
  if (!complete) {
    stmt(sqlite, 'DELETE FROM search_hits_v2 WHERE id = (SELECT min(id) FROM search_hits_v2)').run()
  }
  if (titleMatch !== null && count > 0) {
    const low = stmt(sqlite, 'SELECT min(id) FROM search_hits_v2').pluck().get() as number
    run(
      sqlite,
      `UPDATE search_hits_v2 SET score = -1 WHERE id IN (SELECT rowid FROM articles_fts
         WHERE articles_fts MATCH ? AND rowid BETWEEN ? AND ?)`,
      [titleMatch, low, span[1]]
    )
  }
  return {
    count: Math.min(count, bounds.rankCap),
    complete,
    ordering: 'title-then-date',
    span,
    index
  }
}

/**
 * bm25's idf reads each word's whole doclist before its first row: the words of a query are
 * counted (up to the cap each, and four caps in all) so that one very common word among rare
 * ones does not make a rare query slow.
 */
function partsRankable(
  sqlite: Database.Database,
  parts: readonly string[],
  bounds: SearchBounds
): boolean {
  let used = 0
  for (const part of parts) {
    const n = indexCount(sqlite, part, ALL_IDS, bounds.countCap).n
    used += n
    if (n > bounds.countCap || used > 4 * bounds.countCap) return false
  }
  return true
}

/** Counts the index's matches within `span`, newest first, up to one past `cap`. */
function indexCount(
  sqlite: Database.Database,
  match: string,
  span: [number, number],
  cap: number
): IndexCount {
  try {
    return stmt(
      sqlite,
      `SELECT count(*) AS n, min(rowid) AS low FROM (SELECT rowid FROM articles_fts
         WHERE articles_fts MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rowid DESC LIMIT ?)`
    ).get(match, span[0], span[1], cap + 1) as IndexCount
  } catch (err) {
    throw runFailed(err)
  }
}

/**
 * Filters alone: the newest by date. Conditions on the row alone are checked walking down the
 * date index (fts.sql.ts), which stops at the bound: the work follows the bound and how many
 * articles pass, not the archive's size (a small source is the slow case). Tags, collections
 * and the like are id lists SQLite reads first.
 */
function collectListed(
  sqlite: Database.Database,
  where: string,
  filters: SqlPart,
  bound: number
): Collected {
  const index = filters.rowOnly === true ? 'INDEXED BY articles_published_sort_idx' : ''
  const count = run(
    sqlite,
    `INSERT INTO search_hits_v2 (id, score, source_id, published)
     SELECT a.id, 0, ${HIT_COLUMNS} FROM articles a ${index} WHERE ${where}
     ORDER BY ifnull(a.published, '') DESC, a.id DESC LIMIT ?`,
    [...filters.params, bound + 1]
  )
  if (count <= bound) return { count, complete: true, ordering: 'date', span: ALL_IDS }
  stmt(
    sqlite,
    `DELETE FROM search_hits_v2 WHERE id = (SELECT id FROM search_hits_v2
       ORDER BY ifnull(published, '') ASC, id ASC LIMIT 1)`
  ).run()
  return { count: bound, complete: false, ordering: 'date', span: ALL_IDS }
}
