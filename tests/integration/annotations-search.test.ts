import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/core/api/dispatch'
import { createHandlers } from '../../src/main/core/api/handlers'
import { searchAnnotations } from '../../src/main/core/annotations/search'
import { createAnnotation } from '../../src/main/core/annotations/service'
import { createArticle, trashArticle } from '../../src/main/core/articles/service'
import { createEntity } from '../../src/main/core/entities/service'
import type { AnnotationSearchInput } from '../../src/shared/contract/annotations'
import { createTestArchive, type TestArchive } from '../helpers/archive'

let t: TestArchive
beforeEach(() => {
  t = createTestArchive()
})
afterEach(() => t.cleanup())

const search = (input: Partial<AnnotationSearchInput>) =>
  searchAnnotations(t.archive, { limit: 50, ...input })

function populate() {
  const one = createArticle(t.archive, {
    title: 'زيارة الجزائر',
    body: 'وصل الوزير إلى الجزائر صباح اليوم، وبحث ملفات المنطقة مع نظيره.',
    collections: ['المغرب العربي']
  })
  const two = createArticle(t.archive, {
    title: 'Moscow talks',
    body: 'The minister met his counterpart in Moscow to discuss energy.'
  })
  const person = createEntity(t.archive, { kind: 'person', name: 'سيرغي لافروف', aliases: [] })
  const at = (body: string, word: string) => {
    const start = body.indexOf(word)
    return { start, end: start + word.length }
  }
  const notes = [
    createAnnotation(t.archive, {
      articleUid: one.uid,
      ...at(one.body, 'الجزائر'),
      note: 'زيارةٌ مُهمّة إلى الجزائر',
      tags: ['سياسة/دولية'],
      color: 'green'
    }),
    createAnnotation(t.archive, {
      articleUid: one.uid,
      ...at(one.body, 'المنطقة'),
      tags: ['اقتصاد'],
      color: 'yellow'
    }),
    createAnnotation(t.archive, {
      articleUid: two.uid,
      ...at(two.body, 'counterpart'),
      note: 'Lavrov',
      entityUid: person.uid,
      color: 'blue'
    })
  ]
  return { one, two, person, notes }
}

describe('annotations.search across the archive', () => {
  it('lists every annotation newest first with its article title', () => {
    const { notes } = populate()
    const result = search({})
    expect(result.total).toBe(3)
    expect(result.items.map((i) => i.uid)).toEqual(notes.map((n) => n.uid).reverse())
    expect(result.items[2].articleTitle).toBe('زيارة الجزائر')
    expect(result.nextCursor).toBeNull()
  })

  it('matches words in the note or the quote, normalised (harakat, alef forms, case)', () => {
    const { notes } = populate()
    expect(search({ query: 'زيارة مهمة' }).items.map((i) => i.uid)).toEqual([notes[0].uid])
    expect(search({ query: 'المنطقه' }).items.map((i) => i.uid)).toEqual([notes[1].uid])
    expect(search({ query: 'LAVROV' }).items.map((i) => i.uid)).toEqual([notes[2].uid])
    expect(search({ query: 'الجزائر غائب' }).total).toBe(0)
  })

  it('filters by tag (and its parent), colour, entity, collection and status', () => {
    const { notes, person } = populate()
    const uids = (input: Partial<AnnotationSearchInput>) => search(input).items.map((i) => i.uid)
    expect(uids({ tag: 'سياسة' })).toEqual([notes[0].uid])
    expect(uids({ tag: 'سياسة/دولية' })).toEqual([notes[0].uid])
    expect(uids({ tag: 'سيا' })).toEqual([])
    expect(uids({ color: 'yellow' })).toEqual([notes[1].uid])
    expect(uids({ entityUid: person.uid })).toEqual([notes[2].uid])
    expect(uids({ collection: 'المغرب العربي' })).toEqual([notes[1].uid, notes[0].uid])
    expect(uids({ collection: 'لا توجد' })).toEqual([])
    expect(uids({ status: 'orphaned' })).toEqual([])
    expect(uids({ color: 'green', tag: 'اقتصاد' })).toEqual([])
  })

  it('pages with a keyset cursor and leaves out trashed articles', () => {
    const { two } = populate()
    const first = search({ limit: 2 })
    expect(first.items).toHaveLength(2)
    expect(first.total).toBe(3)
    const second = search({ limit: 2, cursor: first.nextCursor })
    expect(second.items).toHaveLength(1)
    expect(second.nextCursor).toBeNull()
    const all = [...first.items, ...second.items].map((i) => i.uid)
    expect(new Set(all).size).toBe(3)
    trashArticle(t.archive, two.uid)
    expect(search({}).total).toBe(2)
  })

  it('is reachable through the contract, with its input validated', async () => {
    populate()
    const handlers = createHandlers(t.archive)
    const ok = await dispatch(handlers, 'annotations.search', { query: 'الجزائر' })
    expect(ok.ok).toBe(true)
    const bad = await dispatch(handlers, 'annotations.search', { color: 'black' })
    expect(bad.ok).toBe(false)
  })
})
