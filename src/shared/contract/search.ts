import { z } from 'zod'

export const SearchInput = z.object({
  query: z.string().max(10_000),
  limit: z.number().int().min(1).max(500).default(20),
  offset: z.number().int().min(0).max(100_000).default(0),
  facets: z.boolean().default(true)
})
export type SearchInput = z.input<typeof SearchInput>

/** A highlight range [start, end) in the text it belongs to. */
export type Range = [number, number]

export interface SearchHit {
  uid: string
  title: string
  source: string | null
  published: string | null
  /** how much of `published` is known: 'year', 'month' or 'day' */
  datePrecision?: string | null
  snippet: string
  /** ranges in `snippet` */
  highlights: Range[]
  /** ranges in `title` */
  titleHighlights: Range[]
  score: number
  /** set when the article is one printing of a story several sources printed */
  storyUid?: string | null
}

export interface FacetValue {
  value: string
  count: number
}

export interface SearchFacets {
  source: FacetValue[]
  year: FacetValue[]
  tag: FacetValue[]
  collection: FacetValue[]
}

/**
 * One page of a search. Very common words match hundreds of thousands of articles: the work is
 * bounded, and what was bounded is said here, never hidden.
 */
export interface SearchResult {
  /** the number of matching articles: exact unless `totalCapped`, then a lower bound */
  total: number
  /** not every match was counted: `total` is "at least", `estimatedTotal` "about" */
  totalCapped: boolean
  /** when capped, an estimate of the whole count (from the share of the archive counted) */
  estimatedTotal: number | null
  /**
   * when set, the page is cut from this many matches, the most recently added ones, not from
   * all of them (a very common query); null when every match was ordered
   */
  rankedAmong: number | null
  /**
   * how the hits are ordered: by relevance (bm25) when every match was ranked; title matches
   * first, then by date, among `rankedAmong` when not; by date for filters alone
   */
  ordering: 'relevance' | 'title-then-date' | 'date'
  hits: SearchHit[]
  /** counted over the `facetsAmong` matches when that is set, over every match when null */
  facets: SearchFacets | null
  facetsAmong: number | null
}

export const FindInArticleInput = z.object({
  uid: z.string().min(1).max(200),
  query: z.string().max(10_000)
})

export interface FindInArticleResult {
  /** ranges in the article's body, original offsets */
  body: Range[]
  title: Range[]
}
