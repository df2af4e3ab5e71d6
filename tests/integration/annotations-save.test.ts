import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/core/api/dispatch'
import { createHandlers } from '../../src/main/core/api/handlers'
import { createAnnotation, listAnnotations } from '../../src/main/core/annotations/service'
import { createArticle, getArticle, updateArticle } from '../../src/main/core/articles/service'
import { createTestArchive, type TestArchive } from '../helpers/archive'

let t: TestArchive
beforeEach(() => {
  t = createTestArchive()
})
afterEach(() => t.cleanup())

// the same word twice: the server's quote search cannot tell which one the editor kept
const BODY = 'قال الوزير إن الاتفاق مهم.\nوقال الوزير إن الاتفاق مهم أيضاً.'
const WORD = 'الاتفاق'

function setup() {
  const article = createArticle(t.archive, { title: 'الاتفاق', body: BODY })
  const second = BODY.indexOf(WORD, BODY.indexOf('\n'))
  const a = createAnnotation(t.archive, {
    articleUid: article.uid,
    start: second,
    end: second + WORD.length,
    note: 'الثاني'
  })
  const gone = BODY.indexOf('مهم')
  const b = createAnnotation(t.archive, { articleUid: article.uid, start: gone, end: gone + 3 })
  return { article, a, b }
}

describe('atomic save of the body with the editor-mapped annotation ranges', () => {
  it('applies the editor ranges after re-anchoring, in the same transaction', () => {
    const { article, a, b } = setup()
    // the editor deleted the first line: its own mapping puts `a` at the start of the new text
    const body = BODY.slice(BODY.indexOf('\n') + 1)
    const start = body.indexOf(WORD)
    const saved = updateArticle(t.archive, {
      uid: article.uid,
      version: 1,
      body,
      annotations: [
        { uid: a.uid, start, end: start + WORD.length },
        { uid: b.uid, status: 'orphaned' },
        { uid: 'deleted-meanwhile', status: 'orphaned' }
      ]
    })
    expect(saved.version).toBe(2)
    const byUid = new Map(listAnnotations(t.archive, article.uid).map((n) => [n.uid, n]))
    expect(byUid.get(a.uid)).toMatchObject({
      start,
      status: 'anchored',
      exact: WORD,
      bodyVersion: 2
    })
    expect(byUid.get(a.uid)!.note).toBe('الثاني')
    // `مهم` still exists in the new text, but the editor deleted this occurrence: editor wins
    expect(byUid.get(b.uid)!.status).toBe('orphaned')
  })

  it('rolls back the body when a range is outside the saved text', () => {
    const { article, a } = setup()
    expect(() =>
      updateArticle(t.archive, {
        uid: article.uid,
        version: 1,
        body: 'نص قصير',
        annotations: [{ uid: a.uid, start: 2, end: 500 }]
      })
    ).toThrow(/outside the saved text/)
    const after = getArticle(t.archive, article.uid)
    expect(after.version).toBe(1)
    expect(after.body).toBe(BODY)
    const kept = listAnnotations(t.archive, article.uid).find((n) => n.uid === a.uid)!
    expect(kept.start).toBe(a.start)
    expect(kept.status).toBe('anchored')
  })

  it('validates the ranges through the contract', async () => {
    const { article, a } = setup()
    const handlers = createHandlers(t.archive)
    const bad = await dispatch(handlers, 'articles.update', {
      uid: article.uid,
      version: 1,
      body: BODY,
      annotations: [{ uid: a.uid, start: 5, end: 5 }]
    })
    expect(bad.ok).toBe(false)
    const good = await dispatch(handlers, 'articles.update', {
      uid: article.uid,
      version: 1,
      body: `مقدمة.\n${BODY}`,
      annotations: [{ uid: a.uid, start: a.start + 7, end: a.end + 7 }]
    })
    expect(good.ok).toBe(true)
    const moved = listAnnotations(t.archive, article.uid).find((n) => n.uid === a.uid)!
    expect(moved.start).toBe(a.start + 7)
    expect(moved.exact).toBe(WORD)
  })
})
