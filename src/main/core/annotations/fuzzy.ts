import type { Anchor } from './quote'

/** Below this similarity a changed passage is not "the same words": the annotation is orphaned. */
export const MIN_FUZZY_SCORE = 0.75

/**
 * Maps a range of the old body into the new one through the edit between them, taken as one
 * replaced region (common prefix and suffix kept). A range inside the replaced region maps to
 * the whole replacement, which the caller then scores.
 */
export function mapThroughEdit(oldBody: string, newBody: string, range: Anchor): Anchor {
  let head = 0
  const max = Math.min(oldBody.length, newBody.length)
  while (head < max && oldBody.charCodeAt(head) === newBody.charCodeAt(head)) head++
  let tail = 0
  while (
    tail < max - head &&
    oldBody.charCodeAt(oldBody.length - 1 - tail) === newBody.charCodeAt(newBody.length - 1 - tail)
  )
    tail++
  const oldEditEnd = oldBody.length - tail
  const newEditEnd = newBody.length - tail
  const map = (pos: number, assoc: -1 | 1): number => {
    if (pos <= head) return pos
    if (pos >= oldEditEnd) return pos - oldEditEnd + newEditEnd
    return assoc < 0 ? head : newEditEnd
  }
  return { start: map(range.start, -1), end: map(range.end, 1) }
}

/** Similarity in [0, 1] from the Levenshtein distance, on at most 2,000 characters a side. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1
  if (!a.length || !b.length) return 0
  const x = a.slice(0, 2_000)
  const y = b.slice(0, 2_000)
  let previous = new Uint32Array(y.length + 1)
  let current = new Uint32Array(y.length + 1)
  for (let j = 0; j <= y.length; j++) previous[j] = j
  for (let i = 1; i <= x.length; i++) {
    current[0] = i
    const cx = x.charCodeAt(i - 1)
    for (let j = 1; j <= y.length; j++) {
      const cost = cx === y.charCodeAt(j - 1) ? 0 : 1
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
    }
    ;[previous, current] = [current, previous]
  }
  return 1 - previous[y.length] / Math.max(x.length, y.length)
}
