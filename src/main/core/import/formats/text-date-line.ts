/**
 * Date lines of a scraped article: `29 فبراير 2016`, `نشر في: الاثنين 29 فبراير 2016 - 10:30`,
 * `آخر تحديث: …`, or a dateline with a place, `القاهرة - 29 فبراير 2016`.
 */
import type { ParsedDate } from '@shared/dates'
import { findDateInText, foldArabic, parseArabicDate } from '@shared/dates'

export interface DateLine {
  date: ParsedDate
  /** `آخر تحديث:` — a later edit, used only when no publication date is given */
  updated: boolean
}

const UPDATE_LABEL = /^\s*(?:(?:اخر\s+)?تحديث|محدث|تاريخ\s+التحديث|(?:last\s+)?updated)/u

/** Words left around the date on a place-and-date line (`القاهرة ـ العربي الجديد`). */
const MAX_WORDS_BESIDE_DATE = 3
const MAX_DATELINE_LENGTH = 120

/**
 * Reads `line` as a date line. A line that is a date and nothing else (besides a label) counts
 * anywhere; a place-and-date line only when `loose` is allowed (the caller allows it in the
 * article's head and on its last line, where a sentence such as `توفي في 3 مايو 2010` is unlikely).
 */
export function readDateLine(line: string, loose: boolean): DateLine | null {
  // a label, a weekday and a double date fit well within this; paragraphs are not read at all
  if (line.length > MAX_DATELINE_LENGTH) return null
  const updated = UPDATE_LABEL.test(foldArabic(line))
  const strict = parseArabicDate(line)
  if (strict) return { date: strict, updated }
  if (!loose || /[.!?؟]$/u.test(line.trim())) return null
  const found = findDateInText(line)
  if (!found) return null
  const beside = `${line.slice(0, found.start)} ${line.slice(found.end)}`
  const words = beside.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0)
  if (words.length > MAX_WORDS_BESIDE_DATE) return null
  const { published, precision, dateText } = found
  return { date: { published, precision, dateText }, updated }
}
