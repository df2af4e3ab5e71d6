import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createArticle } from '../../src/main/core/articles/service'
import type { SearchBounds } from '../../src/main/core/search/bounds'
import { matchingArticleIds } from '../../src/main/core/search/matching'
import { searchArticles } from '../../src/main/core/search/service'
import { createTestArchive, type TestArchive } from '../helpers/archive'

let t: TestArchive
beforeEach(() => {
  t = createTestArchive()
})
afterEach(() => t.cleanup())

const SMALL: SearchBounds = { rankCap: 5, countCap: 8 }

const search = (query: string, bounds?: SearchBounds, limit = 20, offset = 0) =>
  searchArticles(t.archive, { query, limit, offset, facets: true }, bounds)

/** `n` articles that all hold النفط, alternating two sources, one a day from 2015-01-01. */
function addOilArticles(n: number): string[] {
  const uids: string[] = []
  for (let i = 0; i < n; i++) {
    const day = String(1 + i).padStart(2, '0')
    // the word repeated a varying number of times, so bm25 orders them differently from ids
    const repeats = 1 + ((i * 7) % 5)
    const a = createArticle(t.archive, {
      title: `تقرير رقم ${i}`,
      body: `${'ارتفعت أسعار النفط اليوم. '.repeat(repeats)}وقال محللون إن السوق ${'هادئة '.repeat(i % 3)}مستقرة.`,
      source: i % 2 ? 'عكاظ' : 'الرياض',
      published: `2015-01-${day}`
    })
    uids.push(a.uid)
  }
  return uids
}

const sum = (values: { count: number }[]): number => values.reduce((s, v) => s + v.count, 0)

