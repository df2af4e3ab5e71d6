import type { ArticleListInput } from '@shared/contract/articles'
import type { ArticlePage } from '@shared/domain-lists'
import { WarraqError } from '@shared/errors'
import type { z } from 'zod'
import type { Archive } from '../db/open'
import { stmt } from '../db/statements'
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './rows'

type ListInput = z.output<typeof ArticleListInput>

/** Sort keys map to indexed columns; NULL dates sort as '' so the keyset stays total. */
const SORT_COLUMN = {
  updated: 'a.updated_at',
  created: 'a.created_at',
  published: "ifnull(a.published, '')",
  title: 'a.title'
} as const

type Cursor = [string, number]

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url')
}

function decodeCursor(value: string): Cursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'))
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      typeof parsed[1] === 'number'
    ) {
      return [parsed[0], parsed[1]]
    }
  } catch {
    // fall through to the error below
  }
  throw new WarraqError('invalid_input', 'The page cursor is not one this archive gave out.')
}

/**
 * One page of articles by keyset pagination: `WHERE (key, id) < (?, ?)` walks an index, so the
 * thousandth page costs what the first one does (OFFSET would scan every row before it).
 */
export function listPage(archive: Archive, input: ListInput): ArticlePage {
  const key = SORT_COLUMN[input.sort]
  const dir = input.direction === 'asc' ? 'ASC' : 'DESC'
  const cmp = input.direction === 'asc' ? '>' : '<'
  const trashFilter = input.trash ? 'a.deleted_at IS NOT NULL' : 'a.deleted_at IS NULL'
  const where = [trashFilter]
  const params: unknown[] = []
  if (input.cursor) {
    const [value, id] = decodeCursor(input.cursor)
    where.push(`(${key}, a.id) ${cmp} (?, ?)`)
    params.push(value, id)
  }
  const rows = archive.sqlite
    .prepare(
      `SELECT ${SUMMARY_COLUMNS}, ${key} AS sortKey FROM articles a
       LEFT JOIN sources s ON s.id = a.source_id
       WHERE ${where.join(' AND ')} ORDER BY ${key} ${dir}, a.id ${dir} LIMIT ?`
    )
    .all(...params, input.limit + 1) as (SummaryRow & { sortKey: string })[]
  const more = rows.length > input.limit
  const page = more ? rows.slice(0, input.limit) : rows
  const last = page.at(-1)
  const total = stmt(archive.sqlite, `SELECT count(*) FROM articles a WHERE ${trashFilter}`)
    .pluck()
    .get() as number
  return {
    items: page.map(toSummary),
    total,
    nextCursor: more && last ? encodeCursor([last.sortKey, last.id]) : null
  }
}
