import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ParsedArticle } from '@shared/domain'
import { textImporter } from '../../../src/main/core/import/formats/text'
import { ImportFormatError } from '../../../src/main/core/import/formats/types'

const repoRoot = resolve(import.meta.dirname, '../../..')
const fixtures = resolve(repoRoot, 'tests/fixtures/text')
const seedFile = resolve(repoRoot, '../shared/seeds/000_858bd456555f0983.txt')
const seedPresent = existsSync(seedFile)

function parseOne(text: string, fileName = 'article.txt'): ParsedArticle {
  const articles = textImporter.parse(text, { fileName })
  expect(articles).toHaveLength(1)
  return articles[0]
}

function parseFixture(name: string): ParsedArticle {
  return parseOne(readFileSync(resolve(fixtures, name), 'utf8'), name)
}

describe('textImporter: the scraped seed article', () => {
  if (!seedPresent) {
    console.warn(
      `skipping the seed article test: ${seedFile} is absent (tests never need ../shared)`
    )
  }

  it.skipIf(!seedPresent)(
    'parses ../shared/seeds/000_858bd456555f0983.txt (skipped when absent)',
    () => {
      const article = parseOne(readFileSync(seedFile, 'utf8'), '000_858bd456555f0983.txt')
      expect(article).toMatchObject({
        title: 'موسكو تبحث عن دعم موقفها تجاه سورية في الجزائر',
        published: '2016-02-29',
        datePrecision: 'day',
        dateText: '29 فبراير 2016',
        caption: 'موسكو والجزائر تناقشان الأوضاع السورية وليبيا',
        imageCredit: 'Getty',
        lang: 'ar'
      })
      expect(article.related).toEqual([
        { title: 'الخارجية الروسية:نأمل في إقامة جمهورية فيدرالية بسورية' },
        { title: 'مسؤول جزائري: التدخل الغربي في ليبيا يستهدف أمننا' }
      ])
      const lines = article.body.split('\n')
      expect(lines[0].startsWith('اعتبر وزير الخارجية الروسي')).toBe(true)
      expect(lines).toHaveLength(11)
      expect(article.body).not.toMatch(/الخط/)
      expect(article.body).not.toMatch(/اقرأ أيضاً/)
      expect(article.body).not.toContain(article.title)
      expect(lines.every((line) => line === line.trim() && line.length > 0)).toBe(true)
    }
  )
})

describe('textImporter: own fixtures in other layouts', () => {
  it('no repeated title, labelled Levantine date with time, caption, widgets, link with url', () => {
    const article = parseFixture('levantine-no-repeated-title.txt')
    expect(article).toMatchObject({
      title: 'بلدية بيروت تطلق خطة لتنظيف الشاطئ قبل الصيف',
      published: '2015-05-14',
      datePrecision: 'day',
      dateText: 'الخميس 14 أيار 2015 - 09:15',
      caption: 'متطوعون يجمعون النفايات على شاطئ الرملة البيضاء',
      imageCredit: 'أ ف ب',
      notes: null
    })
    expect(article.related).toEqual([
      { title: 'مهرجان للكتاب في بيروت الشهر المقبل', url: 'https://example.org/news/123' }
    ])
    expect(article.body).toBe(
      'أعلنت بلدية بيروت أمس عن خطة تمتد ستة أسابيع لتنظيف الشاطئ العام بمشاركة متطوعين من الجامعات.\n' +
        'وقال رئيس البلدية إن الخطة تشمل وضع حاويات جديدة على طول الكورنيش.'
    )
  })

  it('date after the body, كتب: with two authors, المصدر:, Moroccan month', () => {
    const article = parseFixture('date-after-body.txt')
    expect(article).toMatchObject({
      title: 'افتتاح خط جديد للترامواي في الدار البيضاء',
      published: '2019-12-18',
      datePrecision: 'day',
      dateText: '18 دجنبر 2019',
      authors: ['سعيد بنعلي', 'ليلى الإدريسي'],
      source: 'وكالة المغرب العربي للأنباء',
      caption: null,
      imageCredit: null
    })
    expect(article.body.split('\n')).toEqual([
      'دخل الخط الجديد للترامواي الخدمة صباح اليوم بعد سنتين من الأشغال.',
      'ويربط الخط بين الأحياء الشرقية ووسط المدينة في أقل من نصف ساعة.'
    ])
  })

  it('two captions: the first is the caption, the second goes to notes; numeric date', () => {
    const article = parseFixture('two-captions.txt')
    expect(article).toMatchObject({
      title: 'الأمطار تغمر شوارع الخرطوم',
      published: '2020-08-12',
      datePrecision: 'day',
      dateText: '12/08/2020',
      caption: 'سيارات عالقة في المياه وسط الخرطوم',
      imageCredit: 'رويترز',
      notes: 'تعليق صورة: سكان يعبرون شارعاً غمرته المياه (الأناضول)'
    })
    expect(article.body.split('\n')).toEqual([
      'هطلت أمطار غزيرة على العاصمة السودانية طوال ليلة أمس وأغلقت عدداً من الطرق الرئيسية.',
      'وطالب السكان السلطات المحلية بفتح مصارف المياه قبل موسم الفيضان.'
    ])
  })

  it('reads CRLF line ends and a BOM like LF', () => {
    const text = readFileSync(resolve(fixtures, 'two-captions.txt'), 'utf8')
    const crlf = parseOne(`\ufeff${text.replace(/\n/g, '\r\n')}`)
    expect(crlf).toEqual(parseFixture('two-captions.txt'))
  })

  it('Hijri double date prefers the Gregorian part; بقلم:; link title on the next line', () => {
    const article = parseFixture('hijri-double-date.txt')
    expect(article).toMatchObject({
      title: 'توزيع السلال الغذائية على الأسر المحتاجة في جدة',
      published: '2015-07-12',
      datePrecision: 'day',
      dateText: 'الأحد 26 رمضان 1436هـ الموافق 12 يوليو 2015م',
      authors: ['عبد الله الحربي']
    })
    expect(article.related).toEqual([{ title: 'حملة لكسوة العيد في مكة المكرمة' }])
    expect(article.body.split('\n')).toHaveLength(2)
  })

  it('place-and-date line wins over آخر تحديث, which is kept in notes', () => {
    const article = parseFixture('dateline-and-update.txt')
    expect(article).toMatchObject({
      published: '2016-01-03',
      datePrecision: 'day',
      dateText: '٣ كانون الثاني/يناير ٢٠١٦',
      notes: 'آخر تحديث: ٤ كانون الثاني ٢٠١٦'
    })
    expect(article.body.split('\n')).toHaveLength(2)
  })
})

