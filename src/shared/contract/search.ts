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

export interface SearchResult {
  total: number
  hits: SearchHit[]
  facets: SearchFacets | null
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
