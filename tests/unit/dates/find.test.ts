import { describe, expect, it } from 'vitest'
import { findDateInText } from '@shared/dates'

describe('findDateInText', () => {
  it.each([
    [
      'نشر في: الاثنين 29 فبراير 2016 - 10:30',
      '2016-02-29',
      'day',
      'الاثنين 29 فبراير 2016 - 10:30'
    ],
    [
      'آخر تحديث: الثلاثاء 1 مارس 2016 الساعة 14:05',
      '2016-03-01',
      'day',
      'الثلاثاء 1 مارس 2016 الساعة 14:05'
    ],
    ['القاهرة - 29 فبراير 2016', '2016-02-29', 'day', '29 فبراير 2016'],
    [
      'بموجب البيان الذي وقع عليه رئيساهما في إبريل/نيسان 2001.',
      '2001-04-01',
      'month',
      'إبريل/نيسان 2001'
    ],
    ['وُلد الكاتب عام 1952 في القاهرة', '1952-01-01', 'year', 'عام 1952'],
    ['تأسست الجريدة سنة 1403هـ', '1982-01-01', 'year', 'سنة 1403هـ'],
    [
      'صدر العدد بتاريخ ٢٦/٩/١٤٣٦هـ الموافق ١٢/٧/٢٠١٥م وفيه',
      '2015-07-12',
      'day',
      '٢٦/٩/١٤٣٦هـ الموافق ١٢/٧/٢٠١٥م'
    ],
    [
      'Posted: Mon, 29 Feb 2016 10:30:00 +0000 by staff',
      '2016-02-29',
      'day',
      'Mon, 29 Feb 2016 10:30:00 +0000'
    ]
  ] as const)('%s', (text, published, precision, dateText) => {
    const found = findDateInText(text)
    expect(found).toMatchObject({ published, precision, dateText })
    // the offsets point at the date text in the original line
    expect(found && text.slice(found.start, found.end).trim()).toBe(dateText)
  })

  it('returns the first of several dates', () => {
    expect(findDateInText('من 1 مارس 2016 حتى 5 أبريل 2016')?.published).toBe('2016-03-01')
  })

  it('does not merge a range of two Gregorian dates into a double date', () => {
    expect(findDateInText('29 فبراير 2016 - 1 مارس 2016')?.dateText).toBe('29 فبراير 2016')
  })

  it('skips an impossible date as a whole instead of reading its month and year', () => {
    expect(findDateInText('في 30 فبراير 2016 ثم في 2 مارس 2016')?.dateText).toBe('2 مارس 2016')
  })

  it('ignores bare numbers and month names without a year', () => {
    expect(findDateInText('قتل 2015 شخصا في 12 مارس')).toBeNull()
    expect(findDateInText('مارسيليا 2015')).toBeNull()
  })
})
