/**
 * Machine date forms of feeds and dumps, with the time of day and its offset when given:
 * `2015-07-21`, `2015-07`, `2015-07-21 02:51:33`, `2017-01-20T21:43:00+01:00`, the compact
 * `2017-01-22T185600` and `20170122T185600Z`, and `20170122`. The calendar date and the time are
 * taken as written (never shifted to UTC): the day the paper printed is the day the reader
 * expects, and the offset beside the time says when that was anywhere else.
 */
import type { DatePrecision } from '../domain'

export interface MachineDate {
  /** `YYYY-MM-DD` (first day for month precision) */
  published: string
  precision: DatePrecision
  /** `HH:MM`, with `Z` or `±HH:MM` when the source gave an offset; null without a time */
  time: string | null
}

const EXTENDED =
  /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i
const BASIC =
  /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(?:[.,]\d+)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i

const pad = (n: number, w = 2): string => String(n).padStart(w, '0')

function offsetOf(raw: string | undefined): string {
  if (!raw) return ''
  if (raw.toUpperCase() === 'Z') return 'Z'
  const digits = raw.slice(1).replace(':', '')
  const hours = Number(digits.slice(0, 2))
  const minutes = Number(digits.slice(2) || '0')
  if (hours > 14 || minutes > 59) return ''
  return `${raw[0]}${pad(hours)}:${pad(minutes)}`
}

function build(parts: (string | undefined)[]): MachineDate | null {
  const [y, m, d, hh, mm, , zone] = parts
  const year = Number(y)
  const month = Number(m)
  const day = d ? Number(d) : 1
  const probe = new Date(Date.UTC(year, month - 1, day))
  if (year < 1 || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null
  const published = `${pad(year, 4)}-${pad(month)}-${pad(day)}`
  if (!d) return { published, precision: 'month', time: null }
  if (hh === undefined || mm === undefined) return { published, precision: 'day', time: null }
  const hour = Number(hh)
  const minute = Number(mm)
  if (hour > 23 || minute > 59) return { published, precision: 'day', time: null }
  return { published, precision: 'minute', time: `${pad(hour)}:${pad(minute)}${offsetOf(zone)}` }
}

/** A whole value in one of the machine forms, or null (left to the Arabic date parser). */
export function parseIsoDateTime(text: string): MachineDate | null {
  const value = text.trim()
  const extended = EXTENDED.exec(value)
  if (extended) return build(extended.slice(1))
  const basic = BASIC.exec(value)
  if (basic) return build(basic.slice(1))
  return null
}

/**
 * The instant of a date with a time and an offset, for showing it in the reader's time zone;
 * null when the source gave no offset (the time is then the source's own local time).
 */
export function instantOf(published: string, time: string | null | undefined): Date | null {
  const m = time ? /^(\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2})$/.exec(time) : null
  if (!m) return null
  const at = new Date(`${published}T${m[1]}:${m[2]}:00${m[3]}`)
  return Number.isNaN(at.getTime()) ? null : at
}
