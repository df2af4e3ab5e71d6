import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestArchive, type TestArchive } from '../helpers/archive'
import { caller } from '../helpers/call'

let t: TestArchive
let call: ReturnType<typeof caller>
beforeEach(() => {
  t = createTestArchive()
  call = caller(t.archive)
})
afterEach(() => t.cleanup())

async function seed(n: number): Promise<string[]> {
  const uids: string[] = []
  for (let i = 0; i < n; i++) {
    const a = await call('articles.create', {
      title: `مقال ${i}`,
      body: `زار الأمير الرياض في اليوم ${i}.\nوتحدث عن التعليم.`,
      source: i % 2 ? 'الرياض' : 'عكاظ',
      tags: i % 2 ? ['سياسة/دولية'] : []
    })
    uids.push(a.uid)
  }
  return uids
}

describe('collections', () => {
  it('creates, nests one level, renames, orders and removes articles', async () => {
    const uids = await seed(4)
    const parent = await call('collections.create', { name: 'الخليج', description: 'ملف' })
    const child = await call('collections.create', { name: 'قطر', parent: parent.uid })
    await expect(call('collections.create', { name: 'أعمق', parent: child.uid })).rejects.toThrow(
      /one level/
    )
    expect((await call('collections.add', { uid: child.uid, articles: uids })).added).toBe(4)
    expect((await call('collections.add', { uid: child.uid, articles: [uids[0]] })).added).toBe(0)
    await call('collections.move', { uid: child.uid, articles: [uids[3]], before: uids[0] })
    await call('collections.remove', { uid: child.uid, articles: [uids[1]] })
    const renamed = await call('collections.update', { uid: child.uid, name: 'قطر والبحرين' })
    expect(renamed).toMatchObject({ parent: parent.uid, articleCount: 3 })
    const page = await call('articles.list', {
      collection: child.uid,
      sort: 'position',
      direction: 'asc'
    })
    expect(page.items.map((i) => i.uid)).toEqual([uids[3], uids[0], uids[2]])
    const list = await call('collections.list', {})
    expect(list.map((c) => c.name)).toEqual(['الخليج', 'قطر والبحرين'])
    // an article can be in many collections
    await call('collections.add', { uid: parent.uid, articles: [uids[0]] })
    expect((await call('articles.get', { uid: uids[0] })).collections).toHaveLength(2)
  })
})

describe('tags', () => {
  it('renames a tag with its children and merges two tags across articles and annotations', async () => {
    const uids = await seed(4)
    await call('articles.update', { uid: uids[0], version: 1, tags: ['سياسة'] })
    const note = await call('annotations.create', {
      articleUid: uids[1],
      start: 0,
      end: 4,
      tags: ['سياسة/دولية', 'أخرى']
    })
    await call('tags.update', { name: 'سياسة', rename: 'شؤون', color: '#aa3300' })
    const names = (await call('tags.list', {})).map((tag) => tag.name)
    expect(names).toContain('شؤون/دولية')
    expect(names).not.toContain('سياسة/دولية')
    const [annotation] = await call('annotations.list', { articleUid: uids[1] })
    expect(annotation.uid).toBe(note.uid)
    // annotation tags, like article tags, come in name order
    expect(annotation.tags).toEqual(['أخرى', 'شؤون/دولية'])

    const merged = await call('tags.merge', { from: 'أخرى', into: 'شؤون' })
    expect(merged.annotationCount).toBe(1)
    await call('tags.merge', { from: 'شؤون/دولية', into: 'شؤون' })
    const tags = await call('tags.list', {})
    expect(tags.map((tag) => tag.name)).toEqual(['شؤون'])
    expect(tags[0]).toMatchObject({ color: '#aa3300', articleCount: 3, annotationCount: 1 })
    expect((await call('annotations.list', { articleUid: uids[1] }))[0].tags).toEqual(['شؤون'])
    // the search index follows the new names
    expect((await call('search.query', { query: 'شؤون' })).total).toBe(3)
  })
})

describe('entities', () => {
  it('links articles, merges two records, and lists articles and passages on its page', async () => {
    const uids = await seed(3)
    const a = await call('entities.create', { kind: 'person', name: 'سلمان بن عبدالعزيز' })
    const b = await call('entities.create', {
      kind: 'person',
      name: 'الملك سلمان',
      aliases: ['King Salman'],
      note: 'ملك'
    })
    await call('entities.link', { entity: a.uid, articles: [uids[0], uids[1]] })
    await call('entities.link', { entity: b.uid, articles: [uids[1], uids[2]] })
    await call('annotations.create', { articleUid: uids[2], start: 0, end: 4, entityUid: b.uid })
    const merged = await call('entities.merge', { from: b.uid, into: a.uid })
    expect(merged.aliases).toEqual(['الملك سلمان', 'King Salman'])
    expect(merged).toMatchObject({ note: 'ملك', articleCount: 3, annotationCount: 1 })
    await expect(call('entities.get', { uid: b.uid })).rejects.toThrow(/not_found/)
    const page = await call('entities.page', { uid: a.uid })
    expect(page.articles).toHaveLength(3)
    expect(page.passages).toEqual([expect.objectContaining({ articleUid: uids[2], exact: 'زار ' })])
    expect((await call('articles.list', { entity: a.uid })).total).toBe(3)
    await call('entities.unlink', { entity: a.uid, articles: [uids[0]] })
    expect((await call('entities.page', { uid: a.uid })).articles).toHaveLength(2)
  })
})

describe('saved searches, trash and the sidebar', () => {
  it('counts a saved search live, trashes and restores a selection', async () => {
    const uids = await seed(6)
    const saved = await call('savedSearches.create', { name: 'الرياض', query: 'source:الرياض' })
    expect(saved.count).toBe(3)
    await expect(call('savedSearches.create', { name: 'x', query: '"open' })).rejects.toThrow()
    await call('library.trash', { selection: { kind: 'uids', uids: [uids[1], uids[2]] } })
    let side = await call('library.sidebar', {})
    expect(side).toMatchObject({ library: 4, trash: 2 })
    expect(side.savedSearches[0].count).toBe(2)
    expect((await call('articles.list', { trash: true })).total).toBe(2)
    await call('library.restore', { selection: { kind: 'all', filter: { trash: true } } })
    side = await call('library.sidebar', {})
    expect(side).toMatchObject({ library: 6, trash: 0 })
    expect((await call('search.query', { query: 'الأمير' })).total).toBe(6)
  })
})
