import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ArticleSortKey } from '../../src/shared/contract/articles'
import { ARTICLE_SORT_KEYS } from '../../src/shared/contract/articles'
import { createArticle, listArticles, updateArticle } from '../../src/main/core/articles/service'
import { createCollection, moveInCollection } from '../../src/main/core/collections/service'
import { addToCollection } from '../../src/main/core/collections/service'
import { articleIdsByUid } from '../../src/main/core/library/ids'
import { createTestArchive, type TestArchive } from '../helpers/archive'

let t: TestArchive
beforeEach(() => {
  t = createTestArchive()
})
afterEach(() => t.cleanup())

const SOURCES = ['الرياض', 'عكاظ', null, 'الوطن']
const STATUSES = ['new', 'catalogued', 'reviewed'] as const

function seed(n: number): string[] {
  const uids: string[] = []
  for (let i = 0; i < n; i++) {
    const a = createArticle(t.archive, {
      title: `${'أبتثجحخ'[i % 7]} مقال ${i}`,
      body: `نص المقال رقم ${i} عن ${i % 2 ? 'النفط' : 'التعليم'}`,
      source: SOURCES[i % SOURCES.length],
      authors: i % 3 ? [`كاتب ${i % 5}`] : [],
      published: i % 4 ? `2015-${String((i % 12) + 1).padStart(2, '0')}-10` : null,
      status: STATUSES[i % 3],
      tags: i % 2 ? ['سياسة/دولية'] : ['اقتصاد']
    })
    uids.push(a.uid)
  }
  return uids
}

/** Walks every page and returns the uids in order. */
function walk(sort: ArticleSortKey, direction: 'asc' | 'desc', extra = {}): string[] {
  const seen: string[] = []
  let cursor: string | null = null
  do {
    const page = listArticles(t.archive, { sort, direction, limit: 7, cursor, ...extra })
    seen.push(...page.items.map((i) => i.uid))
    cursor = page.nextCursor
  } while (cursor)
  return seen
}

