import type {
  FacetValue,
  FindInArticleResult,
  SearchFacets,
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
import { FTS_WEIGHTS } from '../db/fts.sql'
import { compileQuery } from './compile'
import { filterSql } from './filters'

type Input = z.output<typeof SearchSchema>

/**
 * The hits of the current query, with what the facets and the order need copied from the
 * article row once, so neither reads the articles again. CROSS JOIN keeps SQLite's join order
 * (the FTS matches first, then articles by primary key): without statistics on a temporary
 * table it would otherwise scan every article.
 */
const HITS_TABLE = `CREATE TEMP TABLE IF NOT EXISTS search_hits_v2 (
  id INTEGER PRIMARY KEY, score REAL NOT NULL, source_id INTEGER, published TEXT)`
const HIT_COLUMNS = 'a.source_id, a.published'

function facet(archive: Archive, sql: string): FacetValue[] {
  return stmt(archive.sqlite, sql).all() as FacetValue[]
}

function facets(archive: Archive): SearchFacets {
  return {
    source: facet(
      archive,
      `SELECT s.name AS value, count(*) AS count FROM search_hits_v2 h
       CROSS JOIN sources s ON s.id = h.source_id GROUP BY h.source_id ORDER BY count DESC, value LIMIT 20`
    ),
    year: facet(
      archive,
      `SELECT substr(published, 1, 4) AS value, count(*) AS count FROM search_hits_v2
       WHERE published IS NOT NULL GROUP BY value ORDER BY value DESC LIMIT 30`
    ),
    tag: facet(
      archive,
      `SELECT t.name AS value, count(*) AS count FROM search_hits_v2 h CROSS JOIN article_tags at ON at.article_id = h.id
       JOIN tags t ON t.id = at.tag_id GROUP BY t.id ORDER BY count DESC, value LIMIT 20`
    ),
    collection: facet(
      archive,
      `SELECT c.name AS value, count(*) AS count FROM search_hits_v2 h CROSS JOIN collection_articles ca ON ca.article_id = h.id
       JOIN collections c ON c.id = ca.collection_id GROUP BY c.id ORDER BY count DESC, value LIMIT 20`
    )
  }
}

/**
 * Runs a query of the query language: one MATCH into a temporary table of hits, from which the
 * total, the facets and the page are read (the FTS query runs once, not once per facet).
 * Snippets and highlights are computed on the original text, never on stems.
 */
export function searchArticles(archive: Archive, input: SearchInput): SearchResult {
  const { query: text, limit, offset, facets: wantFacets } = input as Input
  const compiled = compileQuery(archive, text)
  if (compiled.kind === 'empty') return { total: 0, hits: [], facets: null }
  const { sqlite } = archive
  const filters = filterSql(archive, compiled.filters)
  const where = ['a.deleted_at IS NULL', ...filters.where].join(' AND ')
  sqlite.exec(HITS_TABLE)
  sqlite.exec('DELETE FROM search_hits_v2')
  try {
    if (compiled.match !== null) {
      sqlite
        .prepare(
          `INSERT INTO search_hits_v2 (id, score, source_id, published)
           SELECT f.rowid, bm25(articles_fts, ${FTS_WEIGHTS.join(', ')}), ${HIT_COLUMNS} FROM articles_fts f
           CROSS JOIN articles a INDEXED BY articles_hit_idx ON a.id = f.rowid
           WHERE articles_fts MATCH ? AND ${where}`
        )
        .run(compiled.match, ...filters.params)
    } else {
      sqlite
        .prepare(
          `INSERT INTO search_hits_v2 (id, score, source_id, published)
           SELECT a.id, 0, ${HIT_COLUMNS} FROM articles a INDEXED BY articles_hit_idx WHERE ${where}`
        )
        .run(...filters.params)
    }
  } catch (err) {
    // the builder quotes every token, so this is a bug, but the user still gets a sentence
    throw new WarraqError('query_syntax', `The query could not be run: ${(err as Error).message}`, {
      key: 'query.run_failed',
      params: { position: 0 }
    })
  }
  const total = stmt(sqlite, 'SELECT count(*) FROM search_hits_v2').pluck().get() as number
  const rows = stmt(
    sqlite,
    `SELECT a.id, a.uid, a.title, a.body, s.name AS source, a.published, h.score,
       a.story_uid AS storyUid FROM
       (SELECT id, score, published FROM search_hits_v2
        ORDER BY score, published DESC, id DESC LIMIT ? OFFSET ?) h
     CROSS JOIN articles a ON a.id = h.id LEFT JOIN sources s ON s.id = a.source_id
     ORDER BY h.score, h.published DESC, h.id DESC`
  ).all(limit, offset) as {
    id: number
    uid: string
    title: string
    body: string
    source: string | null
    published: string | null
    score: number
    storyUid: string | null
  }[]
  const hits: SearchHit[] = rows.map((row) => {
    const ranges = findMatches(row.body, compiled.terms, undefined, compiled.lexicon)
    const snippet = makeSnippet(row.body, ranges)
    return {
      uid: row.uid,
      title: row.title,
      source: row.source,
      published: row.published,
      snippet: snippet.text,
      highlights: snippet.highlights,
      titleHighlights: findMatches(row.title, compiled.terms, undefined, compiled.lexicon),
      score: row.score,
      storyUid: row.storyUid
    }
  })
  return { total, hits, facets: wantFacets ? facets(archive) : null }
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
