/**
 * Reads a date field of an imported record. The Arabic date parser of `@shared/dates` is tried
 * first (it knows every regional month name, Hijri and Arabic-Indic digits); behind it a small
 * fallback reads the machine forms feeds and dumps use: ISO 8601 (`2015-07-21`,
 * `2015-07-21 02:51:33`, `2015-07-21T02:51:33+03:00`) and RFC 822 (`Tue, 21 Jul 2015 02:51:33 GMT`).
 * The calendar date is taken as written, never shifted to UTC: the day the paper printed is the
 * day the user expects to see.
 */
import { findDateInText, parseArabicDate, parseIsoDateTime } from '@shared/dates'
import type { DatePrecision, ParsedArticle } from '@shared/domain'

export type DateFields = Pick<
  ParsedArticle,
  'published' | 'datePrecision' | 'dateText' | 'publishedTime'
>

/** Longest text kept as `dateText`: a date field holding a paragraph is not a date. */
const MAX_DATE_TEXT = 200

/**
 * Parses a whole field value. Returns null when nothing in it is a date; the original text is kept
 * as `dateText` either way by the caller's choice (see `dateOrText`).
 */
export function parseDateField(value: string): DateFields | null {
  const text = value.trim()
  if (!text || text.length > MAX_DATE_TEXT) return null
  const parsed = parseMachineDate(text) ?? fromArabic(text)
  return parsed ? { ...parsed, dateText: text } : null
}

/** Like `parseDateField`, but an unparsed value is still kept as the date text. */
export function dateOrText(value: string): DateFields {
  const text = value.trim().slice(0, MAX_DATE_TEXT)
  return parseDateField(value) ?? (text ? { dateText: text } : {})
}

/** Finds a date inside running text (a page's date line); `dateText` is the part that matched. */
export function findDateInLine(text: string): DateFields | null {
  const hit = findDateInText(text)
  if (!hit) return null
  return { published: hit.published, datePrecision: hit.precision, dateText: hit.dateText }
}

function fromArabic(text: string): Omit<DateFields, 'dateText'> | null {
  const hit = parseArabicDate(text)
  return hit ? { published: hit.published, datePrecision: hit.precision } : null
}

const RFC822 =
  /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*(?:[A-Z]{1,4}|[+-]\d{4}))?$/
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** ISO 8601 and RFC 822 dates; null for anything else (left to the Arabic parser). */
export function parseMachineDate(text: string): Omit<DateFields, 'dateText'> | null {
  const iso = parseIsoDateTime(text)
  if (iso) {
    const fields = { published: iso.published, datePrecision: iso.precision }
    return iso.time ? { ...fields, publishedTime: iso.time } : fields
  }
  const rfc = RFC822.exec(text)
  if (rfc) {
    const month = MONTHS.indexOf(rfc[2].toLowerCase()) + 1
    if (month === 0) return null
    return validDate(Number(rfc[3]), month, Number(rfc[1]), 'day')
  }
  return null
}

function validDate(
  year: number,
  month: number,
  day: number,
  precision: DatePrecision
): Omit<DateFields, 'dateText'> | null {
  const probe = new Date(Date.UTC(year, month - 1, day))
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day || year < 1) return null
  const pad = (n: number, w: number): string => String(n).padStart(w, '0')
  return { published: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`, datePrecision: precision }
}
