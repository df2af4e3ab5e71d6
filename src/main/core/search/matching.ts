/**
 * Every article a query matches, as ids in ranking order: what an export of "the current search
 * results" or of a saved search needs, where `searchArticles` gives one page with snippets.
 * The same compiler and filters as the search itself, so both always agree on what matches.
 */
import { WarraqError } from '@shared/errors'
import type { Archive } from '../db/open'
import { FTS_WEIGHTS } from '../db/fts.sql'
import { compileQuery } from './compile'
import { filterSql } from './filters'

export function matchingArticleIds(archive: Archive, query: string): number[] {
  const compiled = compileQuery(archive, query)
  if (compiled.kind === 'empty') return []
  const filters = filterSql(archive, compiled.filters)
  const where = ['a.deleted_at IS NULL', ...filters.where].join(' AND ')
  try {
    if (compiled.match !== null) {
      return archive.sqlite
        .prepare(
          `SELECT a.id FROM articles_fts f CROSS JOIN articles a ON a.id = f.rowid
           WHERE articles_fts MATCH ? AND ${where}
           ORDER BY bm25(articles_fts, ${FTS_WEIGHTS.join(', ')}), a.published DESC, a.id DESC`
        )
        .pluck()
        .all(compiled.match, ...filters.params) as number[]
    }
    return archive.sqlite
      .prepare(`SELECT a.id FROM articles a WHERE ${where} ORDER BY a.published DESC, a.id DESC`)
      .pluck()
      .all(...filters.params) as number[]
  } catch (err) {
    // the compiler quotes every token, so this is a bug, but the user still gets a sentence
    throw new WarraqError('query_syntax', `The query could not be run: ${(err as Error).message}`, {
      key: 'query.run_failed',
      params: { position: 0 }
    })
  }
}