describe('library list', () => {
  it('pages through every sort key in both directions, each article once, in order', () => {
    const uids = seed(40)
    for (const sort of ARTICLE_SORT_KEYS.filter((k) => k !== 'position')) {
      for (const direction of ['asc', 'desc'] as const) {
        const seen = walk(sort, direction)
        expect(new Set(seen).size, `${sort} ${direction}`).toBe(uids.length)
        expect(seen).toHaveLength(uids.length)
      }
    }
    const bySource = listArticles(t.archive, { sort: 'source', direction: 'asc', limit: 100 })
    const names = bySource.items.map((i) => i.source)
    // alphabetical (الرياض, الوطن, عكاظ), articles without a source last
    expect([...new Set(names)]).toEqual(['الرياض', 'الوطن', 'عكاظ', null])
    const byStatus = walk('status', 'desc')
    expect(byStatus).toHaveLength(40)
  })

  it('jumps to a sort value by keyset seek', () => {
    seed(30)
    const page = listArticles(t.archive, { sort: 'title', direction: 'asc', from: 'ث', limit: 3 })
    expect(page.items[0].title.startsWith('ث')).toBe(true)
    const dated = listArticles(t.archive, {
      sort: 'published',
      direction: 'desc',
      from: '2015-06',
      limit: 3
    })
    expect(dated.items[0].published).toBe('2015-06-10')
    const source = listArticles(t.archive, { sort: 'source', direction: 'asc', from: 'ع' })
    expect(source.items[0].source).toBe('عكاظ')
  })

  it('filters by query, tag (with its children), collection order, and shows labels', () => {
    const uids = seed(12)
    const q = listArticles(t.archive, { query: 'النفط' })
    expect(q.total).toBe(6)
    expect(listArticles(t.archive, { query: 'status:reviewed' }).total).toBe(4)
    expect(listArticles(t.archive, { tag: 'سياسة' }).total).toBe(6)
    const c = createCollection(t.archive, { name: 'ملف' })
    const picked = [uids[5], uids[2], uids[9]]
    addToCollection(t.archive, c.uid, articleIdsByUid(t.archive, picked))
    moveInCollection(t.archive, { uid: c.uid, articles: [uids[9]], before: uids[5] })
    const inOrder = listArticles(t.archive, {
      collection: c.uid,
      sort: 'position',
      direction: 'asc'
    })
    expect(inOrder.items.map((i) => i.uid)).toEqual([uids[9], uids[5], uids[2]])
    expect(inOrder.items[0].collections).toEqual(['ملف'])
    expect(inOrder.items[0].tags).toEqual(['سياسة/دولية'])
  })

  it('walks an index for every offered sort, never a sort of the whole table', () => {
    seed(5)
    const plan = (sql: string): string =>
      (t.archive.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join('; ')
    for (const key of [
      'a.updated_at',
      'a.title_key',
      "ifnull(a.published, '')",
      'a.author_key',
      'a.status'
    ]) {
      const p = plan(
        `SELECT a.id FROM articles a WHERE +a.deleted_at IS NULL AND (${key}, a.id) > ('x', 1) ORDER BY ${key}, a.id LIMIT 10`
      )
      expect(p, key).not.toContain('TEMP B-TREE')
    }
    const bySource = plan(
      'SELECT a.id FROM sources s CROSS JOIN articles a ON a.source_id = s.id WHERE +a.deleted_at IS NULL ORDER BY s.name_key, s.id, a.id LIMIT 10'
    )
    expect(bySource).not.toContain('TEMP B-TREE')
  })
})

describe('library in Arabic alphabetical order', () => {
  const TITLES = ['ابتسام', 'إبراهيم', '"الخبر" العاجل', 'أحمد', 'آمنة', 'احمد', 'بدر', '', 'يوم']
  const ORDER = ['ابتسام', 'إبراهيم', 'أحمد', 'احمد', '"الخبر" العاجل', 'آمنة', 'بدر', 'يوم']

  function seedTitles(): void {
    TITLES.forEach((title, i) =>
      createArticle(t.archive, {
        title,
        body: `نص ${i}`,
        source: title ? title.replace(/"/g, '') : null,
        authors: title ? [title] : []
      })
    )
  }

  /** Titles, sources or first authors of every page, three at a time, across the empty segment. */
  function values(sort: 'title' | 'source' | 'authors', direction: 'asc' | 'desc'): string[] {
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page = listArticles(t.archive, { sort, direction, limit: 3, cursor })
      for (const item of page.items) {
        seen.push(
          sort === 'title'
            ? item.title
            : sort === 'source'
              ? (item.source ?? '')
              : (item.authors[0] ?? '')
        )
      }
      cursor = page.nextCursor
    } while (cursor)
    return seen
  }

  it('interleaves أ إ آ with ا, ignores a leading quote, and lists empty titles last', () => {
    seedTitles()
    expect(values('title', 'asc')).toEqual([...ORDER, ''])
    expect(values('title', 'desc')).toEqual([...ORDER].reverse().concat(''))
    expect(values('authors', 'asc')).toEqual([...ORDER, ''])
    expect(values('authors', 'desc')).toEqual([...ORDER].reverse().concat(''))
    const sources = ORDER.map((s) => s.replace(/"/g, ''))
    expect(values('source', 'asc')).toEqual([...sources, ''])
    expect(values('source', 'desc')).toEqual([...sources].reverse().concat(''))
  })

  it('jumps to a letter whatever alef form it is typed with', () => {
    seedTitles()
    const at = listArticles(t.archive, { sort: 'title', direction: 'asc', from: 'أح', limit: 2 })
    expect(at.items.map((i) => i.title)).toEqual(['أحمد', 'احمد'])
    const down = listArticles(t.archive, { sort: 'title', direction: 'desc', from: 'ب', limit: 2 })
    expect(down.items.map((i) => i.title)).toEqual(['بدر', 'آمنة'])
    const source = listArticles(t.archive, {
      sort: 'source',
      direction: 'asc',
      from: 'ال',
      limit: 1
    })
    expect(source.items[0].source).toBe('الخبر العاجل')
  })

  it('re-sorts an article when its title or authors are edited', () => {
    seedTitles()
    const yawm = listArticles(t.archive, { sort: 'title', direction: 'asc', from: 'ي', limit: 1 })
      .items[0]
    updateArticle(t.archive, {
      uid: yawm.uid,
      version: yawm.version,
      title: 'ـآب',
      authors: ['«آب»']
    })
    expect(values('title', 'asc').slice(0, 2)).toEqual(['ـآب', 'ابتسام'])
    expect(values('authors', 'asc').slice(0, 2)).toEqual(['«آب»', 'ابتسام'])
  })
})
