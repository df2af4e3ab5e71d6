import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import { describe, expect, it } from 'vitest'
import {
  formatDateTime,
  formatMessage,
  formatPublished,
  localeTag,
  localiseDigits
} from '../../../src/renderer/src/i18n/format'
import { messages, type Locale, type MessageKey } from '../../../src/renderer/src/i18n/messages'

interface Shape {
  args: Set<string>
  plurals: { arg: string; options: string[] }[]
}

function walk(elements: MessageFormatElement[], shape: Shape): void {
  for (const el of elements) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date) {
      shape.args.add(el.value)
    } else if (el.type === TYPE.plural || el.type === TYPE.select) {
      shape.args.add(el.value)
      if (el.type === TYPE.plural)
        shape.plurals.push({ arg: el.value, options: Object.keys(el.options) })
      for (const option of Object.values(el.options)) walk(option.value, shape)
    }
  }
}

function shapeOf(message: string): Shape {
  const shape: Shape = { args: new Set(), plurals: [] }
  walk(parse(message, { ignoreTag: true }), shape)
  return shape
}

const locales = Object.keys(messages) as Locale[]

describe('the catalogue', () => {
  it('has the same keys in Arabic and English', () => {
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.ar).sort())
  })

  it('parses every message as ICU and uses the same placeholders in both languages', () => {
    for (const key of Object.keys(messages.ar) as MessageKey[]) {
      const ar = shapeOf(messages.ar[key])
      const en = shapeOf(messages.en[key])
      expect([...ar.args].sort(), key).toEqual([...en.args].sort())
    }
  })

  it('gives every plural message the forms its language needs', () => {
    for (const locale of locales) {
      const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories
      for (const [key, message] of Object.entries(messages[locale])) {
        for (const plural of shapeOf(message).plurals) {
          for (const category of needed) {
            expect(plural.options, `${locale} ${key} lacks "${category}"`).toContain(category)
          }
        }
      }
    }
    expect(new Intl.PluralRules('ar').resolvedOptions().pluralCategories.sort()).toEqual([
      'few',
      'many',
      'one',
      'other',
      'two',
      'zero'
    ])
  })
})

describe('formatMessage', () => {
  const arLatn = localeTag('ar', 'latn')
  const arArab = localeTag('ar', 'arab')
  const en = localeTag('en', 'latn')
  const articles = (tag: string, count: number, locale: Locale) =>
    formatMessage(tag, messages[locale].countArticles, { count })

  it('writes each Arabic plural form: 0, 1, 2, 3–10, 11–99, 100+', () => {
    expect(articles(arLatn, 0, 'ar')).toBe('لا مقالات')
    expect(articles(arLatn, 1, 'ar')).toBe('مقال واحد')
    expect(articles(arLatn, 2, 'ar')).toBe('مقالان')
    expect(articles(arLatn, 3, 'ar')).toBe('3 مقالات')
    expect(articles(arLatn, 10, 'ar')).toBe('10 مقالات')
    expect(articles(arLatn, 11, 'ar')).toBe('11 مقالاً')
    expect(articles(arLatn, 99, 'ar')).toBe('99 مقالاً')
    expect(articles(arLatn, 100, 'ar')).toBe('100 مقال')
    expect(articles(arLatn, 102, 'ar')).toBe('102 مقال')
    expect(articles(arLatn, 105, 'ar')).toBe('105 مقالات')
  })

  it('writes Arabic-Indic digits when that is the setting', () => {
    expect(articles(arArab, 11, 'ar')).toBe('١١ مقالاً')
    expect(articles(arArab, 1500, 'ar')).toBe('١٬٥٠٠ مقال')
  })

  it('says "1 article" and "n articles" in English', () => {
    expect(articles(en, 1, 'en')).toBe('1 article')
    expect(articles(en, 2, 'en')).toBe('2 articles')
    expect(articles(en, 0, 'en')).toBe('no articles')
    expect(articles(en, 1234, 'en')).toBe('1,234 articles')
    expect(formatMessage(en, messages.en.countResults, { count: 1 })).toBe('1 result')
    expect(formatMessage(en, messages.en.countFiles, { count: 1 })).toBe('1 file')
  })

  it('interpolates parameters and leaves a plain string as it is', () => {
    expect(formatMessage(en, messages.en.errorAtPosition, { position: 7 })).toBe('at position 7')
    expect(formatMessage(arArab, messages.ar.errorAtPosition, { position: 7 })).toBe('عند الموضع ٧')
    expect(formatMessage(en, "The archive's journal <b>")).toBe("The archive's journal <b>")
  })

  it('writes dates in the locale, not as 12/1/2026, 6:31:50 PM', () => {
    const when = '2026-12-01T18:31:50Z'
    expect(formatDateTime(en, when)).not.toMatch(/\d+\/\d+\/\d{4}/)
    expect(formatDateTime(en, when)).toMatch(/December 2026/)
    expect(formatDateTime(arArab, when)).toMatch(/ديسمبر/)
    expect(formatDateTime(arArab, when)).toMatch(/٢٠٢٦/)
  })

  it('writes a publication date to its precision, and ISO digits in the setting', () => {
    const arLatn = localeTag('ar', 'latn')
    expect(formatPublished(arArab, '2015-03-10', 'day')).toBe('١٠ مارس ٢٠١٥')
    expect(formatPublished(arArab, '2015-03', 'month')).toBe('مارس ٢٠١٥')
    expect(formatPublished(arArab, '2015', 'year')).toBe('٢٠١٥')
    expect(formatPublished(arLatn, '2015-03-10', 'day')).toBe('10 مارس 2015')
    expect(formatPublished(en, '2015-03-01', 'day')).toBe('1 March 2015')
    // a calendar date stays the same day whatever the time zone
    expect(formatPublished(en, '2016-02-29', null)).toBe('29 February 2016')
    expect(localiseDigits(arArab, '2015-03-10')).toBe('٢٠١٥-٠٣-١٠')
    expect(localiseDigits(en, '2015-03-10')).toBe('2015-03-10')
  })
})
