/**
 * Finding date expressions in Arabic (and English) text.
 *
 * Matching runs on folded text (normalize.ts) and every result is mapped back to the original,
 * so `dateText` is the source's own spelling, harakat and Arabic-Indic digits included.
 */
import type { FoldedText } from './normalize'
import { foldWithOrigin, originalEnd, originalSlice } from './normalize'
import type { InterpretedDate } from './interpret'
import { interpretMatch } from './interpret'
import { DATE_FORMS, DATE_LABEL, DOUBLE_DATE_LINK, dateRegex } from './patterns'
import type { DateMatch, ParsedDate } from './types'

/** A date found in folded text: folded offsets plus its reading. */
interface FoldedMatch extends InterpretedDate {
  start: number
  end: number
}

interface Span {
  start: number
  end: number
}

/**
 * The first valid match of every form at or after `from`; earliest wins, then the longest.
 * Text that reads as a date but is not one (`30 فبراير 2016`) is skipped as a whole: its parts
 * (`فبراير 2016`) must not be offered as a coarser date instead.
 */
function firstMatch(folded: string, from: number, allowBareYear: boolean): FoldedMatch | null {
  // every date form has a number in it: most lines of prose can be passed over at once
  if (!/\d/u.test(folded.slice(from))) return null
  let best: FoldedMatch | null = null
  const rejected: Span[] = []
  for (const form of DATE_FORMS) {
    const regex = dateRegex(form)
    regex.lastIndex = from
    for (let m = regex.exec(folded); m; m = regex.exec(folded)) {
      // a match further than the best so far cannot win; stop scanning this form
      if (best && m.index > best.start) break
      const span = { start: m.index, end: m.index + m[0].length }
      const reading = interpretMatch(form, m.groups ?? {}, allowBareYear)
      if (!reading) {
        rejected.push(span)
        continue
      }
      const better =
        !best || span.start < best.start || (span.start === best.start && span.end > best.end)
      if (better) best = { ...reading, ...span }
      break
    }
  }
  if (!best) return null
  const found = best
  const swallowedBy = rejected.find(
    (r) => r.start <= found.start && r.end >= found.end && r.end - r.start > found.end - found.start
  )
  return swallowedBy ? firstMatch(folded, swallowedBy.end, allowBareYear) : found
}

/**
 * Extends `first` over a second date printed for the other calendar (`… 1436هـ الموافق 12
 * يوليو 2015م`). The Gregorian reading is kept: it is what the source computed, while ours
 * from the Hijri side is the tabular approximation.
 */
function withDoubleDate(folded: string, first: FoldedMatch): FoldedMatch {
  DOUBLE_DATE_LINK.lastIndex = first.end
  const link = DOUBLE_DATE_LINK.exec(folded)
  if (!link) return first
  const secondStart = first.end + link[0].length
  const second = firstMatch(folded, secondStart, false)
  if (!second || second.start !== secondStart) return first
  const linkedByWord = Boolean(link.groups?.word)
  // two dates of one calendar with no `الموافق` are a range or a list, not a double date
  if (!linkedByWord && second.calendar === first.calendar) return first
  let end = second.end
  if (link.groups?.paren) {
    const close = /\s*\)/y
    close.lastIndex = end
    if (close.exec(folded)) end = close.lastIndex
  }
  const preferSecond =
    second.calendar === 'gregorian' && (first.calendar === 'hijri' || !first.explicitCalendar)
  const reading = preferSecond ? second : first
  return { ...reading, start: first.start, end }
}

function toDateMatch(source: string, folded: FoldedText, match: FoldedMatch): DateMatch {
  return {
    published: match.published,
    precision: match.precision,
    dateText: originalSlice(source, folded, match.start, match.end),
    start: folded.origin[match.start],
    end: originalEnd(source, folded, match.end)
  }
}

/**
 * The first date expression in `text` (a line such as `نشر في: الاثنين 29 فبراير 2016 - 10:30`),
 * with its offsets in `text`; null when there is none. A bare number is never taken for a year
 * here: it needs `عام`/`سنة` before it or an era mark (`2015م`, `1436هـ`) after it.
 */
export function findDateInText(text: string): DateMatch | null {
  const folded = foldWithOrigin(text)
  const match = firstMatch(folded.text, 0, false)
  return match ? toDateMatch(text, folded, withDoubleDate(folded.text, match)) : null
}

/** Only spaces, punctuation and symbols (no letter, no digit). */
const NOTHING_MEANINGFUL = /^[\s\p{P}\p{S}]*$/u

/**
 * Reads `text` as one date expression: an optional label (`نشر في:`, `بتاريخ`, `آخر تحديث:`),
 * the date, punctuation. Anything else in the text makes it not a date (null); use
 * `findDateInText` to search inside a sentence. A bare year (`2015`, `١٤٣٦`) is accepted here.
 */
export function parseArabicDate(text: string): ParsedDate | null {
  const folded = foldWithOrigin(text)
  const label = DATE_LABEL.exec(folded.text)
  const from = label ? label[0].length : 0
  const found = firstMatch(folded.text, from, true)
  if (!found) return null
  const match = withDoubleDate(folded.text, found)
  const before = folded.text.slice(from, match.start)
  const after = folded.text.slice(match.end)
  if (!NOTHING_MEANINGFUL.test(before) || !NOTHING_MEANINGFUL.test(after)) return null
  const { published, precision, dateText } = toDateMatch(text, folded, match)
  return { published, precision, dateText }
}
