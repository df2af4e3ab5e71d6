import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Handlers } from '../../src/shared/contract'
import { createHandlers } from '../../src/main/core/api/handlers'
import { createTestArchive, type TestArchive } from '../helpers/archive'
import {
  UNRELATED_BODY,
  WIRE_BODY,
  WIRE_COPY_BODY,
  wireTextFile
} from '../fixtures/import/wire-story'

let t: TestArchive
let api: Handlers
beforeEach(() => {
  t = createTestArchive()
  api = createHandlers(t.archive)
})
afterEach(() => t.cleanup())

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64')
const file = (name: string, title: string, body: string) => ({
  name,
  base64: b64(wireTextFile(title, body))
})
const importCall = (
  files: { name: string; base64: string }[],
  extra: Record<string, unknown> = {}
) =>
  api['import.files']({
    files,
    format: 'auto',
    duplicates: 'skip',
    rejected: [],
    final: true,
    cancelled: false,
    ...extra
  })

/** The wire story, then in a second import its syndicated copy and an unrelated article. */
async function importWireAndCopy() {
  const first = await importCall([file('agency/water.txt', 'تدشين محطة التحلية', WIRE_BODY)])
  const second = await importCall([
    file('paper/water.txt', 'الحكومة تدشن مشروع التحلية في الجنوب', WIRE_COPY_BODY),
    file('paper/books.txt', 'افتتاح معرض الكتاب السنوي', UNRELATED_BODY)
  ])
  return {
    original: first.files[0].uids[0],
    copy: second.files[0].uids[0],
    unrelated: second.files[1].uids[0],
    second
  }
}

describe('near-duplicates at import', () => {
  it('flags a wire copy with a changed first line and a signature, and not an unrelated article', async () => {
    const { original, copy, second } = await importWireAndCopy()
    expect(second.files[0]).toMatchObject({ status: 'imported', possibleDuplicates: [original] })
    expect(second.files[0].reason).toMatch(/1 possible duplicate to review/)
    expect(second.files[1].possibleDuplicates).toBeUndefined()
    expect(second.possibleDuplicates).toBe(1)
    const list = await api['duplicates.list']({ limit: 200 })
    expect(list.openPairs).toBe(1)
    expect(list.groups).toHaveLength(1)
    const [group] = list.groups
    expect(group.members.map((m) => m.uid)).toEqual([original, copy])
    expect(group.members[1].title).toBe('الحكومة تدشن مشروع التحلية في الجنوب')
    expect(group.pairs[0].score).toBeGreaterThan(0.7)
    expect(group.pairs[0].score).toBeLessThan(1)
  })

  it('flags a near-duplicate typed in through articles.create as well', async () => {
    const { original } = await importWireAndCopy()
    const typed = await api['articles.create']({
      title: 'نسخة ثالثة',
      body: `${WIRE_BODY}\n\nالمصدر: وكالات`
    })
    const list = await api['duplicates.list']({ limit: 200 })
    expect(list.groups[0].members.map((m) => m.uid)).toContain(typed.uid)
    expect(list.groups[0].members.map((m) => m.uid)).toContain(original)
  })

  it('the "link" policy imports an exact duplicate linked to the original', async () => {
    const first = await importCall([file('a.txt', 'تدشين محطة التحلية', WIRE_BODY)])
    // the same title and body from the same (no) source: the same article again
    const linked = await importCall([file('b.txt', 'تدشين محطة التحلية', WIRE_BODY)], {
      duplicates: 'link'
    })
    expect(linked.files[0].duplicateOf).toEqual([first.files[0].uids[0]])
    const article = await api['articles.get']({ uid: linked.files[0].uids[0] })
    expect(article.related.some((r) => r.url === `warraq:${first.files[0].uids[0]}`)).toBe(true)
    // already linked: nothing left to review
    expect((await api['duplicates.list']({ limit: 200 })).openPairs).toBe(0)
  })
})

