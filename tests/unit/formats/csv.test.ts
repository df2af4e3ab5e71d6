import { describe, expect, it } from 'vitest'
import { ARTICLE_CSV_COLUMNS, MULTI_VALUE_SEPARATOR, UTF8_BOM, csvRow } from '@shared/csv'
import type { ParsedArticle } from '@shared/domain'
import {
  csvImporter,
  detectSeparator,
  parseCsvWithReport
} from '../../../src/main/core/import/formats/csv'
import { ImportFormatError } from '../../../src/main/core/import/formats/types'
import { fixtureText } from './fixture'

function reasonOf(fn: () => unknown): string {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(ImportFormatError)
    return (error as Error).message
  }
  throw new Error('expected an ImportFormatError')
}

describe('csvImporter on a `;` file', () => {
  const result = parseCsvWithReport(fixtureText('articles-semicolon.csv'), { fileName: 'a.csv' })

  it('detects the separator and reads quoted fields with `;`, quotes and newlines', () => {
    expect(result.articles[0]).toEqual({
      title: 'العنوان الأول',
      body: 'نص يحتوي على فاصلة منقوطة ; داخل الحقل',
      source: 'الواحة',
      url: 'https://alwaha.example/1',
      published: '2015-07-21',
      datePrecision: 'day',
      dateText: '2015-07-21',
      authors: ['سلمى الراشد', 'فهد العتيبي']
    })
    expect(result.articles[1].title).toBe('عنوان "مقتبس"')
    expect(result.articles[1].body).toBe('سطر أول\nسطر ثان')
  })

  it('strips the formula guard but keeps a real leading quote', () => {
    expect(result.articles[2].title).toBe("'كلمة")
    expect(result.articles[2].body).toBe('=SUM(A1:A2)')
  })

  it('reports the empty row', () => {
    expect(result.articles).toHaveLength(3)
    expect(result.skipped).toHaveLength(1)
    expect(result.skipped[0].index).toBe(3)
  })
})

describe('csvImporter reading Warraq exports back', () => {
  const originals: ParsedArticle[] = [
    {
      title: '=HYPERLINK("http://evil")',
      subtitle: '-عنوان فرعي',
      body: 'سطر أول, مع فاصلة\r\nو"اقتباس"\n@mention\n\tمسافة',
      source: '+الواحة',
      url: 'https://alwaha.example/1',
      published: '2015-07-01',
      datePrecision: 'month',
      dateText: 'يوليو/تموز 2015',
      authors: ['Saleh, Lina', 'سلمى الراشد'],
      section: 'ثقافة',
      status: 'catalogued',
      caption: "'صورة' من الأرشيف",
      imageCredit: '@photo',
      notes: '\u202Eملاحظة\u202C 📰',
      sourceId: 'u-1'
    },
    { title: "'=not a formula, a quote", body: 'نص', sourceId: 'u-2' }
  ]

  function exportRow(a: ParsedArticle): string[] {
    const cells: Record<string, string> = {
      uid: a.sourceId ?? '',
      title: a.title,
      subtitle: a.subtitle ?? '',
      source: a.source ?? '',
      published: a.published ?? '',
      datePrecision: a.datePrecision ?? '',
      dateText: a.dateText ?? '',
      authors: (a.authors ?? []).join(MULTI_VALUE_SEPARATOR),
      section: a.section ?? '',
      status: a.status ?? '',
      url: a.url ?? '',
      caption: a.caption ?? '',
      imageCredit: a.imageCredit ?? '',
      tags: 'وسم أ | وسم ب',
      collections: '',
      notes: a.notes ?? '',
      body: a.body
    }
    return ARTICLE_CSV_COLUMNS.map((c) => cells[c])
  }

  it('imports every exported field back unchanged', () => {
    const text =
      UTF8_BOM + csvRow(ARTICLE_CSV_COLUMNS) + originals.map((a) => csvRow(exportRow(a))).join('')
    const back = csvImporter.parse(text, { fileName: 'export.csv' })
    const tags = ['وسم أ', 'وسم ب']
    expect(back[0]).toEqual({
      ...originals[0],
      body: originals[0].body.replace('\r\n', '\n'),
      tags
    })
    expect(back[1]).toEqual({ ...originals[1], tags })
  })
})

describe('csvImporter other inputs', () => {
  it('reads TAB-separated files and an explicit mapping', () => {
    const text = 'headline_ar\tnarrative\twhen\nعنوان\tمتن الخبر\t2015-07-21\n'
    const [a] = csvImporter.parse(text, {
      fileName: 't.tsv',
      mapping: { headline_ar: 'title', narrative: 'body', when: 'published' }
    })
    expect(a).toMatchObject({ title: 'عنوان', body: 'متن الخبر', published: '2015-07-21' })
  })

  it('detects the separator from the header only', () => {
    expect(detectSeparator('a;b;c\n"x,y,z",1,2')).toBe(';')
    expect(detectSeparator('"a;b",c\n')).toBe(',')
    expect(detectSeparator('a\tb\n')).toBe('\t')
  })

  it('gives clear reasons for files it cannot read', () => {
    expect(reasonOf(() => csvImporter.parse('', { fileName: 'e.csv' }))).toBe(
      'The CSV file is empty'
    )
    expect(reasonOf(() => csvImporter.parse('foo,bar\n1,2\n', { fileName: 'n.csv' }))).toBe(
      'The CSV file needs a header row naming its columns (such as title, body or content, date, ' +
        'author, source, url); its first row is "foo", "bar"'
    )
    expect(reasonOf(() => csvImporter.parse('title,body\n', { fileName: 'h.csv' }))).toBe(
      'The CSV file has a header row but no rows'
    )
    expect(
      reasonOf(() => csvImporter.parse('title,body\nx,"never closed\n', { fileName: 'q.csv' }))
    ).toBe(
      'None of the 1 records in the CSV file is an article (record 1: the quote opened on line 2 is never closed, so the record was not read)'
    )
    expect(reasonOf(() => csvImporter.parse('title,body\n,\n', { fileName: 'z.csv' }))).toMatch(
      /^None of the 1 records in the CSV file is an article/
    )
  })

  it('sniffs article headers', () => {
    expect(csvImporter.sniff('title,body,date\n', 'x')).toBe(0.9)
    expect(csvImporter.sniff(fixtureText('articles-semicolon.csv'), 'x.txt')).toBe(0.9)
    expect(csvImporter.sniff('عنوان الخبر\nنص', 'x.txt')).toBe(0)
  })
})
