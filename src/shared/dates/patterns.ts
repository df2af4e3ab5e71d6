/**
 * Regular expressions for date expressions, written against folded text (see normalize.ts):
 * no harakat or tatweel, bare alef, ي for ى, ه for ة, ASCII digits, lower case.
 *
 * Each form is its own regex with its own named groups (Node 20 has no duplicate group names).
 */
import { GREGORIAN_MONTH_PATTERN, HIJRI_MONTH_PATTERN, WEEKDAY_PATTERN } from './month-names'

/** Not preceded / followed by a letter or digit: `\b` does not work for Arabic letters. */
const BEFORE = '(?<![\\p{L}\\p{N}])'
const AFTER = '(?![\\p{L}\\p{N}])'

const GREGORIAN_MONTH = `(?:${GREGORIAN_MONTH_PATTERN})${AFTER}\\.?`
const HIJRI_MONTH = `(?<hm>(?:${HIJRI_MONTH_PATTERN})${AFTER})`

/**
 * One month, or two names for the same month as papers print them for readers in several
 * countries: `إبريل/نيسان`, `ديسمبر (كانون الأول)`, `كانون الثاني/يناير`, `يوليو تموز`.
 */
const MONTH_GROUP =
  `(?<m1>${GREGORIAN_MONTH})` +
  `(?:\\s*[/-]\\s*(?<m2>${GREGORIAN_MONTH})` +
  `|\\s*\\(\\s*(?<m3>${GREGORIAN_MONTH})\\s*\\)` +
  `|\\s+(?<m4>${GREGORIAN_MONTH}))?`

const WEEKDAY = `(?:(?:يوم\\s+)?(?:${WEEKDAY_PATTERN})${AFTER}\\.?\\s*[,،]?\\s*)?`
const DAY = `(?<d>\\d{1,2})(?!\\d)(?:st|nd|rd|th)?`
const YEAR = `(?<y>\\d{4})(?!\\d)`

/** `م`/`ميلادي` (AD) or `هـ`/`هجري` (AH) after the year. */
const ERA = `(?<era>\\s*(?:ميلاديه|ميلادي|للميلاد|هجريه|هجري|للهجره|ه|م)${AFTER}\\.?)?`

/** A time of day that belongs to the date expression: `- 10:30`, `T10:30:00Z`, `10:30:00 +0000`. */
const TIME =
  '(?:(?:t|\\s*(?:[-|،,]|الساعه|at)?\\s*)\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?' +
  `(?:\\s*(?:am|pm|صباحا|مساء|مساءا|ص|م)${AFTER})?` +
  '(?:\\s*(?:z|[+-]\\d{2}:?\\d{2}|(?:gmt|utc)(?:\\s*[+-]\\d{1,2}(?::?\\d{2})?)?))?)?'

export type DateForm =
  | 'dayMonthYear'
  | 'monthDayYear'
  | 'hijriDayMonthYear'
  | 'monthYear'
  | 'hijriMonthYear'
  | 'numericDayFirst'
  | 'numericYearFirst'
  | 'yearOnly'

const SOURCES: Readonly<Record<DateForm, string>> = {
  // 29 فبراير 2016 · الاثنين 29 فبراير 2016 - 10:30 · Mon, 29 Feb 2016 10:30:00 +0000
  dayMonthYear: `${BEFORE}${WEEKDAY}${DAY}\\s*(?:من\\s+)?[,،]?\\s*${MONTH_GROUP}\\s*[,،]?\\s*${YEAR}${ERA}${TIME}`,
  // February 29, 2016
  monthDayYear: `${BEFORE}${WEEKDAY}${MONTH_GROUP}\\s*${DAY}\\s*[,،]?\\s*${YEAR}${ERA}${TIME}`,
  // 26 رمضان 1436هـ
  hijriDayMonthYear: `${BEFORE}${WEEKDAY}${DAY}\\s*(?:من\\s+)?${HIJRI_MONTH}\\s*[,،]?\\s*${YEAR}${ERA}${TIME}`,
  // فبراير 2016 · إبريل/نيسان 2001
  monthYear: `${BEFORE}${MONTH_GROUP}\\s*[,،]?\\s*${YEAR}${ERA}`,
  // رمضان 1436هـ
  hijriMonthYear: `${BEFORE}${HIJRI_MONTH}\\s*[,،]?\\s*${YEAR}${ERA}`,
  // 29/2/2016 · 29-02-2016 · 26 / 9 / 1436هـ
  numericDayFirst: `${BEFORE}${WEEKDAY}(?<a>\\d{1,2})\\s*(?<sep>[/.-])\\s*(?<b>\\d{1,2})\\s*\\k<sep>\\s*${YEAR}${ERA}${TIME}`,
  // 2016/02/29 · 2016-02-29T10:30:00Z · 1436/9/26هـ
  numericYearFirst: `${BEFORE}${WEEKDAY}${YEAR}\\s*(?<sep>[/.-])\\s*(?<a>\\d{1,2})\\s*\\k<sep>\\s*(?<b>\\d{1,2})(?!\\d)${ERA}${TIME}`,
  // عام 2015 · 2015م · 1436هـ (a bare year is only a date when the whole text is that year)
  yearOnly: `${BEFORE}(?:(?<kw>عام|العام|لعام|للعام|سنه|السنه|لسنه)\\s+)?${YEAR}${ERA}`
}

export const DATE_FORMS = Object.keys(SOURCES) as DateForm[]

const COMPILED = new Map<DateForm, RegExp>(
  DATE_FORMS.map((form) => [form, new RegExp(SOURCES[form], 'gu')])
)

/**
 * The global regex of `form`, compiled once (the month alternations are long). Callers set
 * `lastIndex` before each scan and finish it before scanning again: matching is synchronous.
 */
export function dateRegex(form: DateForm): RegExp {
  const regex = COMPILED.get(form)
  if (!regex) throw new Error(`unknown date form ${form}`)
  return regex
}

/**
 * What may join two dates of one double-dated expression:
 * `26 رمضان 1436هـ الموافق 12 يوليو 2015م`, `1436هـ / 2015م`, `… 1436هـ (12 يوليو 2015م)`.
 */
export const DOUBLE_DATE_LINK =
  /\s*(?:[,،|/-]\s*)?(?<word>(?:ال)?موافق(?:\s*ل(?![\p{L}]))?\s*:?\s*)?(?<paren>\(\s*)?/uy

/**
 * Labels that introduce a date line: `نشر في:`, `بتاريخ`, `آخر تحديث:`, `Published on`.
 */
export const DATE_LABEL =
  /^\s*(?:(?:تاريخ|توقيت)\s+(?:النشر|الخبر|التحديث|الاضافه)|(?:تم\s+)?نشر(?:\s+(?:في|بتاريخ|يوم))?|بتاريخ|التاريخ|تاريخ|(?:اخر\s+)?تحديث|محدث|(?:published|updated|posted)(?:\s+on)?|date)\s*[:-]?\s*/u
