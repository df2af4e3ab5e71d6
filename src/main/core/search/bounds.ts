/**
 * How much work one search may do. A very common word matches a quarter of the archive (at a
 * million articles, السعودية matches ~270,000): ranking every match with bm25 costs ~2 µs each,
 * counting one ~0.2 µs, so both are bounded, and the result says what was bounded.
 */
export interface SearchBounds {
  /**
   * queries the index matches more often than `countCap`: the most matches collected, ordered
   * and faceted (the most recently added; for filters alone, the newest by date)
   */
  rankCap: number
  /** the most matches counted exactly, and ranked by bm25 */
  countCap: number
}

export const DEFAULT_BOUNDS: SearchBounds = { rankCap: 2_000, countCap: 10_000 }

/**
 * The bounds searches run with: DEFAULT_BOUNDS, or `WARRAQ_SEARCH_BOUNDS=RANK,COUNT` (two
 * positive integers) for a slower or faster machine, and for tests of a host's display of
 * capped results without building a large archive. Anything else is ignored.
 */
export function activeBounds(env: NodeJS.ProcessEnv = process.env): SearchBounds {
  const match = /^\s*(\d+)\s*,\s*(\d+)\s*$/.exec(env.WARRAQ_SEARCH_BOUNDS ?? '')
  if (match === null) return DEFAULT_BOUNDS
  const [rankCap, countCap] = [Number(match[1]), Number(match[2])]
  return rankCap > 0 && countCap > 0 ? { rankCap, countCap } : DEFAULT_BOUNDS
}
