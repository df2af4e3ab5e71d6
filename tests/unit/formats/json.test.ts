import { describe, expect, it } from 'vitest'
import {
  MAX_JSON_DEPTH,
  jsonDepthExceeds,
  valueDepthExceeds,
  jsonImporter,
  parseJsonWithReport
} from '../../../src/main/core/import/formats/json'
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

const parse = (text: string, fileName = 'a.json') => jsonImporter.parse(text, { fileName })

describe('jsonImporter on an array in the corpus shape', () => {
  const result = parseJsonWithReport(fixtureText('articles.json'), { fileName: 'articles.json' })

  it('imports source, url, date_extracted as a day, title, author, content', () => {
    expect(result.articles[0]).toEqual({
      title: 'تدشين حديقة عامة في الحي الشمالي',
      body: 'دشنت البلدية حديقة عامة جديدة في الحي الشمالي.\nوتضم الحديقة ممشى ومساحات خضراء وملاعب للأطفال.',
      source: 'الواحة',
      url: 'https://alwaha.example/1',
      published: '2015-07-21',
      datePrecision: 'day',
      dateText: '2015-07-21 02:51:33',
      authors: ['سلمى الراشد']
    })
  })

  it('gives an empty title the file name and splits authors on the Arabic comma', () => {
    expect(result.articles[1].title).toBe('articles (2)')
    expect(result.articles[1].authors).toEqual(['فهد العتيبي', 'نورة القحطاني'])
  })

  it('reports the record with neither title nor body and skips it', () => {
    expect(result.articles).toHaveLength(3)
    expect(result.skipped).toEqual([
      {
        index: 3,
        reason:
          'it has no title and no body (fields: source, url, date_extracted, title, author, content)'
      }
    ])
  })

  it('reads other names: headline, body as paragraph list, author arrays, pubDate, id, section, tags', () => {
    const a = result.articles[2]
    expect(a.title).toBe('سوق الكتب المستعملة يعود')
    expect(a.body).toBe('الفقرة الأولى عن السوق.\nالفقرة الثانية عن الباعة.')
    expect(a.authors).toEqual(['ماجد الحربي', 'Lina Saleh, PhD'])
    expect(a.published).toBe('2015-07-21')
    expect(a.sourceId).toBe('42')
    expect(a.section).toBe('ثقافة')
    expect(a.tags).toEqual(['كتب', 'أسواق'])
  })
})

describe('jsonImporter shapes', () => {
  it('reads JSON Lines, month dates and strips markup from content', () => {
    const articles = parse(fixtureText('articles.jsonl'), 'articles.jsonl')
    expect(articles.map((a) => a.title)).toEqual(['السطر الأول', 'السطر الثاني', 'Third line'])
    expect(articles[1]).toMatchObject({ published: '2016-03-01', datePrecision: 'month' })
    expect(articles[2].body).toBe('Body with markup\nSecond paragraph')
    expect(articles[2].url).toBe('https://x.example/3')
  })

  it('reads one object, a wrapped list, and a BOM', () => {
    expect(parse('\uFEFF{"title":"واحد","content":"نص"}')).toEqual([{ title: 'واحد', body: 'نص' }])
    const wrapped = parse('{"articles":[{"title":"أ","text":"ب"},{"title":"ج","text":"د"}]}')
    expect(wrapped.map((a) => a.body)).toEqual(['ب', 'د'])
  })

  it('applies an explicit mapping over the defaults', () => {
    const text =
      '[{"headline_ar":"عنوان","text":"ملاحظة داخلية","story":"المتن","when":"2015-07-21"}]'
    const [a] = jsonImporter.parse(text, {
      fileName: 'm.json',
      mapping: { headline_ar: 'title', story: 'body', text: 'notes', when: 'published' }
    })
    expect(a).toEqual({
      title: 'عنوان',
      body: 'المتن',
      notes: 'ملاحظة داخلية',
      published: '2015-07-21',
      datePrecision: 'day',
      dateText: '2015-07-21'
    })
  })

  it('keeps a date it cannot read as date text only', () => {
    const [a] = parse('[{"title":"ت","body":"ن","date":"في وقت ما"}]')
    expect(a.published).toBeUndefined()
    expect(a.dateText).toBe('في وقت ما')
  })
})

