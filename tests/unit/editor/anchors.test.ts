import { ChangeSet, EditorState } from '@codemirror/state'
import { describe, expect, it } from 'vitest'
import {
  editorRanges,
  inTextOrder,
  mapAnchor,
  mapAnchors,
  minimalChange,
  planAnnotationUpdates,
  type Anchor
} from '../../../src/shared/editor/anchors'

const body = 'اعتبر وزير الخارجية أن الحرب على الإرهاب تحتاج تعاوناً دولياً.'
// half a word: the last four letters of الخارجية
const half = { start: body.indexOf('الخارجية') + 4, end: body.indexOf('الخارجية') + 8 }
const anchor: Anchor = { uid: 'a1', ...half, orphaned: false }

function apply(
  doc: string,
  spec: { from: number; to?: number; insert?: string }[]
): {
  doc: string
  changes: ChangeSet
} {
  const state = EditorState.create({ doc })
  const tr = state.update({ changes: spec })
  return { doc: tr.state.doc.toString(), changes: tr.changes }
}

const covered = (doc: string, a: Anchor): string => doc.slice(a.start, a.end)

describe('mapping annotation ranges through edits', () => {
  it('keeps a half-word highlight on the same letters when typing before it', () => {
    const { doc, changes } = apply(body, [{ from: 0, insert: 'قال: ' }])
    const mapped = mapAnchor(anchor, changes)
    expect(covered(doc, mapped)).toBe('رجية')
    expect(mapped.start).toBe(anchor.start + 5)
  })

  it('leaves text typed exactly at either edge outside, text typed inside in', () => {
    const atStart = apply(body, [{ from: anchor.start, insert: 'س' }])
    expect(covered(atStart.doc, mapAnchor(anchor, atStart.changes))).toBe('رجية')
    const atEnd = apply(body, [{ from: anchor.end, insert: 'ن' }])
    expect(covered(atEnd.doc, mapAnchor(anchor, atEnd.changes))).toBe('رجية')
    const inside = apply(body, [{ from: anchor.start + 2, insert: 'ــ' }])
    expect(covered(inside.doc, mapAnchor(anchor, inside.changes))).toBe('رجــية')
  })

  it('does not move for edits after it, and shrinks when part of it is deleted', () => {
    const after = apply(body, [{ from: body.length - 1, insert: ' جداً' }])
    expect(mapAnchor(anchor, after.changes)).toBe(anchor)
    const part = apply(body, [{ from: anchor.start - 2, to: anchor.start + 1 }])
    expect(covered(part.doc, mapAnchor(anchor, part.changes))).toBe('جية')
  })

  it('orphans an annotation whose passage is deleted or replaced, instead of dropping it', () => {
    const gone = apply(body, [{ from: anchor.start - 4, to: anchor.end + 1 }])
    const mapped = mapAnchor(anchor, gone.changes)
    expect(mapped.orphaned).toBe(true)
    // typing over a selection wider than the annotation
    const replaced = apply(body, [{ from: anchor.start - 1, to: anchor.end + 1, insert: 'جية' }])
    expect(mapAnchor(anchor, replaced.changes).orphaned).toBe(true)
    // replacing exactly the annotated letters keeps the annotation on the new letters
    const exact = apply(body, [{ from: anchor.start, to: anchor.end, insert: 'جيا' }])
    expect(covered(exact.doc, mapAnchor(anchor, exact.changes))).toBe('جيا')
    // an orphan stays an orphan through later edits
    const later = apply(body, [{ from: 0, insert: 'x' }])
    expect(mapAnchor(mapped, later.changes)).toBe(mapped)
  })

  it('maps many changes in one transaction and keeps identity when nothing moves', () => {
    const other: Anchor = { uid: 'a2', start: 0, end: 5, orphaned: false }
    const { doc, changes } = apply(body, [
      { from: 0, insert: '«' },
      { from: anchor.start + 1, insert: 'ـ' }
    ])
    const [m1, m2] = mapAnchors([anchor, other], changes)
    expect(covered(doc, m1)).toBe('رـجية')
    expect(covered(doc, m2)).toBe('اعتبر')
    const list = [other]
    const late = apply(body, [{ from: 30, insert: 'و' }])
    expect(mapAnchors(list, late.changes)).toBe(list)
    expect(mapAnchors(list, ChangeSet.empty(body.length))).toBe(list)
  })
})

describe('planning the save', () => {
  it('updates moved ranges, orphans deleted passages, re-anchors server orphans the editor kept', () => {
    const anchors: Anchor[] = [
      { uid: 'same', start: 1, end: 4, orphaned: false },
      { uid: 'moved', start: 10, end: 14, orphaned: false },
      { uid: 'deleted', start: 3, end: 3, orphaned: true },
      { uid: 'stillOrphan', start: 0, end: 0, orphaned: true },
      { uid: 'serverMovedIt', start: 20, end: 25, orphaned: false }
    ]
    const saved = [
      { uid: 'same', start: 1, end: 4, status: 'anchored' as const },
      { uid: 'moved', start: 8, end: 12, status: 'anchored' as const },
      { uid: 'deleted', start: 3, end: 9, status: 'anchored' as const },
      { uid: 'stillOrphan', start: 0, end: 2, status: 'orphaned' as const },
      { uid: 'serverMovedIt', start: 20, end: 25, status: 'orphaned' as const }
    ]
    expect(planAnnotationUpdates(anchors, saved)).toEqual([
      { uid: 'moved', start: 10, end: 14 },
      { uid: 'deleted', status: 'orphaned' },
      { uid: 'serverMovedIt', start: 20, end: 25 }
    ])
  })

  it('skips annotations deleted meanwhile on the server', () => {
    expect(planAnnotationUpdates([{ uid: 'x', start: 0, end: 1, orphaned: false }], [])).toEqual([])
  })
})

describe('helpers', () => {
  it('finds the minimal replacement between two texts', () => {
    expect(minimalChange('وزير الخارجية', 'وزير الداخلية')).toEqual({
      from: 7,
      to: 11,
      insert: 'داخل'
    })
    expect(minimalChange('abc', 'abc')).toEqual({ from: 3, to: 3, insert: '' })
    expect(minimalChange('aaa', 'aaaa')).toEqual({ from: 3, to: 3, insert: 'a' })
    expect(minimalChange('', 'x')).toEqual({ from: 0, to: 0, insert: 'x' })
  })

  it('sorts anchors in text order with orphans last', () => {
    const list: Anchor[] = [
      { uid: 'o', start: 0, end: 0, orphaned: true },
      { uid: 'b', start: 5, end: 6, orphaned: false },
      { uid: 'a', start: 1, end: 9, orphaned: false },
      { uid: 'a2', start: 1, end: 3, orphaned: false }
    ]
    expect(inTextOrder(list).map((a) => a.uid)).toEqual(['a', 'a2', 'b', 'o'])
  })
})

describe('editorRanges', () => {
  it('turns the editor anchors into the ranges articles.update saves, deletions as orphans', () => {
    expect(
      editorRanges([
        { uid: 'a', start: 3, end: 9, orphaned: false },
        { uid: 'b', start: 4, end: 4, orphaned: true },
        { uid: 'c', start: 7, end: 7, orphaned: false }
      ])
    ).toEqual([
      { uid: 'a', start: 3, end: 9 },
      { uid: 'b', status: 'orphaned' },
      { uid: 'c', status: 'orphaned' }
    ])
  })
})
