/**
 * Calendar arithmetic: Gregorian validation and the tabular (civil) Islamic calendar.
 *
 * The tabular calendar is arithmetic (30-year cycle, leap years 2, 5, 7, 10, 13, 16, 18, 21, 24,
 * 26, 29, civil epoch 16 July 622 Julian). Newspapers print Umm al-Qura or sighting-based dates,
 * which can differ from it by one or two days; an archive date is still far better than none.
 */

/** Years outside this range are almost always a misread number, not a news date. */
export const MIN_GREGORIAN_YEAR = 1800
export const MAX_GREGORIAN_YEAR = 2100

export interface CalendarDate {
  year: number
  month: number
  day: number
}

export function isLeapGregorian(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

export function daysInGregorianMonth(year: number, month: number): number {
  if (month === 2) return isLeapGregorian(year) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

/** True for a real day in the archive's year range (no 30 February, no year 216). */
export function isValidGregorian({ year, month, day }: CalendarDate): boolean {
  return (
    Number.isInteger(year) &&
    year >= MIN_GREGORIAN_YEAR &&
    year <= MAX_GREGORIAN_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInGregorianMonth(year, month)
  )
}

/** `YYYY-MM-DD` */
export function formatIsoDate({ year, month, day }: CalendarDate): string {
  const pad = (n: number, width: number): string => String(n).padStart(width, '0')
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`
}

/** Julian Day Number (noon-based integer) → proleptic Gregorian date (Richards' algorithm). */
export function gregorianFromJdn(jdn: number): CalendarDate {
  const a = jdn + 32044
  const b = Math.floor((4 * a + 3) / 146097)
  const c = a - Math.floor((146097 * b) / 4)
  const d = Math.floor((4 * c + 3) / 1461)
  const e = c - Math.floor((1461 * d) / 4)
  const m = Math.floor((5 * e + 2) / 153)
  return {
    day: e - Math.floor((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * Math.floor(m / 10),
    year: 100 * b + d - 4800 + Math.floor(m / 10)
  }
}

/** JDN of 1 Muharram 1 AH in the civil (Friday) epoch, minus one so day 1 adds up. */
const HIJRI_EPOCH_JDN = 1948439

/** Julian Day Number of a tabular Hijri date. */
export function hijriToJdn({ year, month, day }: CalendarDate): number {
  return (
    day +
    Math.ceil(29.5 * (month - 1)) +
    (year - 1) * 354 +
    Math.floor((3 + 11 * year) / 30) +
    HIJRI_EPOCH_JDN
  )
}

/**
 * Tabular Hijri date → Gregorian, or null for an impossible Hijri date. Day 30 is accepted in
 * every month: sighting-based calendars give 30 days to months the tabular one gives 29, and
 * such a date lands on the next day, which is within the calendar's own error.
 */
export function hijriToGregorian(hijri: CalendarDate): CalendarDate | null {
  const { year, month, day } = hijri
  if (!Number.isInteger(year) || year < 1 || month < 1 || month > 12 || day < 1 || day > 30) {
    return null
  }
  return gregorianFromJdn(hijriToJdn(hijri))
}