describe('jsonImporter bad input', () => {
  it('refuses 100k nested arrays, with the reason', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000)
    expect(reasonOf(() => parse(deep))).toBe(
      `The JSON nests deeper than ${MAX_JSON_DEPTH} levels; article files are never that deep ` +
        '(the file is malformed or hostile)'
    )
  })

  it('does not count brackets inside strings as depth', () => {
    expect(jsonDepthExceeds(`{"t":"${'['.repeat(500)}\\"{{{{"}`, 3)).toBe(false)
    expect(jsonDepthExceeds('[[[[1]]]]', 3)).toBe(true)
  })

  it('measures a parsed value as deep as its text', () => {
    let seed = 5
    const next = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff
      return seed % n
    }
    const value = (depth: number): unknown => {
      if (depth === 0 || next(4) === 0) return next(2) === 0 ? 'نص [{' : next(100)
      const children = Array.from({ length: 1 + next(3) }, () => value(depth - 1))
      return next(2) === 0 ? children : Object.fromEntries(children.map((c, i) => [`k${i}`, c]))
    }
    for (let round = 0; round < 200; round++) {
      const v = value(1 + next(9))
      const text = JSON.stringify(v)
      for (const limit of [1, 2, 3, 5, 8])
        expect(valueDepthExceeds(v, limit)).toBe(jsonDepthExceeds(text, limit))
    }
  })

  it('refuses a broken file nested too deep before reading it record by record', () => {
    const deep = `[{"title":"ت","body":"ن"},${'['.repeat(100_000)}`
    expect(reasonOf(() => parse(deep))).toMatch(/nests deeper than/)
  })

  it('gives clear reasons for broken, empty and non-article JSON', () => {
    expect(reasonOf(() => parse('{"title": "x",'))).toMatch(/^The file is not valid JSON: /)
    expect(reasonOf(() => parse('   '))).toBe('The JSON file is empty')
    expect(reasonOf(() => parse('[]'))).toBe(
      'The JSON file holds no article objects (the list is empty)'
    )
    expect(reasonOf(() => parse('[1, "two"]'))).toBe(
      'The JSON file holds no article objects (expected an object or a list of objects)'
    )
    expect(reasonOf(() => parse('[{"title":""},{"url":"x"}]'))).toBe(
      'None of the 2 records in the JSON file is an article (record 1: it has no title and no ' +
        'body (fields: title); record 2: it has no title and no body (fields: url))'
    )
  })

  it('reports a bad record on its own and keeps the others (JSON Lines and arrays)', () => {
    const lines = parseJsonWithReport('{"title":"a","body":"b"}\n{"title": oops}\n{"title":"c"}', {
      fileName: 'x.jsonl'
    })
    expect(lines.articles.map((a) => a.title)).toEqual(['a', 'c'])
    expect(lines.skipped).toHaveLength(1)
    expect(lines.skipped[0]).toMatchObject({ index: 2 })
    expect(lines.skipped[0].reason).toMatch(/^it is not valid JSON \(/)
    const array = parseJsonWithReport(
      '[{"title":"a, [b]","body":"x"},{"title": "bad" "x"},{"title":"c"},{"title":"cut',
      { fileName: 'x.json' }
    )
    expect(array.articles.map((a) => a.title)).toEqual(['a, [b]', 'c'])
    expect(array.skipped.map((s) => s.index)).toEqual([2, 4])
  })

  it('reports non-objects among articles', () => {
    const result = parseJsonWithReport('[{"title":"a"}, 7]', { fileName: 'x.json' })
    expect(result.articles).toHaveLength(1)
    expect(result.skipped).toEqual([{ index: 2, reason: 'it is not a JSON object' }])
  })

  it('sniffs JSON but not a bracketed line of text', () => {
    expect(jsonImporter.sniff('[{"a":1}]', 'x')).toBe(0.9)
    expect(jsonImporter.sniff('{"a":1}\n{"a":2}', 'x')).toBe(0.9)
    expect(jsonImporter.sniff('[صورة] عنوان الخبر', 'x.txt')).toBeLessThan(0.5)
    expect(jsonImporter.sniff('عنوان', 'x.txt')).toBe(0)
  })
})
