import { describe, expect, it } from 'vitest'
import { mapRangeToOriginal, normalizeText, normalizeWithMap } from '@shared/text'
import { unitsToString } from '../../../src/shared/text/normalize'

describe('normalizeText', () => {
  it.each([
    ['harakat', 'كَتَبَ الوَلَدُ الدَّرْسَ', 'كتب الولد الدرس'],
    ['tanwin and shadda', 'مُحَمَّدٌ شُكْراً', 'محمد شكرا'],
    ['superscript alef', 'هٰذا الرَّحْمٰنِ', 'هذا الرحمن'],
    ['Quranic marks', 'لَا رَيْبَ ۛ فِيهِ', 'لا ريب  فيه'],
    ['tatweel', 'جـــمـيـل', 'جميل'],
    ['alef forms', 'أحمد إبراهيم آمال ٱلكتاب', 'احمد ابراهيم امال الكتاب'],
    ['alef maksura', 'مستشفى على', 'مستشفي علي'],
    ['ta marbuta', 'مدرسة الجزائرية', 'مدرسه الجزائريه'],
    ['Arabic-Indic digits', '٢٩ فبراير ٢٠١٦', '29 فبراير 2016'],
    ['Persian digits', '۱۳۹۵', '1395'],
    ['Latin case and accents', 'Éclair CAFÉ Ångström naïve', 'eclair cafe angstrom naive'],
    ['Latin letters without decomposition', 'Straße Øresund Łódź', 'strasse oresund lodz'],
    ['lam-alef ligature', 'ﻻ ﻷ', 'لا لا'],
    ['presentation forms', 'ﺑﺴﻢ', 'بسم'],
    ['Allah ligature', 'ﷲ', 'الله'],
    ['fullwidth Latin', 'ＡＢＣ１２', 'abc12'],
    ['Persian keyboard letters', 'یک', 'يك'],
    ['punctuation kept', 'مرحبا، عالم! (نص) «اقتباس»', 'مرحبا، عالم! (نص) «اقتباس»']
  ])('%s', (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected)
  })

  it('removes invisible direction and zero-width marks', () => {
    const input =
      '\uFEFF\u200Fمرحبا\u200E \u202Bنص\u202C \u2067x\u2069 ab\u200Bc in\u00ADter \u061Cو'
    expect(normalizeText(input)).toBe('مرحبا نص x abc inter و')
  })

  it('keeps hamza seats unless asked to fold them', () => {
    expect(normalizeText('مسؤول رئيس')).toBe('مسؤول رئيس')
    expect(normalizeText('مسؤول رئيس', { foldHamzaSeats: true })).toBe('مسوول رييس')
  })

  it('keeps emoji and lone surrogates unchanged', () => {
    expect(normalizeText('أ😀ب')).toBe('ا😀ب')
    expect(normalizeText('a\uD800b')).toBe('a\uD800b')
  })

  it('returns identical text for already normal input', () => {
    const s = 'abc 123 كتب الولد'
    expect(normalizeText(s)).toBe(s)
  })
})

describe('normalizeWithMap', () => {
  it('maps each normalised unit to its original offset, plus the original length', () => {
    const { text, map } = normalizeWithMap('كَتَبَ')
    expect(text).toBe('كتب')
    expect(Array.from(map)).toEqual([0, 2, 4, 6])
  })

  it('maps both letters of an expanded ligature to the same original character', () => {
    const { text, map } = normalizeWithMap('aﻻb')
    expect(text).toBe('aلاb')
    expect(Array.from(map)).toEqual([0, 1, 1, 2, 3])
    expect(mapRangeToOriginal(map, 1, 2)).toEqual([1, 2])
    expect(mapRangeToOriginal(map, 2, 3)).toEqual([1, 2])
  })

  it('maps a match in normalised text back to the original word with its harakat', () => {
    const original = 'قال الوَلَدُ: إنَّ المَدْرَسَةَ بعيدة'
    const { text, map } = normalizeWithMap(original)
    const at = text.indexOf('المدرسه')
    const [start, end] = mapRangeToOriginal(map, at, at + 'المدرسه'.length)
    expect(original.slice(start, end)).toBe('المَدْرَسَةَ')
    const at2 = text.indexOf('الولد')
    const r2 = mapRangeToOriginal(map, at2, at2 + 5)
    expect(original.slice(r2[0], r2[1])).toBe('الوَلَدُ')
  })

  it('maps across surrogate pairs and NFKC expansions', () => {
    const original = '😀 ﷺ x'
    const { text, map } = normalizeWithMap(original)
    expect(text).toBe('😀 صلي الله عليه وسلم x')
    expect(map[0]).toBe(0)
    expect(map[3]).toBe(3)
    expect(map[text.indexOf('x')]).toBe(original.indexOf('x'))
    expect(map[text.length]).toBe(original.length)
  })

  it('agrees with normalizeText and keeps the map monotonic on mixed input', () => {
    const alphabet = [
      'ك',
      'َ',
      'ـ',
      'أ',
      'ة',
      'ى',
      'ﻻ',
      '٣',
      'É',
      'a',
      ' ',
      '\u200F',
      '😀',
      'ﷺ',
      '-'
    ]
    let seed = 42
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648)
    for (let round = 0; round < 300; round++) {
      let s = ''
      const len = next() % 40
      for (let i = 0; i < len; i++) s += alphabet[next() % alphabet.length]
      const { text, map } = normalizeWithMap(s)
      expect(text).toBe(normalizeText(s))
      expect(map.length).toBe(text.length + 1)
      expect(map[text.length]).toBe(s.length)
      for (let i = 1; i < map.length; i++) expect(map[i]).toBeGreaterThanOrEqual(map[i - 1])
    }
  })

  it('normalises two million characters (speed is measured in the benchmark)', () => {
    const paragraph = 'وأشاد رئيسُ الدبلوماسية الروسية بالتنسيق الأمني، في إبريل/نيسان ٢٠٠١. '
    const big = paragraph.repeat(Math.ceil(2_000_000 / paragraph.length))
    const out = normalizeText(big)
    expect(
      out.startsWith('واشاد رئيس الدبلوماسيه الروسيه بالتنسيق الامني، في ابريل/نيسان 2001. ')
    ).toBe(true)
  })
})

describe('unitsToString', () => {
  it('makes the string of the first units of a buffer, short or long', () => {
    const units = Uint16Array.from('الرياضُ ١٤٣٦ riyadh 👍 '.repeat(2000), (c) => c.charCodeAt(0))
    for (const length of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 8192, 8193, 20_000]) {
      let expected = ''
      for (let i = 0; i < length; i++) expected += String.fromCharCode(units[i])
      expect(unitsToString(units, length)).toBe(expected)
    }
  })
})
