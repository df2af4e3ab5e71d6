import type { ArticleListInput, ArticleSortKey } from '@shared/contract/articles'
import type { ArticlePage } from '@shared/domain-lists'
import { WarraqError } from '@shared/errors'
import type { z } from 'zod'
import type { Archive } from '../db/open'
import { collectionIdByUid, listFilterSql } from './filter'
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './rows'
import { withLabels } from './labels'

type ListInput = z.output<typeof ArticleListInput>

/**
 * Sort keys map to indexed expressions: `(key, id)` indexes in schema.ts and fts.sql.ts. NULL
 * dates and authors sort as '' so the keyset stays total. `source` sorts by the source's name
 * and is walked source by source (see sourcePage); `position` is a collection's own order.
 * Not sortable at scale, hence not offered: tags, collections, annotation count.
 */
const SORT_COLUMN: Record<Exclude<ArticleSortKey, 'source'>, string> = {
  updated: 'a.updated_at',
  created: 'a.created_at',
  published: "ifnull(a.published, '')",
  title: 'a.title',
  authors: "ifnull(json_extract(a.authors, '$[0]'), '')",
  status: 'a.status',
  position: 'ca.position'
}

type Cursor = [string | number, number]
type Row = SummaryRow & { sortKey: string | number }

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url')
}

function decodeCursor(value: string): Cursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'))
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      (typeof parsed[0] === 'string' || typeof parsed[0] === 'number') &&
      typeof parsed[1] === 'number'
    ) {
      return [parsed[0], parsed[1]]
    }
  } catch {
    // fall through to the error below
  }
  throw new WarraqError('invalid_input', 'The page cursor is not one this archive gave out.')
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
 * Rows after a cursor in two index range scans: the rest of the cursor's own key value by id,
 * then the keys beyond it. (SQLite does not turn `(expr, id) > (?, ?)` into a range on an
 * expression index; it would scan the index from its start.)
 */
function afterCursor(
  cursor: Cursor,
  want: number,
  cmp: '>' | '<',
  query: (where: string, params: unknown[], n: number, byKey: boolean) => Row[]
): Row[] {
  const [value, id] = cursor
  const rows = query(`= ? AND a.id ${cmp} ?`, [value, id], want, false)
  return rows.length < want
    ? rows.concat(query(`${cmp} ?`, [value], want - rows.length, true))
    : rows
}

function finish(archive: Archive, rows: Row[], limit: number, total: number): ArticlePage {
  const more = rows.length > limit
  const page = more ? rows.slice(0, limit) : rows
  const last = page.at(-1)
  return {
    items: withLabels(archive, page, page.map(toSummary)),
    total,
    nextCursor: more && last ? encodeCursor([last.sortKey, last.id]) : null
  }
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
  if (input.sort === 'position' && !input.collection) {
    throw new WarraqError('invalid_input', 'Sorting by position needs a collection.')
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

/**
 * By source name: sources in name order (their unique index), each one's articles through
 * `articles_source_idx (source_id, id)`, so no sort of the whole table; articles without a
 * source form a segment of their own, sorted as '' (first ascending, last descending).
 */
function sourcePage(
  archive: Archive,
  input: ListInput,
  filter: { where: string[]; params: unknown[] },
  total: number
): ArticlePage {
  const asc = input.direction === 'asc'
  const dir = asc ? 'ASC' : 'DESC'
  const cmp = asc ? '>' : '<'
  const cursor = input.cursor ? decodeCursor(input.cursor) : null
  const want = input.limit + 1
  const nullSegment = (after: number | null, n: number): Row[] =>
    archive.sqlite
      .prepare(
        `SELECT ${SUMMARY_COLUMNS}, '' AS sortKey FROM articles a LEFT JOIN sources s ON s.id = a.source_id
         WHERE a.source_id IS NULL AND ${filter.where.join(' AND ')}
         ${after === null ? '' : `AND a.id ${cmp} ?`} ORDER BY a.id ${dir} LIMIT ?`
      )
      .all(...filter.params, ...(after === null ? [] : [after]), n) as Row[]
  const named = (where: string[], params: unknown[], n: number, byName = true): Row[] =>
    archive.sqlite
      .prepare(
        `SELECT ${SUMMARY_COLUMNS}, s.name AS sortKey FROM sources s CROSS JOIN articles a
         ON a.source_id = s.id WHERE ${[...filter.where, ...where].join(' AND ')}
         ORDER BY ${byName ? `s.name ${dir}, ` : ''}a.id ${dir} LIMIT ?`
      )
      .all(...filter.params, ...params, n) as Row[]
  const namedFrom = (n: number): Row[] => {
    if (cursor && cursor[0] !== '') {
      return afterCursor(cursor, n, cmp, (w, p, m, byKey) => named([`s.name ${w}`], p, m, byKey))
    }
    if (!cursor && input.from) {
      return named(
        [asc ? 's.name >= ?' : 's.name < ?'],
        [asc ? input.from : `${input.from}\uffff`],
        n
      )
    }
    return named([], [], n)
  }
  const inNull = cursor !== null && cursor[0] === ''
  let rows: Row[]
  if (asc) {
    const skipNull = (cursor !== null && !inNull) || (!cursor && Boolean(input.from))
    rows = skipNull ? [] : nullSegment(inNull ? cursor[1] : null, want)
    if (rows.length < want) rows = rows.concat(namedFrom(want - rows.length))
  } else {
    rows = inNull ? [] : namedFrom(want)
    if (rows.length < want) {
      rows = rows.concat(nullSegment(inNull ? cursor[1] : null, want - rows.length))
    }
  }
  return finish(archive, rows, input.limit, total)
}
