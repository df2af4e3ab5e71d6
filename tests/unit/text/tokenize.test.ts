import { describe, expect, it } from 'vitest'
import { tokenize } from '@shared/text'

/** Original slices and norms, the two things callers rely on. */
function words(s: string): [string, string][] {
  return tokenize(s).map((t) => [s.slice(t.start, t.end), t.norm])
}

describe('tokenize', () => {
  it('keeps harakat inside and at the end of the word', () => {
    expect(words('كَتَبَ الوَلَدُ الدَّرْسَ')).toEqual([
      ['كَتَبَ', 'كتب'],
      ['الوَلَدُ', 'الولد'],
      ['الدَّرْسَ', 'الدرس']
    ])
  })

  it('gives offsets into the original string', () => {
    const s = 'قال لافروف، في حوار'
    expect(tokenize(s)).toEqual([
      { start: 0, end: 3, norm: 'قال' },
      { start: 4, end: 10, norm: 'لافروف' },
      { start: 12, end: 14, norm: 'في' },
      { start: 15, end: 19, norm: 'حوار' }
    ])
  })

  it('does not split on tatweel or zero-width characters', () => {
    expect(words('جـــميل مر\u200Cحبا')).toEqual([
      ['جـــميل', 'جميل'],
      ['مر\u200Cحبا', 'مرحبا']
    ])
  })

  it('leaves a trailing direction mark outside the word', () => {
    const s = 'سورية\u200F،'
    expect(tokenize(s)).toEqual([{ start: 0, end: 5, norm: 'سوريه' }])
  })

  it('splits on Arabic and Latin punctuation, hyphens and quotes', () => {
    expect(tokenize('«داعش»، covid-19؟ U.S. الجزائرية/الروسية').map((t) => t.norm)).toEqual([
      'داعش',
      'covid',
      '19',
      'u',
      's',
      'الجزائريه',
      'الروسيه'
    ])
  })

  it('makes digit runs words of their own, in both scripts', () => {
    expect(words('٢٩ فبراير 2016 في 1436هـ و٢٠١٦م')).toEqual([
      ['٢٩', '29'],
      ['فبراير', 'فبراير'],
      ['2016', '2016'],
      ['في', 'في'],
      ['1436', '1436'],
      ['هـ', 'ه'],
      ['و', 'و'],
      ['٢٠١٦', '2016'],
      ['م', 'م']
    ])
  })

  it('expands ligatures while keeping the original range', () => {
    expect(tokenize('ﻻ ﷺ')).toEqual([
      { start: 0, end: 1, norm: 'لا' },
      { start: 2, end: 3, norm: 'صلي' },
      { start: 2, end: 3, norm: 'الله' },
      { start: 2, end: 3, norm: 'عليه' },
      { start: 2, end: 3, norm: 'وسلم' }
    ])
  })

  it('folds Latin case and accents and skips other scripts', () => {
    expect(words('Éclair Путин 東京 CAFÉ')).toEqual([
      ['Éclair', 'eclair'],
      ['CAFÉ', 'cafe']
    ])
  })

  it('handles emoji, lone surrogates and NUL as separators', () => {
    expect(words('أ😀ب x\uD800y z\u0000w')).toEqual([
      ['أ', 'ا'],
      ['ب', 'ب'],
      ['x', 'x'],
      ['y', 'y'],
      ['z', 'z'],
      ['w', 'w']
    ])
  })

  it('returns nothing for text without words', () => {
    expect(tokenize('')).toEqual([])
    expect(tokenize('  ،؛ — ... \u200F ً ')).toEqual([])
  })

  it('tokenizes a 50,000-word article (speed is measured in the benchmark)', () => {
    const sentence = 'ويأتي الملفُّ السوري على رأس الملفات التي ستكون محور نقاش، '
    const article = sentence.repeat(5000)
    const tokens = tokenize(article)
    expect(tokens.length).toBe(50_000)
    expect(article.slice(tokens[1].start, tokens[1].end)).toBe('الملفُّ')
  })
})
