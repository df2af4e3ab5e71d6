import { describe, expect, it } from 'vitest'
import {
  authorsSortKey,
  sortFold,
  sortKey,
  sourceSortKey,
  SORT_KEY_TIEBREAK
} from '../../../src/shared/text/sortKey'

/** Sorts as SQLite's BINARY collation does: by code point (UTF-16 order agrees for these). */
function byKey(values: string[]): string[] {
  return [...values].sort((a, b) => {
    const ka = sortKey(a)
    const kb = sortKey(b)
    if (!ka !== !kb) return ka ? -1 : 1 // empty last
    return ka < kb ? -1 : ka > kb ? 1 : 0
  })
}

describe('alphabetical sort key', () => {
  it('interleaves the alef forms with ا instead of putting أ إ آ first', () => {
    const names = ['ابتسام', 'إبراهيم', 'أحمد', 'آمنة', 'احمد', 'بدر']
    expect(byKey(names)).toEqual(['ابتسام', 'إبراهيم', 'أحمد', 'احمد', 'آمنة', 'بدر'])
  })

  it('keeps a stable order between values that fold alike, shorter first', () => {
    expect(sortFold('أحمد')).toBe(sortFold('احمد'))
    expect(sortKey('أحمد')).not.toBe(sortKey('احمد'))
    expect(byKey(['احمدي', 'احمد علي', 'أحمد'])).toEqual(['أحمد', 'احمد علي', 'احمدي'])
  })

  it('ignores leading quotes and punctuation: "الخبر" files under ا', () => {
    const titles = ['"الخبر" كما رواه', '«تقرير» اليوم', 'بيان', '... ثم ماذا', 'الأمس']
    expect(byKey(titles)).toEqual([
      'الأمس',
      '"الخبر" كما رواه',
      'بيان',
      '«تقرير» اليوم',
      '... ثم ماذا'
    ])
    expect(sortFold('  "الخبر"')).toBe('الخبر"')
  })

  it('ignores harakat and tatweel, folds ة and ى', () => {
    expect(sortFold('مُحَمَّد')).toBe('محمد')
    expect(sortFold('الـــعــربية')).toBe('العربيه')
    expect(sortFold('مستشفى')).toBe(sortFold('مستشفي'))
    // ى after و in code points would put مستشفى after مستشفو: folded, it is ي
    expect(byKey(['مستشفى', 'مستشفو'])).toEqual(['مستشفو', 'مستشفى'])
  })

  it('gives empty and punctuation-only values an empty key, listed last', () => {
    expect(sortKey('')).toBe('')
    expect(sortKey('   ')).toBe('')
    expect(sortKey('«»')).toBe('')
    expect(sortKey(null)).toBe('')
    expect(byKey(['', 'ي', 'ا'])).toEqual(['ا', 'ي', ''])
    expect(authorsSortKey([])).toBe('')
    expect(authorsSortKey(['سارة', 'أحمد'])).toBe(sortKey('سارة'))
  })

  it('never gives a source an empty key', () => {
    expect(sourceSortKey('...')).toBe(`${SORT_KEY_TIEBREAK}...`)
    expect(sourceSortKey('الرياض')).toBe(sortKey('الرياض'))
    // uncut, so two long names that share their first words still have keys of their own
    const long = 'جريدة '.repeat(30)
    expect(sourceSortKey(`${long}أ`)).not.toBe(sourceSortKey(`${long}ب`))
  })

  it('folds Arabic-Indic digits and Latin case', () => {
    expect(sortFold('٢٠١٥ عام')).toBe('2015 عام')
    expect(sortFold('Reuters')).toBe(sortFold('reuters'))
  })
})
