/**
 * The library in alphabetical order: title, first author and source name, by the sort keys of
 * shared/text/sortKey.ts (أ إ آ ا interleaved, leading quotes and punctuation ignored). Articles
 * whose value is empty come last in both directions, as a segment of their own walked by id,
 * so every page is still two or three index range scans (never OFFSET, never a sort of the
 * whole table). A cursor whose value is '' is inside that segment.
 */
import type { ArticleListInput } from '@shared/contract/articles'
import type { ArticlePage } from '@shared/domain-lists'
import { authorsSortKey, sortFold, sortKey, sourceSortKey } from '@shared/text/sortKey'
import type { z } from 'zod'
import type { Archive } from '../db/open'
import { afterCursor, decodeCursor, finish, type Row } from './list-cursor'
import { parseJsonList, SUMMARY_COLUMNS } from './rows'

type ListInput = z.output<typeof ArticleListInput>
type Filter = { where: string[]; params: unknown[] }

/** The folded jump target, and its upper bound for a descending jump (every key it prefixes). */
function jumpBounds(input: ListInput): { from: string; below: string } | null {
  const from = sortFold(input.from)
  return from ? { from, below: `${from}\uffff` } : null
}

/**
 * Walks the non-empty keys (`named`, given extra conditions on the key column), then the empty
 * segment (`empty`, after an id or from its start).
 */
function segmented(
  input: ListInput,
  column: string,
  named: (where: string[], params: unknown[], n: number, byKey: boolean) => Row[],
  empty: (after: number | null, n: number) => Row[]
): Row[] {
  const asc = input.direction === 'asc'
  const cmp = asc ? '>' : '<'
  const cursor = input.cursor ? decodeCursor(input.cursor) : null
  const want = input.limit + 1
  const inEmpty = cursor !== null && cursor[0] === ''
  const nonEmpty = `${column} > ''`
  let rows: Row[] = []
  if (cursor && !inEmpty) {
    rows = afterCursor(cursor, want, cmp, (w, p, n, byKey) =>
      named([`${column} ${w}`, nonEmpty], p, n, byKey)
    )
  } else if (!cursor) {
    const jump = jumpBounds(input)
    if (!jump) rows = named([nonEmpty], [], want, true)
    else if (asc) rows = named([`${column} >= ?`], [jump.from], want, true)
    else rows = named([`${column} < ?`, nonEmpty], [jump.below], want, true)
  }
  if (rows.length < want) rows = rows.concat(empty(inEmpty ? cursor[1] : null, want - rows.length))
  return rows
}

/** By title or first author, through `articles_title_key_idx` / `articles_author_key_idx`. */
export function alphabeticalPage(
  archive: Archive,
  input: ListInput,
  filter: Filter,
  total: number
): ArticlePage {
  const byTitle = input.sort === 'title'
  const column = byTitle ? 'a.title_key' : 'a.author_key'
  const dir = input.direction === 'asc' ? 'ASC' : 'DESC'
  const cmp = input.direction === 'asc' ? '>' : '<'
  const run = (where: string[], params: unknown[], n: number, byKey: boolean): Row[] =>
    archive.sqlite
      .prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM articles a LEFT JOIN sources s ON s.id = a.source_id
         WHERE ${[...filter.where, ...where].join(' AND ')}
         ORDER BY ${byKey ? `${column} ${dir}, ` : ''}a.id ${dir} LIMIT ?`
      )
      .all(...filter.params, ...params, n) as Row[]
  const rows = segmented(input, column, run, (after, n) =>
    after === null
      ? run([`${column} = ''`], [], n, false)
      : run([`${column} = ''`, `a.id ${cmp} ?`], [after], n, false)
  )
  const keyOf = byTitle
    ? (row: Row) => sortKey(row.title)
    : (row: Row) => authorsSortKey(parseJsonList(row.authors))
  return finish(archive, rows, input.limit, total, keyOf)
}

/**
 * By source name: sources in key order (`sources_name_key_idx`), each one's articles through
 * `articles_source_idx (source_id, id)`; articles without a source are the empty segment. Each
 * source has a key of its own, so a key value is one source; `s.id` in the ORDER BY tells SQLite
 * so (the index is not unique: drizzle's migration creates it before the keys are filled),
 * which spares it a sort of each source's articles, also within one key after a cursor.
 */
export function sourcePage(
  archive: Archive,
  input: ListInput,
  filter: Filter,
  total: number
): ArticlePage {
  const dir = input.direction === 'asc' ? 'ASC' : 'DESC'
  const cmp = input.direction === 'asc' ? '>' : '<'
  const named = (where: string[], params: unknown[], n: number, byKey: boolean): Row[] =>
    archive.sqlite
      .prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM sources s CROSS JOIN articles a ON a.source_id = s.id
         WHERE ${[...filter.where, ...where].join(' AND ')}
         ORDER BY ${byKey ? `s.name_key ${dir}, ` : ''}s.id ${dir}, a.id ${dir} LIMIT ?`
      )
      .all(...filter.params, ...params, n) as Row[]
  const empty = (after: number | null, n: number): Row[] =>
    archive.sqlite
      .prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM articles a LEFT JOIN sources s ON s.id = a.source_id
         WHERE a.source_id IS NULL AND ${filter.where.join(' AND ')}
         ${after === null ? '' : `AND a.id ${cmp} ?`} ORDER BY a.id ${dir} LIMIT ?`
      )
      .all(...filter.params, ...(after === null ? [] : [after]), n) as Row[]
  const rows = segmented(input, 's.name_key', named, empty)
  return finish(archive, rows, input.limit, total, (row) =>
    row.source === null ? '' : sourceSortKey(row.source)
  )
}
