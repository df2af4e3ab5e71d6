import { describe, expect, it } from 'vitest'
import { MAX_QUERY_TERMS, parseQuery } from '@shared/query'
import type { QueryError, SearchQuery } from '@shared/query'

function ok(input: string): SearchQuery {
  const parsed = parseQuery(input)
  if (!parsed.ok) throw new Error(`expected ${input} to parse: ${parsed.error.message}`)
  return parsed.query
}

function fail(input: string): QueryError {
  const parsed = parseQuery(input)
  if (parsed.ok) throw new Error(`expected ${input} to fail`)
  return parsed.error
}

const word = (norm: string, stem: string, exact = false, prefix = false): object => ({
  kind: 'word',
  norm,
  stem,
  exact,
  prefix
})

describe('parseQuery: terms', () => {
  it('normalises and stems words, ANDed in separate groups', () => {
    expect(ok('المستشفيات في سوريةَ').groups).toEqual([
      [word('المستشفيات', 'مستشف')],
      [word('في', 'في')],
      [word('سوريه', 'سور')]
    ])
  })

  it('reads phrases in ASCII, typographic and Arabic quotes', () => {
    const phrase = { kind: 'phrase', words: ['الامم', 'المتحده'] }
    expect(ok('"الأمم المتحدة"').groups).toEqual([[phrase]])
    expect(ok('«الأمم المتحدة»').groups).toEqual([[phrase]])
    expect(ok('“الأمم المتحدة”').groups).toEqual([[phrase]])
  })

  it('turns a one-word phrase into an exact word', () => {
    expect(ok('"الجزائري"').groups).toEqual([[word('الجزائري', 'الجزائري', true)]])
  })

  it('joins terms with OR and with the Arabic أو', () => {
    expect(ok('لبنان OR سوريا ليبيا').groups).toEqual([
      [word('لبنان', 'لبنان'), word('سوريا', 'سوريا')],
      [word('ليبيا', 'ليبيا')]
    ])
    expect(ok('لبنان أو سوريا').groups).toHaveLength(1)
    expect(ok('لبنان or سوريا').groups).toHaveLength(3) // lowercase or is a word
  })

  it('ignores a dangling or doubled OR so half-typed queries still search', () => {
    expect(ok('OR لبنان OR').groups).toEqual([[word('لبنان', 'لبنان')]])
    expect(ok('a OR OR b').groups).toHaveLength(1)
  })

  it('reads exclusions, prefixes and exact words', () => {
    const q = ok('الحرب -سوريا -"الأمم المتحدة" اقتصاد* =الجزائري')
    expect(q.groups).toEqual([
      [word('الحرب', 'حرب')],
      [word('اقتصاد', 'اقتصاد', false, true)],
      [word('الجزائري', 'الجزائري', true)]
    ])
    expect(q.excluded).toEqual([
      word('سوريا', 'سوريا'),
      { kind: 'phrase', words: ['الامم', 'المتحده'] }
    ])
  })

  it('splits chunks with punctuation into phrases and drops empty terms', () => {
    expect(ok('covid-19').groups).toEqual([[{ kind: 'phrase', words: ['covid', '19'] }]])
    expect(ok('... ، - ( ) ""').groups).toEqual([])
    // a bare * beside nothing else is an operator alone: a message, not silence
    expect(fail('... ، * - ( ) ""').key).toBe('query.operator_alone')
    expect(ok('(لبنان)').groups).toEqual([[word('لبنان', 'لبنان')]])
  })

  it('treats URLs as plain words', () => {
    expect(ok('https://example.com/a').groups).toEqual([
      [{ kind: 'phrase', words: ['https', 'example', 'com', 'a'] }]
    ])
  })

  it('accepts an empty query', () => {
    expect(ok('   ')).toEqual(ok(''))
    expect(ok('').groups).toEqual([])
  })
})

