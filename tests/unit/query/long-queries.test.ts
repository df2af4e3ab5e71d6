import { describe, expect, it } from 'vitest'
import { LONG_QUERY_WORDS, MAX_QUERY_FILTERS, buildFtsMatch, parseQuery } from '@shared/query'
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

const norms = (groups: SearchQuery['groups'] | undefined): string[] =>
  (groups ?? []).flatMap((g) => g.map((t) => (t.kind === 'word' ? t.norm : t.words.join(' '))))

describe('short and long queries', () => {
  it(`requires every word up to ${LONG_QUERY_WORDS} words`, () => {
    const q = ok('وزير الخارجية الروسي')
    expect(q.groups).toHaveLength(3)
    expect(q.optional).toBeUndefined()
  })

  it('ranks a longer query by its words, function words left out', () => {
    const q = ok('زار وزير الخارجية الروسي الجزائر في جولة')
    expect(q.groups).toEqual([])
    expect(norms(q.optional)).toEqual(['زار', 'وزير', 'الخارجيه', 'الروسي', 'الجزائر', 'جوله'])
    expect(buildFtsMatch(q, { variantGroups: [] })).toContain(' OR ')
  })

  it('reads a question as a long query whatever its length', () => {
    expect(ok('متى استقلت الهند؟').groups).toEqual([])
    expect(norms(ok('متى استقلت الهند').optional)).toEqual(['استقلت', 'الهند'])
  })

  it('keeps +words, phrases and AND-joined words required in a long query', () => {
    const q = ok('أخبار الحرب في الشمال والجنوب +حلب "الأمم المتحدة" سوريا AND الأسد')
    expect(norms(q.groups)).toEqual(['حلب', 'الامم المتحده', 'سوريا', 'الاسد'])
    expect(norms(q.optional)).toEqual(['اخبار', 'الحرب', 'الشمال', 'والجنوب'])
  })

  it('reads AND and a lone و as operators in a short query', () => {
    expect(norms(ok('سوريا AND الأسد').groups)).toEqual(['سوريا', 'الاسد'])
    expect(norms(ok('سوريا و الأسد').groups)).toEqual(['سوريا', 'الاسد'])
  })

  it('reads a stray quote in a pasted sentence as punctuation, not in a short query', () => {
    expect(norms(ok('ماذا وجد الرسول عندما وصل "ذا العشيرة؟').optional)).toContain('العشيره')
    expect(fail('الحرب "على').key).toBe('query.unclosed_quote')
  })
})

describe('messages and limits', () => {
  it.each(['OR', 'AND', '*', 'OR OR', ' * '])('%j alone gets a message', (input) => {
    const e = fail(input)
    expect(e.key).toBe('query.operator_alone')
    expect(e.position).toBe(input.search(/\S/))
    expect(e.params.position).toBe(e.position)
  })

  it('refuses more filters than the cap before reading any of them', () => {
    const query = Array.from({ length: 1_660 }, (_, i) => `tag:t${i}`).join(' ')
    const e = fail(query)
    expect(e.key).toBe('query.too_many_filters')
    expect(e.params).toEqual({ count: 1_660, max: MAX_QUERY_FILTERS, position: 0 })
    const atCap = Array.from({ length: MAX_QUERY_FILTERS }, (_, i) => `tag:t${i}`).join(' ')
    expect(ok(atCap).filters.tags).toHaveLength(MAX_QUERY_FILTERS)
  })

  it('gives every error a key and parameters', () => {
    expect(fail('date:2015-13')).toMatchObject({
      key: 'query.date_month',
      params: { value: '2015-13', position: 0 }
    })
    expect(fail('x foo:bar')).toMatchObject({ key: 'query.unknown_filter', position: 2 })
  })
})