describe('resolving possible duplicates', () => {
  it('dismiss closes the pair and changes no article', async () => {
    const { original, copy } = await importWireAndCopy()
    const result = await api['duplicates.resolve']({
      articleUid: copy,
      otherUid: original,
      action: 'dismiss'
    })
    expect(result).toEqual({ action: 'dismiss', keptUid: original })
    expect((await api['duplicates.list']({ limit: 200 })).openPairs).toBe(0)
    expect((await api['articles.get']({ uid: copy })).version).toBe(1)
    // resolving again is harmless
    expect(
      await api['duplicates.resolve']({ articleUid: copy, otherUid: original, action: 'dismiss' })
    ).toBeTruthy()
  })

  it('link relates the two articles both ways', async () => {
    const { original, copy } = await importWireAndCopy()
    await api['duplicates.resolve']({ articleUid: original, otherUid: copy, action: 'link' })
    const a = await api['articles.get']({ uid: original })
    const b = await api['articles.get']({ uid: copy })
    expect(a.related.some((r) => r.targetUid === copy)).toBe(true)
    expect(b.related.some((r) => r.targetUid === original)).toBe(true)
    expect((await api['duplicates.list']({ limit: 200 })).openPairs).toBe(0)
  })

  it('merge keeps the older article, moves annotations, tags and collections, links, and trashes the copy', async () => {
    const { original, copy } = await importWireAndCopy()
    const copyArticle = await api['articles.get']({ uid: copy })
    await api['articles.update']({
      uid: copy,
      version: copyArticle.version,
      tags: ['مياه/تحلية'],
      collections: ['ملف المياه']
    })
    const quote = 'خط النقل الرئيسي'
    const start = copyArticle.body.indexOf(quote)
    const annotation = await api['annotations.create']({
      articleUid: copy,
      start,
      end: start + quote.length,
      note: 'مسافة الخط'
    })
    const result = await api['duplicates.resolve']({
      articleUid: copy,
      otherUid: original,
      action: 'merge'
    })
    expect(result).toEqual({ action: 'merge', keptUid: original, trashedUid: copy })
    const kept = await api['articles.get']({ uid: original })
    expect(kept.tags).toEqual(['مياه/تحلية'])
    expect(kept.collections).toEqual(['ملف المياه'])
    expect(kept.related.some((r) => r.targetUid === copy)).toBe(true)
    expect(kept.annotationCount).toBe(1)
    const [moved] = await api['annotations.list']({ articleUid: original })
    expect(moved.uid).toBe(annotation.uid)
    expect(kept.body.slice(moved.start, moved.end)).toBe(quote)
    expect(moved.status).toBe('anchored')
    const trashed = await api['articles.get']({ uid: copy })
    expect(trashed.deletedAt).not.toBeNull()
    expect((await api['articles.revisions']({ uid: original }))[0].reason).toBe(`merge ${copy}`)
    expect((await api['duplicates.list']({ limit: 200 })).openPairs).toBe(0)
    // never deleted: the copy comes back from the trash
    expect((await api['articles.restore']({ uid: copy })).deletedAt).toBeNull()
  })

  it('refuses a pair that was never recorded', async () => {
    const { original, unrelated } = await importWireAndCopy()
    expect(() =>
      api['duplicates.resolve']({ articleUid: original, otherUid: unrelated, action: 'merge' })
    ).toThrow(/not recorded/)
    expect((await api['articles.get']({ uid: unrelated })).deletedAt).toBeNull()
  })
})

describe('import calls of the contract', () => {
  it('one import in several calls keeps one report, listed and re-openable', async () => {
    const a = await importCall([file('one.txt', 'تدشين محطة التحلية', WIRE_BODY)], { final: false })
    const b = await importCall([file('two.txt', 'افتتاح معرض الكتاب', UNRELATED_BODY)], {
      reportUid: a.reportUid,
      rejected: [{ name: 'huge.html', reason: 'The file is larger than 40 MB.' }]
    })
    expect(b.reportUid).toBe(a.reportUid)
    expect(b.files.map((f) => f.status)).toEqual(['imported', 'failed', 'imported'])
    expect(b).toMatchObject({ imported: 2, failed: 1 })
    const reports = await api['import.reports']({})
    expect(reports).toHaveLength(1)
    expect(reports[0]).toMatchObject({
      uid: a.reportUid,
      files: 3,
      imported: 2,
      failed: 1,
      cancelled: false
    })
    expect(reports[0].finishedAt).not.toBeNull()
    const reopened = await api['import.report']({ uid: a.reportUid })
    expect(reopened.files).toEqual(b.files)
  })

  it('a cancelled import is marked in its report', async () => {
    const a = await importCall([file('one.txt', 'تدشين محطة التحلية', WIRE_BODY)], { final: false })
    expect((await api['import.reports']({}))[0].finishedAt).toBeNull()
    await importCall([], { reportUid: a.reportUid, cancelled: true })
    expect((await api['import.reports']({}))[0]).toMatchObject({ cancelled: true, imported: 1 })
  })
})
