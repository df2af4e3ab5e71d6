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
      body: `نص ${i}`,
      source: 'عكاظ',
      published: '2015-01-01',
      tags: i === 0 ? ['قديم'] : []
    })
    uids.push(a.uid)
  }
  return uids
}

describe('bulk edit', () => {
  it('applies fields, tags, collections and entities in one go, with a revision each, and undoes', async () => {
    const uids = await seed(5)
    const c = await call('collections.create', { name: 'ملف' })
    const e = await call('entities.create', { kind: 'place', name: 'جدة', aliases: ['Jeddah'] })
    const result = await call('bulk.apply', {
      selection: { kind: 'uids', uids: uids.slice(0, 3) },
      set: { status: 'reviewed', source: 'الرياض', published: '2016-02-29' },
      addTags: ['سياسة/دولية'],
      removeTags: ['قديم'],
      addCollections: [c.uid],
      linkEntities: [e.uid]
    })
    expect(result.touched).toBe(3)
    const a = await call('articles.get', { uid: uids[0] })
    expect(a).toMatchObject({
      status: 'reviewed',
      source: 'الرياض',
      published: '2016-02-29',
      tags: ['سياسة/دولية'],
      collections: ['ملف'],
      version: 2
    })
    const revisions = await call('articles.revisions', { uid: uids[0] })
    expect(revisions[0]).toMatchObject({ version: 2, reason: 'bulk' })
    const snapshot = await call('articles.revision', { uid: uids[0], version: 2 })
    expect(snapshot).toMatchObject({ tags: ['سياسة/دولية'], source: 'الرياض', status: 'reviewed' })
    expect((await call('search.query', { query: 'source:الرياض' })).total).toBe(3)
    expect((await call('entities.get', { uid: e.uid })).articleCount).toBe(3)

    expect((await call('bulk.undo', { operation: result.operation })).restored).toBe(3)
    const back = await call('articles.get', { uid: uids[0] })
    expect(back).toMatchObject({
      status: 'new',
      source: 'عكاظ',
      published: '2015-01-01',
      tags: ['قديم'],
      collections: [],
      version: 3
    })
    expect((await call('entities.get', { uid: e.uid })).articleCount).toBe(0)
    await expect(call('bulk.undo', { operation: result.operation })).rejects.toThrow(/already/)
    expect((await call('bulk.history', {}))[0].undoneAt).not.toBeNull()
  })

  it('leaves an article changed after the bulk edit as it is, and says how many', async () => {
    const uids = await seed(4)
    const c = await call('collections.create', { name: 'ملف' })
    const result = await call('bulk.apply', {
      selection: { kind: 'uids', uids },
      set: { status: 'reviewed' },
      addCollections: [c.uid]
    })
    // a later edit by hand of one article
    const later = await call('articles.get', { uid: uids[1] })
    await call('articles.update', { uid: uids[1], version: later.version, status: 'catalogued' })
    const undone = await call('bulk.undo', { operation: result.operation })
    expect(undone).toEqual({ restored: 3, changedSince: 1, leftAsTheyAre: [uids[1]] })
    expect(await call('articles.get', { uid: uids[1] })).toMatchObject({
      status: 'catalogued',
      collections: ['ملف']
    })
    for (const uid of [uids[0], uids[2], uids[3]]) {
      expect(await call('articles.get', { uid })).toMatchObject({ status: 'new', collections: [] })
    }
  })

  it('puts articles taken out of a collection back in their places when undone', async () => {
    const uids = await seed(5)
    const c = await call('collections.create', { name: 'ملف' })
    await call('collections.add', { uid: c.uid, articles: uids })
    await call('collections.move', { uid: c.uid, articles: [uids[4]], before: uids[0] })
    const order = async () =>
      (
        await call('articles.list', { collection: c.uid, sort: 'position', direction: 'asc' })
      ).items.map((i) => i.uid)
    const before = await order()
    expect(before).toEqual([uids[4], uids[0], uids[1], uids[2], uids[3]])
    const result = await call('bulk.apply', {
      selection: { kind: 'uids', uids: [uids[0], uids[2]] },
      removeCollections: [c.uid],
      addTags: ['مؤقت']
    })
    expect(await order()).toEqual([uids[4], uids[1], uids[3]])
    expect((await call('bulk.undo', { operation: result.operation })).restored).toBe(2)
    expect(await order()).toEqual(before)
    expect((await call('articles.list', { tag: 'مؤقت' })).total).toBe(0)
  })

  it('selects everything a filter shows except the unticked, and only revises what changed', async () => {
    const uids = await seed(6)
    const result = await call('bulk.apply', {
      selection: { kind: 'all', filter: { query: 'source:عكاظ' }, except: [uids[5]] },
      addTags: ['قديم']
    })
    // uids[0] already had the tag: unchanged, no revision
    expect(result.touched).toBe(4)
    expect((await call('articles.get', { uid: uids[0] })).version).toBe(1)
    expect((await call('articles.get', { uid: uids[5] })).tags).toEqual([])
    expect((await call('articles.list', { tag: 'قديم' })).total).toBe(5)
  })
})

describe('bulk edit of many articles', () => {
  it('queues the search index of a large selection and drains it in the background', async () => {
    const { createArticle } = await import('../../src/main/core/articles/service')
    const { drainReindex, SYNC_REINDEX_LIMIT } =
      await import('../../src/main/core/search/reindex-queue')
    t.archive.sqlite.transaction(() => {
      for (let i = 0; i <= SYNC_REINDEX_LIMIT; i++) {
        createArticle(t.archive, { title: `مقال ${i}`, body: `نص ${i}` })
      }
    })()
    const result = await call('bulk.apply', {
      selection: { kind: 'all', filter: {} },
      addTags: ['أرشيف']
    })
    expect(result.touched).toBe(SYNC_REINDEX_LIMIT + 1)
    expect((await call('articles.list', { query: 'tag:أرشيف' })).total).toBe(SYNC_REINDEX_LIMIT + 1)
    while (drainReindex(t.archive) > 0) {
      // drain now rather than wait for the timer
    }
    expect((await call('search.query', { query: 'أرشيف' })).total).toBe(SYNC_REINDEX_LIMIT + 1)
  })
})
