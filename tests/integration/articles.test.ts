import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createArticle,
  emptyTrash,
  getArticle,
  listArticles,
  listRevisions,
  restoreArticle,
  restoreRevision,
  trashArticle,
  updateArticle
} from '../../src/main/core/articles/service'
import { createTestArchive, type TestArchive } from '../helpers/archive'

let t: TestArchive
beforeEach(() => {
  t = createTestArchive()
})
afterEach(() => t.cleanup())

const sample = {
  title: 'وزير الخارجية يزور الجزائر',
  body: 'وصل وزير الخارجية إلى الجزائر صباح اليوم.\nوبحث مع نظيره ملفات المنطقة.',
  source: 'العربي الجديد',
  authors: ['سارة أحمد', 'Karim Benali'],
  published: '2016-02-29',
  datePrecision: 'day' as const,
  dateText: '29 فبراير 2016',
  tags: ['سياسة/دولية'],
  collections: ['الجزائر']
}

describe('articles', () => {
  it('creates an article with a stable uid, version 1 and its metadata', () => {
    const a = createArticle(t.archive, sample)
    expect(a.uid).toMatch(/^[0-9a-f-]{36}$/)
    expect(a.version).toBe(1)
    expect(a.source).toBe('العربي الجديد')
    expect(a.authors).toEqual(['سارة أحمد', 'Karim Benali'])
    expect(a.tags).toEqual(['سياسة/دولية'])
    expect(a.collections).toEqual(['الجزائر'])
    expect(getArticle(t.archive, a.uid).body).toBe(sample.body)
  })

  it('updates with the current version, writes a revision per save, and refuses a stale version', () => {
    const a = createArticle(t.archive, sample)
    const b = updateArticle(t.archive, { uid: a.uid, version: 1, title: 'عنوان جديد' })
    expect(b.version).toBe(2)
    expect(b.title).toBe('عنوان جديد')
    expect(b.body).toBe(sample.body)
    expect(() => updateArticle(t.archive, { uid: a.uid, version: 1, title: 'x' })).toThrow(
      /changed elsewhere/
    )
    const revisions = listRevisions(t.archive, a.uid)
    expect(revisions.map((r) => r.version)).toEqual([2, 1])
    expect(revisions[0].title).toBe('عنوان جديد')
  })

  it('restores a revision as a new revision', () => {
    const a = createArticle(t.archive, sample)
    updateArticle(t.archive, { uid: a.uid, version: 1, body: 'نص مختلف تماماً', tags: [] })
    const restored = restoreRevision(t.archive, a.uid, 1)
    expect(restored.version).toBe(3)
    expect(restored.body).toBe(sample.body)
    expect(restored.tags).toEqual(['سياسة/دولية'])
    expect(listRevisions(t.archive, a.uid)[0].reason).toBe('restore 1')
  })

  it('moves deleted articles to a trash they can be restored from', () => {
    const a = createArticle(t.archive, sample)
    trashArticle(t.archive, a.uid)
    expect(listArticles(t.archive, {}).total).toBe(0)
    expect(listArticles(t.archive, { trash: true }).items.map((i) => i.uid)).toEqual([a.uid])
    restoreArticle(t.archive, a.uid)
    expect(listArticles(t.archive, {}).total).toBe(1)
    trashArticle(t.archive, a.uid)
    expect(emptyTrash(t.archive)).toBe(1)
    expect(() => getArticle(t.archive, a.uid)).toThrow(/No article/)
  })

  it('pages through the library by keyset in every sort order without gaps or repeats', () => {
    const titles: string[] = []
    for (let i = 0; i < 57; i++) {
      const title = `مقال ${String(i).padStart(3, '0')}`
      titles.push(title)
      createArticle(t.archive, {
        title,
        body: `نص ${i}`,
        published: i % 5 === 0 ? null : `2015-0${(i % 9) + 1}-1${i % 10}`
      })
    }
    for (const sort of ['updated', 'created', 'published', 'title'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const seen: string[] = []
        let cursor: string | null = null
        do {
          const page = listArticles(t.archive, { sort, direction, limit: 10, cursor })
          expect(page.total).toBe(57)
          seen.push(...page.items.map((i) => i.title))
          cursor = page.nextCursor
        } while (cursor)
        expect(seen).toHaveLength(57)
        expect(new Set(seen).size).toBe(57)
        if (sort === 'title') {
          const sorted = [...titles].sort()
          expect(seen).toEqual(direction === 'asc' ? sorted : sorted.reverse())
        }
      }
    }
  })

  it('rejects a cursor it did not give out', () => {
    expect(() => listArticles(t.archive, { cursor: 'bm90IGEgY3Vyc29y' })).toThrow(/cursor/)
  })
})