describe('textImporter: edge cases', () => {
  it.each([[''], ['   \n\n  \t\n'], ['\ufeff'], ['\u200f\n\u200e']])(
    'rejects an empty file (%j)',
    (text) => {
      expect(() => textImporter.parse(text, { fileName: 'empty.txt' })).toThrow(ImportFormatError)
      expect(() => textImporter.parse(text, { fileName: 'empty.txt' })).toThrow('The file is empty')
    }
  )

  it('a title alone makes an article with an empty body', () => {
    expect(parseOne('عنوان وحيد\n')).toMatchObject({ title: 'عنوان وحيد', body: '' })
  })

  it('marks Arabic articles as ar and leaves other languages to the pipeline', () => {
    expect(parseOne('عنوان\nنص عربي قصير.').lang).toBe('ar')
    expect(parseOne('A headline\nSome English text.').lang).toBeNull()
  })

  it('a first line too long for a title is body; the file name becomes the title', () => {
    const paragraph = 'كلمة '.repeat(80).trim() + '.'
    const article = parseOne(`${paragraph}\nسطر ثان.`, 'folder/مقال قديم.txt')
    expect(article.title).toBe('مقال قديم')
    expect(article.body).toBe(`${paragraph}\nسطر ثان.`)
  })

  it('keeps a body sentence that mentions a date, and a parenthesis that is not a credit', () => {
    const article = parseOne(
      [
        'عنوان الخبر',
        '1 مارس 2016',
        'وقع الطرفان الاتفاق في 12 مارس 2015 بعد مفاوضات طويلة.',
        'وأشار التقرير إلى ارتفاع البطالة (2015)',
        'وقال الوزير إن الحكومة ستراجع القرار (في الأسبوع المقبل)'
      ].join('\n')
    )
    expect(article.published).toBe('2016-03-01')
    expect(article.body.split('\n')).toHaveLength(3)
    expect(article.caption).toBeNull()
  })
})

describe('textImporter.sniff', () => {
  it.each([
    ['plain Arabic text', 'عنوان\n\nنص المقال.', 0.3],
    ['HTML', '<!doctype html><html></html>', 0],
    ['XML', '\ufeff<?xml version="1.0"?><DOC></DOC>', 0],
    ['a JSON object', '{"title": "x"}', 0],
    ['a JSON array', '  [{"title": "x"}]', 0],
    ['empty text', ' \n ', 0]
  ])('%s → %d', (_name, text, expected) => {
    expect(textImporter.sniff(text, 'file.txt')).toBe(expected)
  })

  it('gives CSV-looking text a very low score', () => {
    expect(textImporter.sniff('title,body,date\nأ,ب,2016\n', 'file')).toBeLessThan(0.1)
  })

  it('declares txt, text and extension-less files', () => {
    expect(textImporter.id).toBe('txt')
    expect(textImporter.extensions).toEqual(['.txt', '.text', ''])
  })
})
