import type { ArticlePage } from '@shared/domain-lists'
import { WarraqError } from '@shared/errors'
import type { Archive } from '../db/open'
import { toSummary, type SummaryRow } from './rows'
import { withLabels } from './labels'

/** A page's position: the last row's sort value and id. */
export type Cursor = [string | number, number]
export type Row = SummaryRow & { sortKey?: string | number }

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url')
}

export function decodeCursor(value: string): Cursor {
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
  throw new WarraqError('invalid_input', 'The page cursor is not one this archive gave out.', {
    key: 'library.bad_cursor'
  })
}

/**
 * Rows after a cursor in two index range scans: the rest of the cursor's own key value by id,
 * then the keys beyond it. (SQLite does not turn `(expr, id) > (?, ?)` into a range on an
 * expression index; it would scan the index from its start.)
 */
export function afterCursor(
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

/**
 * The page out of `limit + 1` rows, with the cursor of its last row. `keyOf` gives a row's sort
 * value when it is not selected (the alphabetical keys are computed from the value again rather
 * than read from the end of the row, behind the body's overflow pages).
 */
export function finish(
  archive: Archive,
  rows: Row[],
  limit: number,
  total: number,
  keyOf: (row: Row) => string | number = (row) => row.sortKey ?? ''
): ArticlePage {
  const more = rows.length > limit
  const page = more ? rows.slice(0, limit) : rows
  const last = page.at(-1)
  return {
    items: withLabels(archive, page, page.map(toSummary)),
    total,
    nextCursor: more && last ? encodeCursor([keyOf(last), last.id]) : null
  }
}
