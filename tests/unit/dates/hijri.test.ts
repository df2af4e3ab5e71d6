import { describe, expect, it } from 'vitest'
import { hijriToGregorian } from '@shared/dates'

/** ICU's `islamic-civil` calendar is the same tabular calendar: use it as an independent check. */
const civil = new Intl.DateTimeFormat('en-u-ca-islamic-civil', {
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  timeZone: 'UTC'
})

function icuHijri(date: Date): { year: number; month: number; day: number } {
  const part = (type: string): number =>
    Number(civil.formatToParts(date).find((p) => p.type === type)?.value)
  return { year: part('year'), month: part('month'), day: part('day') }
}

describe('hijriToGregorian (tabular, civil epoch)', () => {
  it('agrees with ICU islamic-civil on every 7th day from 1900 to 2077', () => {
    const mismatches: string[] = []
    for (let t = Date.UTC(1900, 0, 1); t < Date.UTC(2077, 0, 1); t += 7 * 86_400_000) {
      const date = new Date(t)
      const gregorian = hijriToGregorian(icuHijri(date))
      const expected = {
        year: date.getUTCFullYear(),
        month: date.getUTCMonth() + 1,
        day: date.getUTCDate()
      }
      const same =
        gregorian?.year === expected.year &&
        gregorian.month === expected.month &&
        gregorian.day === expected.day
      if (!same) {
        mismatches.push(date.toISOString())
      }
    }
    expect(mismatches).toEqual([])
  })

  it('rejects impossible Hijri dates', () => {
    expect(hijriToGregorian({ year: 1436, month: 13, day: 1 })).toBeNull()
    expect(hijriToGregorian({ year: 1436, month: 9, day: 31 })).toBeNull()
    expect(hijriToGregorian({ year: 1436, month: 9, day: 0 })).toBeNull()
  })
})