describe('bounded search work', () => {
  it('counts exactly, ranks by bm25 and facets every match below the caps', () => {
    addOilArticles(4)
    const result = search('النفط', SMALL)
    expect(result.total).toBe(4)
    expect(result.totalCapped).toBe(false)
    expect(result.estimatedTotal).toBeNull()
    expect(result.rankedAmong).toBeNull()
    expect(result.ordering).toBe('relevance')
    expect(result.facetsAmong).toBeNull()
    expect(result.hits).toHaveLength(4)
    expect(sum(result.facets!.source)).toBe(4)
  })

  it('keeps the order of a small archive: the same as ranking every match', () => {
    addOilArticles(12)
    createArticle(t.archive, { title: 'النفط', body: 'النفط والغاز.', source: 'الحياة' })
    const ranked = matchingArticleIds(t.archive, 'النفط')
    const uidOf = t.archive.sqlite.prepare('SELECT uid FROM articles WHERE id = ?').pluck()
    const result = search('النفط')
    expect(result.rankedAmong).toBeNull()
    expect(result.ordering).toBe('relevance')
    expect(result.hits.map((h) => h.uid)).toEqual(ranked.map((id) => uidOf.get(id)))
    // the article with the word in its title ranks first, as before
    expect(result.hits[0].title).toBe('النفط')
  })

  it('ranks every match by bm25 up to the count cap, past the rank cap', () => {
    addOilArticles(7)
    const result = search('النفط', SMALL)
    expect(result.total).toBe(7)
    expect(result.totalCapped).toBe(false)
    expect(result.ordering).toBe('relevance')
    expect(result.rankedAmong).toBeNull()
    expect(result.hits).toHaveLength(7)
    const scores = result.hits.map((h) => h.score)
    expect(scores).toEqual([...scores].sort((a, b) => a - b))
    expect(new Set(scores).size).toBeGreaterThan(1)
  })

  it('past the count cap: a capped total with an estimate, the newest matches, titles first', () => {
    addOilArticles(16)
    // the newest article, dated before the others, with the word in its title
    createArticle(t.archive, {
      title: 'النفط يرتفع',
      body: 'ارتفع النفط.',
      source: 'الحياة',
      published: '2014-06-01'
    })
    const result = search('النفط', SMALL)
    expect(result.totalCapped).toBe(true)
    expect(result.total).toBe(8)
    // the matches are spread evenly over the archive: the estimate finds them all
    expect(result.estimatedTotal).toBe(17)
    expect(result.rankedAmong).toBe(5)
    expect(result.ordering).toBe('title-then-date')
    expect(result.facetsAmong).toBe(5)
    expect(sum(result.facets!.year)).toBe(5)
    // the 5 most recently added: the title match first, then by date
    expect(result.hits.map((h) => h.title)).toEqual([
      'النفط يرتفع',
      'تقرير رقم 15',
      'تقرير رقم 14',
      'تقرير رقم 13',
      'تقرير رقم 12'
    ])
    // a page past the collected matches is empty rather than cut from another set
    expect(search('النفط', SMALL, 20, 5).hits).toEqual([])
    const exact = search('النفط')
    expect(exact.total).toBe(17)
    expect(exact.totalCapped).toBe(false)
    expect(exact.ordering).toBe('relevance')
  })

  it('applies filters to the newest matches, and says the total is a lower bound', () => {
    addOilArticles(16)
    // عكاظ has the odd reports: the newest 5 of its 8 are 15, 13, 11, 9 and 7
    const result = search('النفط source:عكاظ', SMALL)
    expect(result.totalCapped).toBe(true)
    expect(result.total).toBe(5)
    // 5 found among the ids from report 7 on, scaled to عكاظ's span of ids: 8 in truth
    expect(result.estimatedTotal).toBe(8)
    expect(result.rankedAmong).toBe(5)
    expect(result.facets!.source).toEqual([{ value: 'عكاظ', count: 5 }])
    expect(result.hits.map((h) => h.title)).toEqual([15, 13, 11, 9, 7].map((i) => `تقرير رقم ${i}`))
    // with room for every match, counted exactly and ranked by bm25
    const whole = search('النفط source:عكاظ', { rankCap: 20, countCap: 40 })
    expect(whole.total).toBe(8)
    expect(whole.totalCapped).toBe(false)
    expect(whole.ordering).toBe('relevance')
    expect(whole.hits.every((h) => h.source === 'عكاظ')).toBe(true)
  })

  it('narrows the walk by the ids of a status, and finds nothing for a status no article has', () => {
    const uids = addOilArticles(16)
    const review = t.archive.sqlite.prepare("UPDATE articles SET status = 'reviewed' WHERE uid = ?")
    for (const i of [2, 5, 9]) review.run(uids[i])
    const titles = (query: string) =>
      search(query, SMALL)
        .hits.map((h) => h.title)
        .sort()
    expect(titles('النفط status:reviewed')).toEqual([2, 5, 9].map((i) => `تقرير رقم ${i}`))
    expect(titles('النفط status:reviewed source:عكاظ')).toEqual([5, 9].map((i) => `تقرير رقم ${i}`))
    expect(search('النفط status:catalogued', SMALL).total).toBe(0)
    // the newest 5 of the 13 still new, past the caps
    const fresh = search('النفط status:new', SMALL)
    expect(fresh.totalCapped).toBe(true)
    expect(fresh.hits.map((h) => h.title)).toEqual(
      [15, 14, 13, 12, 11].map((i) => `تقرير رقم ${i}`)
    )
  })

  it('does not rank by bm25 when one word of the query is past the count cap', () => {
    addOilArticles(16)
    createArticle(t.archive, { title: 'خبر', body: 'النفط في زنجبار.', source: 'الحياة' })
    const result = search('النفط زنجبار', SMALL)
    expect(result.total).toBe(1)
    expect(result.totalCapped).toBe(false)
    expect(result.ordering).toBe('title-then-date')
    expect(search('زنجبار', SMALL).ordering).toBe('relevance')
  })

  it('ranks a long question by bm25 however many articles match: its order is the point', () => {
    addOilArticles(16)
    const result = search('لماذا ارتفعت أسعار النفط اليوم؟', SMALL)
    expect(result.ordering).toBe('relevance')
    expect(result.rankedAmong).toBeNull()
    expect(result.hits.length).toBeGreaterThan(5)
  })

  it('lists filters alone newest first, exactly, with sampled facets', () => {
    addOilArticles(12)
    const result = search('date:2015', { rankCap: 5, countCap: 20 })
    expect(result.total).toBe(12)
    expect(result.ordering).toBe('date')
    expect(result.rankedAmong).toBeNull()
    expect(result.facetsAmong).toBe(5)
    expect(result.hits.map((h) => h.published)).toEqual([
      '2015-01-12',
      '2015-01-11',
      '2015-01-10',
      '2015-01-09',
      '2015-01-08'
    ])
    const capped = search('source:الرياض', { rankCap: 2, countCap: 3 })
    expect(capped.totalCapped).toBe(true)
    expect(capped.total).toBe(3)
    expect(capped.hits.map((h) => h.published)).toEqual(['2015-01-11', '2015-01-09'])
  })
})
