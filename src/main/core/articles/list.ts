import type { ArticleListInput, ArticleSortKey } from '@shared/contract/articles'
import type { ArticlePage } from '@shared/domain-lists'
import { WarraqError } from '@shared/errors'
import type { z } from 'zod'
import type { Archive } from '../db/open'
import { collectionIdByUid, listFilterSql } from './filter'
import { alphabeticalPage, sourcePage } from './list-alpha'
import { afterCursor, decodeCursor, finish, type Row } from './list-cursor'
import { SUMMARY_COLUMNS } from './rows'

type ListInput = z.output<typeof ArticleListInput>

/**
 * Sort keys map to indexed expressions: `(key, id)` indexes in schema.ts and fts.sql.ts. NULL
 * dates sort as '' so the keyset stays total. Title, authors and source are alphabetical, by
 * their stored sort keys, empty values last (list-alpha.ts); `position` is a collection's own
 * order. Not sortable at scale, hence not offered: tags, collections, annotation count.
 */
const SORT_COLUMN: Record<Exclude<ArticleSortKey, 'source' | 'title' | 'authors'>, string> = {
  updated: 'a.updated_at',
  created: 'a.created_at',
  published: "ifnull(a.published, '')",
  status: 'a.status',
  position: 'ca.position'
}

/** Where a page starts without a cursor: at a sought value (a jump), or at the top. */
function seek(key: string, input: ListInput): { sql: string[]; params: unknown[] } {
  const asc = input.direction === 'asc'
  if (input.from !== undefined && input.from !== '') {
    const value = input.sort === 'position' ? Number(input.from) || 0 : input.from
    // descending, a jump to "2015-06" starts at the last day of June: every value it prefixes
    if (asc || typeof value === 'number') return { sql: [`${key} >= ?`], params: [value] }
    return { sql: [`${key} < ?`], params: [`${value}\uffff`] }
  }
  return { sql: [], params: [] }
}

/**
 * One page of articles by keyset pagination: `WHERE (key, id) > (?, ?)` walks an index, so the
 * thousandth page, or a jump to the letter م among a million titles, costs what the first page
 * does (OFFSET would scan every row before it).
 */
export function listPage(archive: Archive, input: ListInput): ArticlePage {
  const counted = listFilterSql(archive, input)
  const total = input.count
    ? (archive.sqlite
        .prepare(`SELECT count(*) FROM articles a WHERE ${counted.where.join(' AND ')}`)
        .pluck()
        .get(...counted.params) as number)
    : -1
  const filter = listFilterSql(archive, input, true)
  if (input.sort === 'source') return sourcePage(archive, input, filter, total)
  if (input.sort === 'title' || input.sort === 'authors') {
    return alphabeticalPage(archive, input, filter, total)
  }
  if (input.sort === 'position' && !input.collection) {
    throw new WarraqError('invalid_input', 'Sorting by position needs a collection.', {
      key: 'library.position_needs_collection'
    })
  }
  const key = SORT_COLUMN[input.sort]
  const dir = input.direction === 'asc' ? 'ASC' : 'DESC'
  const from =
    input.sort === 'position'
      ? 'collection_articles ca JOIN articles a ON a.id = ca.article_id AND ca.collection_id = ?'
      : 'articles a'
  const fromParams =
    input.sort === 'position' ? [collectionIdByUid(archive, input.collection!)] : []
  const run = (where: string[], params: unknown[], n: number, byKey = true): Row[] =>
    archive.sqlite
      .prepare(
        `SELECT ${SUMMARY_COLUMNS}, ${key} AS sortKey FROM ${from}
         LEFT JOIN sources s ON s.id = a.source_id WHERE ${[...filter.where, ...where].join(' AND ')}
         ORDER BY ${byKey ? `${key} ${dir}, ` : ''}a.id ${dir} LIMIT ?`
      )
      .all(...fromParams, ...filter.params, ...params, n) as Row[]
  const want = input.limit + 1
  let rows: Row[]
  if (input.cursor) {
    const cmp = input.direction === 'asc' ? '>' : '<'
    rows = afterCursor(decodeCursor(input.cursor), want, cmp, (w, p, n, byKey) =>
      run([`${key} ${w}`], p, n, byKey)
    )
  } else {
    const start = seek(key, input)
    rows = run(start.sql, start.params, want)
  }
  return finish(archive, rows, input.limit, total)
}
