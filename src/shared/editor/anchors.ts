/**
 * Annotation ranges while the body is being edited: mapped through every editor change so they
 * stay on the same words, and turned into `annotations.update` calls on save. Pure: no DOM.
 */
import type { ChangeDesc } from '@codemirror/state'
import type { Annotation, AnnotationUpdateInput } from '../contract/annotations'
import type { EditorRangeInput } from '../contract/articles'

export interface Anchor {
  uid: string
  start: number
  end: number
  /** the annotated passage is gone from the text (deleted here, or not found by the server) */
  orphaned: boolean
}

/**
 * Text typed exactly at an edge stays outside (start keeps to the right of an insertion, end to
 * the left); text typed strictly inside widens the range. A range whose passage was deleted or
 * replaced collapses, and becomes an orphan instead of disappearing.
 */
export function mapAnchor<T extends Anchor>(anchor: T, changes: ChangeDesc): T {
  if (anchor.orphaned) return anchor
  const start = changes.mapPos(anchor.start, 1)
  const end = changes.mapPos(anchor.end, -1)
  if (end <= start) return { ...anchor, start, end: start, orphaned: true }
  if (start === anchor.start && end === anchor.end) return anchor
  return { ...anchor, start, end }
}

/** Maps every anchor; returns the same array when nothing moved (cheap identity checks). */
export function mapAnchors<T extends Anchor>(
  anchors: readonly T[],
  changes: ChangeDesc
): readonly T[] {
  if (changes.empty) return anchors
  let moved = false
  const next = anchors.map((a) => {
    const mapped = mapAnchor(a, changes)
    if (mapped !== a) moved = true
    return mapped
  })
  return moved ? next : anchors
}

export function anchorOf(a: Pick<Annotation, 'uid' | 'start' | 'end' | 'status'>): Anchor {
  return { uid: a.uid, start: a.start, end: a.end, orphaned: a.status === 'orphaned' }
}

/**
 * What to send after the body was saved: the editor's mapping is the authority, so every
 * annotation whose saved range or status differs from the editor's is updated, and passages
 * deleted in the editor are marked orphaned (never deleted).
 */
export function planAnnotationUpdates(
  anchors: readonly Anchor[],
  saved: readonly Pick<Annotation, 'uid' | 'start' | 'end' | 'status'>[]
): AnnotationUpdateInput[] {
  const byUid = new Map(saved.map((a) => [a.uid, a]))
  const updates: AnnotationUpdateInput[] = []
  for (const anchor of anchors) {
    const server = byUid.get(anchor.uid)
    if (!server) continue
    if (anchor.orphaned) {
      if (server.status !== 'orphaned') updates.push({ uid: anchor.uid, status: 'orphaned' })
    } else if (
      server.status === 'orphaned' ||
      server.start !== anchor.start ||
      server.end !== anchor.end
    ) {
      updates.push({ uid: anchor.uid, start: anchor.start, end: anchor.end })
    }
  }
  return updates
}

/**
 * The editor's ranges as `articles.update` takes them: saved in the body's transaction, after the
 * server's re-anchoring, so the editor's mapping wins. Passages deleted here become orphans.
 */
export function editorRanges(anchors: readonly Anchor[]): EditorRangeInput[] {
  return anchors.map((a) =>
    a.orphaned || a.end <= a.start
      ? { uid: a.uid, status: 'orphaned' as const }
      : { uid: a.uid, start: a.start, end: a.end }
  )
}

/** The smallest single replacement turning `before` into `after` (common prefix and suffix kept). */
export function minimalChange(
  before: string,
  after: string
): { from: number; to: number; insert: string } {
  let pre = 0
  const max = Math.min(before.length, after.length)
  while (pre < max && before.charCodeAt(pre) === after.charCodeAt(pre)) pre++
  let suf = 0
  while (
    suf < max - pre &&
    before.charCodeAt(before.length - 1 - suf) === after.charCodeAt(after.length - 1 - suf)
  ) {
    suf++
  }
  return { from: pre, to: before.length - suf, insert: after.slice(pre, after.length - suf) }
}

/** Anchored annotations in text order (start, then longer first), orphans after them. */
export function inTextOrder<T extends Anchor>(anchors: readonly T[]): T[] {
  return [...anchors].sort((a, b) => {
    if (a.orphaned !== b.orphaned) return a.orphaned ? 1 : -1
    return a.start - b.start || b.end - a.end
  })
}
