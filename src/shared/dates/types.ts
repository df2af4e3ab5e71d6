import type { DatePrecision } from '@shared/domain'

/** A date read from text: ISO day (first of the month/year for coarser precision) + source text. */
export interface ParsedDate {
  /** `YYYY-MM-DD`, Gregorian */
  published: string
  precision: DatePrecision
  /** the date expression exactly as written in the source, trimmed */
  dateText: string
}

/** A date found inside a longer text, with where it was found (offsets into that text). */
export interface DateMatch extends ParsedDate {
  start: number
  end: number
}
