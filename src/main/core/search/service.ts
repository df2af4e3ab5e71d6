import type {
  FindInArticleResult,
  SearchHit,
  SearchInput,
  SearchResult
} from '@shared/contract/search'
import { WarraqError } from '@shared/errors'
import { findMatches } from '@shared/text/analyze'
import { makeSnippet } from '@shared/text/snippet'
import type { z } from 'zod'
import type { SearchInput as SearchSchema } from '@shared/contract/search'
import type { Archive } from '../db/open'
import { stmt } from '../db/statements'
import { activeBounds, type SearchBounds } from './bounds'
import { compileQuery } from './compile'
import { countMatches } from './count'
import { hitFacets } from './facets'
import { filterSql } from './filters'
import { collectHits } from './hits'

type Input = z.output<typeof SearchSchema>

const EMPTY: SearchResult = {
  total: 0,
  totalCapped: false,
  estimatedTotal: null,
  rankedAmong: null,
  ordering: 'relevance',
  hits: [],
  facets: null,
  facetsAmong: null
}

interface PageRow {
  id: number
  uid: string
  title: string
  body: string
  source: string | null
  published: string | null
  datePrecision: string | null
  score: number
  storyUid: string | null
}

/**
 * Runs a query of the query language with bounded work (bounds.ts, hits.ts): the index's
 * matches are counted newest first up to `countCap`. Up to there, every match is ranked by
 * bm25, counted and faceted, as an unbounded search would. Past it (a very common query),
 * the `rankCap` newest matches are collected, ordered title matches first, then by date,
 * and the total is a lower bound with an estimate; the result says which. Snippets and
 * highlights are computed for the page only, on the original text, never on stems.
 */
export function searchArticles(
  archive: Archive,
  input: SearchInput,
  bounds: SearchBounds = activeBounds()
): SearchResult {
  const { query: text, limit, offset, facets: wantFacets } = input as Input
  const compiled = compileQuery(archive, text)
  if (compiled.kind === 'empty') return EMPTY
  const { sqlite } = archive
  const filters = filterSql(archive, compiled.filters)
  // pages reach as far as the collected matches: every page of one query is cut from the same
  // ranked set, so paging never repeats or skips one (an export takes every match)
  const collected = collectHits(
    archive,
    compiled.match,
    compiled.titleMatch,
    compiled.partMatches,
    compiled.question,
    filters,
    bounds
  )
  const counted = countMatches(archive, compiled.match, filters, collected, bounds.countCap)
  const rows = stmt(
    sqlite,
    `SELECT a.id, a.uid, a.title, a.body, s.name AS source, a.published, h.score,
       a.date_precision AS datePrecision, a.story_uid AS storyUid FROM
       (SELECT id, score, published FROM search_hits_v2
        ORDER BY score, published DESC, id DESC LIMIT ? OFFSET ?) h
     CROSS JOIN articles a ON a.id = h.id LEFT JOIN sources s ON s.id = a.source_id
     ORDER BY h.score, h.published DESC, h.id DESC`
  ).all(limit, offset) as PageRow[]
  const hits: SearchHit[] = rows.map((row) => {
    const ranges = findMatches(row.body, compiled.terms, undefined, compiled.lexicon)
    const snippet = makeSnippet(row.body, ranges)
    return {
      uid: row.uid,
      title: row.title,
      source: row.source,
      published: row.published,
      datePrecision: row.datePrecision,
      snippet: snippet.text,
      highlights: snippet.highlights,
      titleHighlights: findMatches(row.title, compiled.terms, undefined, compiled.lexicon),
      score: row.score,
      storyUid: row.storyUid
    }
  })
  return {
    total: counted.total,
    totalCapped: counted.capped,
    estimatedTotal: counted.estimate,
    // filters alone are listed newest first, which the collection keeps exactly
    rankedAmong: !collected.complete && compiled.match !== null ? collected.count : null,
    ordering: collected.ordering,
    hits,
    facets: wantFacets ? hitFacets(archive) : null,
    facetsAmong: collected.complete ? null : collected.count
  }
}

/** In-article find with the same matching rules as search: ranges on the original text. */
export function findInArticle(archive: Archive, uid: string, text: string): FindInArticleResult {
  const row = stmt(archive.sqlite, 'SELECT title, body FROM articles WHERE uid = ?').get(uid) as
    { title: string; body: string } | undefined
  if (!row) throw new WarraqError('not_found', `No article with uid ${uid}.`)
  const compiled = compileQuery(archive, text)
  if (compiled.kind === 'empty') return { body: [], title: [] }
  return {
    body: findMatches(row.body, compiled.terms, undefined, compiled.lexicon),
    title: findMatches(row.title, compiled.terms, undefined, compiled.lexicon)
  }
}
