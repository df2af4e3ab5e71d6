import { describe, expect, it } from 'vitest'
import { parseQuery, queryFilters, withFilter, withoutFilter } from '../../../src/shared/query'

describe('a query’s filters as chips', () => {
  it('finds each filter with its place in the typed query', () => {
    const q = 'الرياض source:"عكاظ اليوم" -tag:سياسة date:2015'
    const filters = queryFilters(q)
    expect(filters.map((f) => [f.name, f.value, f.negated])).toEqual([
      ['source', 'عكاظ اليوم', false],
      ['tag', 'سياسة', true],
      ['date', '2015', false]
    ])
    expect(filters.map((f) => q.slice(f.start, f.end))).toEqual([
      'source:"عكاظ اليوم"',
      '-tag:سياسة',
      'date:2015'
    ])
  })

  it('takes one filter out and leaves the rest as typed', () => {
    const q = 'الرياض  "قمة الخليج" source:"عكاظ اليوم" -tag:سياسة'
    const [source, tag] = queryFilters(q)
    expect(withoutFilter(q, source)).toBe('الرياض  "قمة الخليج" -tag:سياسة')
    expect(withoutFilter(q, tag)).toBe('الرياض  "قمة الخليج" source:"عكاظ اليوم"')
    const only = 'tag:اقتصاد'
    expect(withoutFilter(only, queryFilters(only)[0])).toBe('')
  })

  it('adds a filter that parses back to the same value', () => {
    const q = withFilter('الرياض ', 'source', 'عكاظ اليوم')
    expect(q).toBe('الرياض source:"عكاظ اليوم"')
    const parsed = parseQuery(q)
    expect(parsed.ok && parsed.query.filters.sources).toEqual(['عكاظ اليوم'])
    expect(withFilter('', 'tag', 'اقتصاد')).toBe('tag:اقتصاد')
  })

  it('shows no chips for a query that does not lex', () => {
    expect(queryFilters('source:"عكاظ')).toEqual([])
  })
})
