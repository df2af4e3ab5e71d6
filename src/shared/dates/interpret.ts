/**
 * Turns one regex match of a date form into a Gregorian calendar date with a precision.
 */
import type { DatePrecision } from '@shared/domain'
import type { CalendarDate } from './calendar'
import { formatIsoDate, hijriToGregorian, isValidGregorian } from './calendar'
import { gregorianMonthNumber, hijriMonthNumber } from './month-names'
import type { DateForm } from './patterns'

export type CalendarSystem = 'gregorian' | 'hijri'

/** A date read from one match, before it is tied back to the original text. */
export interface InterpretedDate {
  published: string
  precision: DatePrecision
  calendar: CalendarSystem
  /** the Hijri/Gregorian choice came from an era mark or a month name, not from a guess */
  explicitCalendar: boolean
}

type Groups = Partial<Record<string, string>>

/** Hijri years printed in modern news (1300 AH ≈ 1882). A bare year in this range is Hijri. */
const HIJRI_YEAR_GUESS = { min: 1300, max: 1500 }

function eraOf(groups: Groups): CalendarSystem | null {
  const era = groups.era?.trim()
  if (!era) return null
  return era.startsWith('ه') || era.includes('هجر') ? 'hijri' : 'gregorian'
}

/**
 * Month of the first printed name. A second name (`إبريل/نيسان`) only confirms it; when the two
 * disagree (a typo in one), the first one printed is trusted.
 */
function gregorianMonth(groups: Groups): number | null {
  return gregorianMonthNumber(groups.m1 ?? '')
}

/** Era mark, else the year range: 1436 with no mark is a Hijri year, 2015 a Gregorian one. */
function numericCalendar(
  groups: Groups,
  year: number
): { calendar: CalendarSystem; explicit: boolean } {
  const era = eraOf(groups)
  if (era) return { calendar: era, explicit: true }
  const hijri = year >= HIJRI_YEAR_GUESS.min && year <= HIJRI_YEAR_GUESS.max
  return { calendar: hijri ? 'hijri' : 'gregorian', explicit: false }
}

/** Day-first like Arab sources, unless only the other reading is a possible day/month pair. */
function dayFirst(first: number, second: number): { day: number; month: number } {
  if (second > 12 && first <= 12) return { day: second, month: first }
  return { day: first, month: second }
}

/** Month-then-day after a leading year (ISO order), unless the month position holds a day. */
function yearFirst(first: number, second: number): { day: number; month: number } {
  if (first > 12 && second <= 12) return { day: first, month: second }
  return { day: second, month: first }
}

function toGregorian(date: CalendarDate, calendar: CalendarSystem): CalendarDate | null {
  const gregorian = calendar === 'hijri' ? hijriToGregorian(date) : date
  return gregorian && isValidGregorian(gregorian) ? gregorian : null
}

function result(
  date: CalendarDate,
  calendar: CalendarSystem,
  precision: DatePrecision,
  explicitCalendar: boolean
): InterpretedDate | null {
  const gregorian = toGregorian(date, calendar)
  if (!gregorian) return null
  // coarser precision keeps the Gregorian month/year in which the period starts, on day 1
  const stored: CalendarDate =
    precision === 'day'
      ? gregorian
      : { year: gregorian.year, month: precision === 'month' ? gregorian.month : 1, day: 1 }
  return { published: formatIsoDate(stored), precision, calendar, explicitCalendar }
}

/** Reads the groups of a match of `form`; null when the numbers are not a real date. */
export function interpretMatch(
  form: DateForm,
  groups: Groups,
  allowBareYear: boolean
): InterpretedDate | null {
  const year = Number(groups.y)
  const day = Number(groups.d)
  const a = Number(groups.a)
  const b = Number(groups.b)
  switch (form) {
    case 'dayMonthYear':
    case 'monthDayYear': {
      const month = gregorianMonth(groups)
      return month ? result({ year, month, day }, 'gregorian', 'day', true) : null
    }
    case 'monthYear': {
      const month = gregorianMonth(groups)
      return month ? result({ year, month, day: 1 }, 'gregorian', 'month', true) : null
    }
    case 'hijriDayMonthYear':
    case 'hijriMonthYear': {
      const month = hijriMonthNumber(groups.hm ?? '')
      if (!month) return null
      const precision = form === 'hijriMonthYear' ? 'month' : 'day'
      return result({ year, month, day: precision === 'day' ? day : 1 }, 'hijri', precision, true)
    }
    case 'numericDayFirst':
    case 'numericYearFirst': {
      const { calendar, explicit } = numericCalendar(groups, year)
      const order = form === 'numericDayFirst' ? dayFirst(a, b) : yearFirst(a, b)
      return result({ year, ...order }, calendar, 'day', explicit)
    }
    case 'yearOnly': {
      // a number alone is a date only with a word (عام) or an era mark, or when it is the whole text
      if (!groups.kw && !groups.era && !allowBareYear) return null
      const { calendar, explicit } = numericCalendar(groups, year)
      return result({ year, month: 1, day: 1 }, calendar, 'year', explicit)
    }
  }
}
