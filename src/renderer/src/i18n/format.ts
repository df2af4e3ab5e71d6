/**
 * Formatting of catalogue messages, numbers and dates in the interface's locale.
 *
 * Why FormatJS `intl-messageformat` rather than a home-made layer over `Intl`: messages are
 * written in standard ICU syntax (`{count, plural, zero {…} one {…} two {…} few {…} many {…}
 * other {…}}`), which translators and tools already know, and its plural and number handling is
 * `Intl.PluralRules` / `Intl.NumberFormat` underneath, so Arabic's six forms and the
 * Arabic-Indic digits come from the platform. A plain string with no braces is a valid ICU
 * message, so entries added in the old shape keep working unchanged.
 */
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import { IntlMessageFormat } from 'intl-messageformat'
import type { MessageParams } from '@shared/errors'

export type Locale = 'ar' | 'en'
/** Which digits Arabic numbers are written with: ٠١٢ (arab) or 012 (latn). */
export type Digits = 'arab' | 'latn'

/** The BCP 47 tag the formatters get: the digit choice rides on the `-u-nu-` extension. */
export function localeTag(locale: Locale, digits: Digits): string {
  return locale === 'ar' ? `ar-u-nu-${digits}` : 'en-GB'
}

interface Compiled {
  format: IntlMessageFormat
  /** arguments that must stay numbers: plural and select choose a form by them */
  numeric: Set<string>
}

const compiled = new Map<string, Compiled>()

function numericArgs(elements: MessageFormatElement[], into: Set<string>): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      into.add(el.value)
      for (const option of Object.values(el.options)) numericArgs(option.value, into)
    } else if (el.type === TYPE.number) into.add(el.value)
  }
  return into
}

/**
 * intl-messageformat writes a number in a plain `{n}` with `String()`, in Latin digits; the
 * interface wants every number in its locale's digits, so plain numeric arguments are written
 * with `Intl.NumberFormat` first.
 */
function localiseNumbers(tag: string, params: MessageParams, numeric: Set<string>): MessageParams {
  const out: MessageParams = {}
  for (const [name, value] of Object.entries(params)) {
    out[name] = typeof value === 'number' && !numeric.has(name) ? formatNumber(tag, value) : value
  }
  return out
}

/**
 * Formats one message with its parameters. A message that fails to parse (a stray brace in an
 * entry) is shown as written rather than breaking the view.
 */
export function formatMessage(tag: string, message: string, params?: MessageParams): string {
  if (!params && !message.includes('{')) return message
  const cacheKey = `${tag}\u0000${message}`
  let entry = compiled.get(cacheKey)
  if (!entry) {
    try {
      // ignoreTag: a `<` in a message is text, never a rich-text tag
      const format = new IntlMessageFormat(message, tag, undefined, { ignoreTag: true })
      entry = { format, numeric: numericArgs(format.getAst(), new Set()) }
    } catch {
      return message
    }
    compiled.set(cacheKey, entry)
  }
  try {
    const out = entry.format.format(localiseNumbers(tag, params ?? {}, entry.numeric))
    return typeof out === 'string' ? out : String(out)
  } catch {
    return message
  }
}

export function formatNumber(
  tag: string,
  value: number,
  options?: Intl.NumberFormatOptions
): string {
  return new Intl.NumberFormat(tag, options).format(value)
}

/**
 * A text with its Western digits written in the locale's (an ISO date "2015-07-01" keeps its
 * shape and precision: ٢٠١٥-٠٧-٠١); a locale that writes Western digits leaves it unchanged.
 */
export function localiseDigits(tag: string, text: string): string {
  const nf = new Intl.NumberFormat(tag, { useGrouping: false })
  if (nf.format(0) === '0') return text
  return text.replace(/[0-9]/g, (d) => nf.format(Number(d)))
}

// the month by name: Arabic's `dateStyle: 'medium'` is all digits (٠١/١٢/٢٠٢٦)
const DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' }

/** A date and time as people read it: "١ ديسمبر ٢٠٢٦ في ٦:٣١ م" / "1 December 2026 at 18:31". */
export function formatDateTime(tag: string, value: string | number | Date): string {
  const date = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(date.getTime())) return String(value)
  return new Intl.DateTimeFormat(tag, { ...DATE, hour: 'numeric', minute: '2-digit' }).format(date)
}

/**
 * An article's publication date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) as people write it, to its
 * precision: "٢٠١٥", "مارس ٢٠١٥", "١٠ مارس ٢٠١٥". Read in UTC: a calendar date has no time zone.
 */
export function formatPublished(tag: string, iso: string, precision?: string | null): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso)
  if (!m) return localiseDigits(tag, iso)
  const [, y, mo, d] = m
  if (precision === 'year' || !mo) return formatNumber(tag, Number(y), { useGrouping: false })
  const when = Date.UTC(Number(y), Number(mo) - 1, Number(d ?? 1))
  const options: Intl.DateTimeFormatOptions =
    precision === 'month' || !d ? { month: 'long', year: 'numeric' } : DATE
  return new Intl.DateTimeFormat(tag, { ...options, timeZone: 'UTC' }).format(when)
}

export function formatDate(tag: string, value: string | number | Date): string {
  const date = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(date.getTime())) return String(value)
  return new Intl.DateTimeFormat(tag, DATE).format(date)
}
