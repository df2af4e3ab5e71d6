import { describe, expect, it } from 'vitest'
import {
  ANNOTATION_CSV_COLUMNS,
  ARTICLE_CSV_COLUMNS,
  CsvParser,
  CsvSyntaxError,
  MULTI_VALUE_SEPARATOR,
  UTF8_BOM,
  csvField,
  csvRow,
  parseCsv,
  unguardFormula
} from '@shared/csv'

const HOSTILE = [
  '',
  'plain',
  'with "quotes" inside',
  '"',
  '""',
  'comma, and; semicolon',
  'line\nbreak',
  'crlf\r\nbreak',
  'lone\rcr',
  '=SUM(A1:A9)',
  '+1',
  '-2',
  '@cmd',
  '\tTAB first',
  '\rCR first',
  "'quoted by the author",
  "'=already guarded looking",
  "''+double",
  "'",
  'سلمى الراشد، فهد العتيبي',
  'emoji 📰🗞️ and 👩🏽‍💻',
  '\u202Ebidi override\u202C and \u2067isolate\u2069 \u200Fmark',
  ' leading and trailing spaces ',
  'a | b | c'
]

describe('csvField / csvRow', () => {
  it('quotes every field and doubles inner quotes', () => {
    expect(csvField('a"b')).toBe('"a""b"')
    expect(csvField('')).toBe('""')
    expect(csvRow(['a', 'b,c'])).toBe('"a","b,c"\r\n')
  })

  it('guards cells a spreadsheet would run as formulas', () => {
    for (const v of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(csvField(v)).toBe(`"'${v}"`)
    }
    expect(csvField("'plain")).toBe(`"'plain"`)
    expect(csvField("'=x")).toBe(`"''=x"`)
  })

  it('exposes the standard columns and constants', () => {
    expect(UTF8_BOM).toBe('\uFEFF')
    expect(MULTI_VALUE_SEPARATOR).toBe(' | ')
    expect(ARTICLE_CSV_COLUMNS[0]).toBe('uid')
    expect(ARTICLE_CSV_COLUMNS.at(-1)).toBe('body')
    expect(ANNOTATION_CSV_COLUMNS).toContain('exact')
  })
})

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, CRLF, LF and newlines inside quotes', () => {
    const text = 'a,"b ""q""",c\r\n"multi\nline",,x\n'
    expect(parseCsv(text)).toEqual([
      ['a', 'b "q"', 'c'],
      ['multi\nline', '', 'x']
    ])
  })

  it('strips the BOM and reads a last row without newline', () => {
    expect(parseCsv(`${UTF8_BOM}h1,h2\n1,2`)).toEqual([
      ['h1', 'h2'],
      ['1', '2']
    ])
  })

  it('takes another delimiter', () => {
    expect(parseCsv('a;b\t;c', { delimiter: ';' })).toEqual([['a', 'b\t', 'c']])
    expect(parseCsv('a\tb', { delimiter: '\t' })).toEqual([['a', 'b']])
  })

  it('skips blank lines but keeps a row of one empty quoted field', () => {
    expect(parseCsv('a\n\n""\n\n')).toEqual([['a'], ['']])
  })

  it('is lenient with stray quotes, strict with an unclosed one', () => {
    expect(parseCsv('ab"c,"d"e\n')).toEqual([['ab"c', 'de']])
    expect(() => parseCsv('a,"never closed\nmore')).toThrow(CsvSyntaxError)
    expect(() => parseCsv('a,"never closed\nmore')).toThrow(/starts on line 1 is never closed/)
  })

  it('gives the same rows when fed in chunks of any size', () => {
    const text = HOSTILE.map((v) => csvRow([v, v])).join('')
    const whole = parseCsv(text)
    for (const size of [1, 2, 3, 7, 64]) {
      const parser = new CsvParser()
      const rows: string[][] = []
      for (let i = 0; i < text.length; i += size) rows.push(...parser.push(text.slice(i, i + size)))
      rows.push(...parser.end())
      expect(rows).toEqual(whole)
    }
  })
})

describe('round trip writer → reader → unguard', () => {
  it('returns every hostile value byte for byte', () => {
    const text = UTF8_BOM + csvRow(['value', 'again']) + HOSTILE.map((v) => csvRow([v, v])).join('')
    const rows = parseCsv(text)
    expect(rows[0]).toEqual(['value', 'again'])
    const back = rows.slice(1).map((r) => r.map(unguardFormula))
    expect(back).toEqual(HOSTILE.map((v) => [v, v]))
  })

  it('removes exactly one guard and leaves real leading quotes', () => {
    expect(unguardFormula("'=1")).toBe('=1')
    expect(unguardFormula("''=1")).toBe("'=1")
    expect(unguardFormula("'hello")).toBe("'hello")
    expect(unguardFormula("'")).toBe("'")
  })
})