describe('parseQuery: filters', () => {
  it('reads text filters, quoted or not', () => {
    const f = ok(
      'source:"الشرق الأوسط" author:لافروف tag:سياسة collection:أرشيف entity:داعش'
    ).filters
    expect(f.sources).toEqual(['الشرق الأوسط'])
    expect(f.authors).toEqual(['لافروف'])
    expect(f.tags).toEqual(['سياسة'])
    expect(f.collections).toEqual(['أرشيف'])
    expect(f.entities).toEqual(['داعش'])
  })

  it.each([
    ['date:2016', { start: '2016-01-01', end: '2016-12-31' }],
    ['date:2016-02', { start: '2016-02-01', end: '2016-02-29' }],
    ['date:2015-02', { start: '2015-02-01', end: '2015-02-28' }],
    ['date:2016-02-29', { start: '2016-02-29', end: '2016-02-29' }],
    ['date:2015-07..2016-02', { start: '2015-07-01', end: '2016-02-29' }],
    ['date:..2016', { start: null, end: '2016-12-31' }],
    ['date:2015..', { start: '2015-01-01', end: null }],
    ['date:٢٠١٦-٠٣', { start: '2016-03-01', end: '2016-03-31' }]
  ])('%s', (input, range) => {
    expect(ok(input).filters.dates).toEqual([range])
  })

  it('reads has: and status:, case-insensitively', () => {
    const f = ok('has:annotations status:Reviewed status:new').filters
    expect(f.hasAnnotations).toBe(true)
    expect(f.statuses).toEqual(['reviewed', 'new'])
  })

  it('keeps words beside filters', () => {
    const q = ok('الإرهاب source:العربي date:2016')
    expect(q.groups).toEqual([[word('الارهاب', 'ارهاب')]])
    expect(q.filters.sources).toEqual(['العربي'])
  })
})

describe('parseQuery: errors', () => {
  it.each([
    ['الحرب "على الإرهاب', 'Unclosed quote at position 6', 6],
    ['source:"الشرق', 'Unclosed quote at position 7', 7],
    [
      'foo:bar',
      'Unknown filter "foo:" — known filters are source:, author:, tag:, collection:, entity:, date:, has:, status:, id:, docno:',
      0
    ],
    ['date:2015-13', 'Invalid date "2015-13": months go from 01 to 12', 0],
    ['date:2015-02-29', 'Invalid date "2015-02-29": February 2015 has 28 days', 0],
    ['date:16', 'Invalid date "16": use YYYY, YYYY-MM or YYYY-MM-DD', 0],
    ['date:2016..2015', 'The date range "2016..2015" ends before it starts', 0],
    ['date:..', 'Invalid date range "..": give a start, an end or both', 0],
    ['x source:', 'The filter "source:" needs a value, for example source:"الشرق الأوسط"', 2],
    ['has:notes', 'Unknown value "notes" for has: — the only one is has:annotations', 0],
    [
      'status:done',
      'Unknown status "done" — use status:new, status:catalogued, status:reviewed',
      0
    ],
    ['a -source:x', 'Excluding a filter ("-source:") is not supported', 2],
    ['-سوريا -ليبيا', 'Add at least one word to search for besides the excluded ones', 0],
    ['source:x -سوريا', 'Add at least one word to search for besides the excluded ones', 9],
    ['a OR -b', 'OR cannot join an excluded term (position 2)', 2],
    ['-b OR a', 'OR cannot join an excluded term (position 3)', 3],
    ['a OR tag:x', 'OR can only join words and phrases, not filters (position 2)', 2]
  ])('%s', (input, message, position) => {
    expect(fail(input)).toMatchObject({ message, position, params: { position } })
    expect(fail(input).key).toMatch(/^query\.[a-z_]+$/)
  })

  it('limits the number of terms', () => {
    const words = Array.from({ length: MAX_QUERY_TERMS + 1 }, (_, i) => `w${i}`).join(' ')
    expect(fail(words).message).toBe(`The query has too many words; use at most ${MAX_QUERY_TERMS}`)
    expect(fail(words).key).toBe('query.too_many_words')
    // that many words is a long query: every one of them ranks, none is required
    expect(ok(words.split(' ').slice(1).join(' ')).optional).toHaveLength(MAX_QUERY_TERMS)
  })
})
