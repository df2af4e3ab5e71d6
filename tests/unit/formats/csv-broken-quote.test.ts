import { describe, expect, it } from 'vitest'
import { csvRecords, parseCsvWithReport } from '../../../src/main/core/import/formats/csv'
import { readCsvRows } from '../../../src/main/core/import/formats/csv-recover'
import { parseFile, skippedReason } from '../../../src/main/core/import/parse-file'
import { fixtureBytes, fixtureText } from './fixture'

describe('a CSV file with one quote never closed', () => {
  it('reads the other records, the multi-line one included, and names the broken one by line', () => {
    const result = parseCsvWithReport(fixtureText('broken-quote.csv'), { fileName: 'b.csv' })
    expect(result.articles.map((a) => a.title)).toEqual([
      'افتتاح المكتبة العامة',
      'مهرجان التمور',
      'معرض الكتاب',
      'موسم الأمطار'
    ])
    expect(result.articles[1].body).toBe('انطلق مهرجان التمور\nبمشاركة واسعة من المزارعين.')
    expect(result.articles[2].body).toBe('افتتح معرض الكتاب أبوابه للزوار.')
    expect(result.skipped).toEqual([
      {
        index: 3,
        line: 5,
        reason: 'the quote opened on line 5 is never closed, so the record was not read'
      }
    ])
  })

  it('reports it on the file line, imported in part, with a key and the line', () => {
    const parsed = parseFile({
      path: 'b.csv',
      name: 'b.csv',
      bytes: fixtureBytes('broken-quote.csv')
    })
    expect(parsed.articles).toHaveLength(4)
    expect(parsed.skipped.map((s) => s.line)).toEqual([5])
    const reason = skippedReason(parsed.skipped, 0)
    expect(reason?.reasonRef).toEqual({
      key: 'import.csv_unclosed_quote',
      params: { count: 1, line: 5 }
    })
    expect(reason?.reason).toContain('record 3: the quote opened on line 5 is never closed')
  })

  it('recovers a quote left open at the very end, and one that swallows unquoted rows', () => {
    const atEnd = readCsvRows('title,body\na,b\nc,"never closed\n', ',')
    expect(atEnd.rows).toEqual([
      ['title', 'body'],
      ['a', 'b']
    ])
    expect(atEnd.broken).toEqual([{ line: 3, at: 2 }])
    const swallowing = readCsvRows('t,b\nx,"open\ny,plain\n"z",w\n', ',')
    expect(swallowing.rows).toEqual([
      ['t', 'b'],
      ['y', 'plain'],
      ['z', 'w']
    ])
    expect(swallowing.broken).toEqual([{ line: 2, at: 1 }])
  })

  it('leaves a well-formed file, stray quotes in plain fields included, to the strict reader', () => {
    const text = 'title,body\nعنوان "مقتبس",شاشة 5" بوصة\n"a","b\nc"\n'
    expect(readCsvRows(text, ',')).toEqual({
      rows: [
        ['title', 'body'],
        ['عنوان "مقتبس"', 'شاشة 5" بوصة'],
        ['a', 'b\nc']
      ],
      broken: []
    })
  })

  it('fails the whole file only when the header row itself is broken', () => {
    expect(() => csvRecords('"title,body\nx,y\n')).toThrow(/header row \(line 1\)/)
  })

  it('shows the readable records in the mapping preview', () => {
    const { records } = csvRecords(fixtureText('broken-quote.csv'))
    expect(records).toHaveLength(4)
  })
})
