import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createArticle } from '../../src/main/core/articles/service'
import { WarraqError } from '../../src/shared/errors'
import { sidebar } from '../../src/main/core/library/service'
import {
  createSavedSearch,
  deleteSavedSearch,
  listSavedSearches,
  updateSavedSearch
} from '../../src/main/core/saved-searches/service'
import { searchArticles } from '../../src/main/core/search/service'
import { createTestArchive, type TestArchive } from '../helpers/archive'

let t: TestArchive
beforeEach(() => {
  t = createTestArchive()
  // Own fixtures, in the shape of news articles: the target and distractors sharing some words.
  createArticle(t.archive, {
    title: 'افتتاح مستشفى جديد في المدينة',
    body:
      'افتتح وزير الصحة اليوم مستشفى جديدا للأطفال في شمال المدينة بسعة مئتي سرير، ' +
      'وقال إن المستشفى سيخدم سكان القرى المجاورة الذين كانوا يقطعون مسافات طويلة للعلاج.'
  })
  createArticle(t.archive, {
    title: 'الحرب في سوريا',
    body: 'قال مسؤولون إن قوات الأسد تقدمت في ريف حلب، فيما تواصلت الاشتباكات في سوريا.'
  })
  createArticle(t.archive, {
    title: 'مؤتمر اقتصادي',
    body: 'ناقش مؤتمر في سوريا سبل إعادة الإعمار وتمويل المشاريع الصغيرة.'
  })
  createArticle(t.archive, {
    title: 'حديقة الحيوان',
    body: 'استقبلت حديقة الحيوان أسدا أفريقيا جديدا، ونقلت الصحف صورة الأسد في قفصه.'
  })
  createArticle(t.archive, {
    title: 'كلمة أمام المنظمة',
    body: 'ألقى الوزير كلمة وللأمم المتحدة دور في الإغاثة، كما قال، وبالأمم المتحدة نثق.'
  })
})
afterEach(() => t.cleanup())

const search = (query: string) =>
  searchArticles(t.archive, { query, limit: 20, offset: 0, facets: false })

function refusal(run: () => unknown): WarraqError {
  try {
    run()
  } catch (err) {
    if (err instanceof WarraqError) return err
    throw err
  }
  throw new Error('expected a refusal')
}

describe('queries as people type them', () => {
  it('finds the article of a pasted 15-word sentence that no article holds word for word', () => {
    const sentence =
      'متى افتتح وزير الصحة المستشفى الجديد المخصص للأطفال في المدينة وكم سريرا يضم هذا المستشفى'
    expect(sentence.split(' ')).toHaveLength(15)
    const result = search(sentence)
    expect(result.total).toBeGreaterThan(0)
    expect(result.hits[0].title).toBe('افتتاح مستشفى جديد في المدينة')
  })

  it('keeps requiring every word of a short query', () => {
    expect(search('مؤتمر سوريا').hits.map((h) => h.title)).toEqual(['مؤتمر اقتصادي'])
    expect(search('مؤتمر حلب').total).toBe(0)
  })

  it('reads AND and a lone و as operators, not as words', () => {
    const both = ['الحرب في سوريا']
    expect(search('سوريا AND الأسد').hits.map((h) => h.title)).toEqual(both)
    expect(search('سوريا و الأسد').hits.map((h) => h.title)).toEqual(both)
  })

  it('requires +words and AND-joined words inside a long query', () => {
    const titles = search('أخبار قوات الجيش والاشتباكات في الريف +حلب').hits.map((h) => h.title)
    expect(titles).toEqual(['الحرب في سوريا'])
  })

  it('finds a phrase whose first word carries a clitic in the text', () => {
    const result = search('"الأمم المتحدة"')
    expect(result.hits.map((h) => h.title)).toEqual(['كلمة أمام المنظمة'])
    const h = result.hits[0]
    const marked = h.highlights.map(([s, e]) => h.snippet.slice(s, e))
    expect(marked).toEqual(['وللأمم المتحدة', 'وبالأمم المتحدة'])
  })

  it('answers a lone OR or * with a message that has a key and a position', () => {
    for (const q of ['OR', ' *', 'AND']) {
      const err = refusal(() => search(q))
      expect(err.code).toBe('query_syntax')
      expect(err.detail?.key).toBe('query.operator_alone')
      expect(err.detail?.params?.position).toBe(q.indexOf(q.trim()))
    }
  })

  it('refuses a query of 1,660 tag: filters at once, with its code and key', () => {
    const query = Array.from({ length: 1_660 }, (_, i) => `tag:t${i}`).join(' ')
    const err = refusal(() => search(query))
    expect(err.code).toBe('query_syntax')
    expect(err.detail?.key).toBe('query.too_many_filters')
    expect(err.detail?.params).toMatchObject({ count: 1_660, max: 64 })
  })
})

describe('saved searches with limits', () => {
  const huge = Array.from({ length: 1_660 }, (_, i) => `tag:t${i}`).join(' ')

  it('refuses a saved search over the limits when it is saved, and stores nothing', () => {
    const err = refusal(() => createSavedSearch(t.archive, { name: 'كبير', query: huge }))
    expect(err.detail?.key).toBe('query.too_many_filters')
    expect(listSavedSearches(t.archive)).toEqual([])
    const ok = createSavedSearch(t.archive, { name: 'سوريا', query: 'سوريا' })
    expect(() => updateSavedSearch(t.archive, { uid: ok.uid, query: huge })).toThrow(WarraqError)
    expect(listSavedSearches(t.archive)[0].query).toBe('سوريا')
  })

  it('shows a stored saved search that cannot be counted as such; the sidebar still works', () => {
    // as an older version stored it, before the limits
    t.archive.sqlite
      .prepare("INSERT INTO saved_searches (uid, name, query) VALUES ('old1', 'قديم', ?)")
      .run(huge)
    createSavedSearch(t.archive, { name: 'سوريا', query: 'سوريا' })
    const listed = listSavedSearches(t.archive)
    const old = listed.find((s) => s.uid === 'old1')
    expect(old?.count).toBeNull()
    expect(old?.problem?.key).toBe('query.too_many_filters')
    expect(listed.find((s) => s.name === 'سوريا')?.count).toBe(2)
    expect(sidebar(t.archive).savedSearches).toHaveLength(2)
    // it can be repaired or deleted
    expect(updateSavedSearch(t.archive, { uid: 'old1', query: 'tag:t1' }).count).toBe(0)
    expect(deleteSavedSearch(t.archive, 'old1')).toEqual({ uid: 'old1' })
  })
})
