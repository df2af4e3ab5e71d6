/** The value of a `date:` filter: a year, month or day, or a range of them with open ends. */
import { normalizeText } from '@shared/text'
import type { DateRange } from './types'

/** A date that cannot be read: the English sentence and its catalogue key and parameters. */
export interface DateFailure {
  ok: false
  message: string
  key: string
  params: Record<string, string | number>
}

export type DateParse = { ok: true; range: DateRange } | DateFailure

function bad(message: string, key: string, params: Record<string, string | number>): DateFailure {
  return { ok: false, message, key: `query.date_${key}`, params }
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
]

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0')
}

type PeriodParse = { ok: true; start: string; end: string } | DateFailure

/** One side of a range: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as its first and last day. */
function parsePeriod(text: string): PeriodParse {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(text)
  if (m === null) {
    return bad(`Invalid date "${text}": use YYYY, YYYY-MM or YYYY-MM-DD`, 'invalid', {
      value: text
    })
  }
  const year = Number(m[1])
  if (m[2] === undefined) return { ok: true, start: `${m[1]}-01-01`, end: `${m[1]}-12-31` }
  const month = Number(m[2])
  if (month < 1 || month > 12) {
    return bad(`Invalid date "${text}": months go from 01 to 12`, 'month', { value: text })
  }
  const ym = `${m[1]}-${pad(month, 2)}`
  const last = daysInMonth(year, month)
  if (m[3] === undefined) return { ok: true, start: `${ym}-01`, end: `${ym}-${pad(last, 2)}` }
  const day = Number(m[3])
  if (day < 1 || day > last) {
    const monthName = MONTH_NAMES[month - 1]
    return bad(`Invalid date "${text}": ${monthName} ${m[1]} has ${last} days`, 'day', {
      value: text,
      month,
      year,
      days: last
    })
  }
  const iso = `${ym}-${pad(day, 2)}`
  return { ok: true, start: iso, end: iso }
}

/**
 * Parses a `date:` value into an inclusive ISO range: `2016` → 2016-01-01..2016-12-31,
 * `2015-07..2016-02` → 2015-07-01..2016-02-29, `..2016` and `2015..` leave one end open.
 * Arabic-Indic digits are accepted.
 */
export function parseDateValue(value: string): DateParse {
  const text = normalizeText(value).trim()
  const dots = text.indexOf('..')
  if (dots < 0) {
    const p = parsePeriod(text)
    return p.ok ? { ok: true, range: { start: p.start, end: p.end } } : p
  }
  const from = text.slice(0, dots)
  const to = text.slice(dots + 2)
  if (from === '' && to === '') {
    return bad('Invalid date range "..": give a start, an end or both', 'range_empty', {})
  }
  if (to.includes('..')) return bad(`Invalid date range "${text}"`, 'range', { value: text })
  const a = from === '' ? null : parsePeriod(from)
  const b = to === '' ? null : parsePeriod(to)
  if (a !== null && !a.ok) return a
  if (b !== null && !b.ok) return b
  const range: DateRange = { start: a === null ? null : a.start, end: b === null ? null : b.end }
  if (range.start !== null && range.end !== null && range.start > range.end) {
    return bad(`The date range "${text}" ends before it starts`, 'range_reversed', { value: text })
  }
  return { ok: true, range }
}
