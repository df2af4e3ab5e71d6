/**
 * Search-result snippets cut from the ORIGINAL text around the densest cluster of hits.
 */
import type { TextRange } from './analyze'

/** A snippet and the highlight ranges inside it (offsets into `text`, ellipsis included). */
export interface Snippet {
  text: string
  highlights: TextRange[]
}

const ELLIPSIS = '…'

function isSpace(c: string | undefined): boolean {
  return c !== undefined && /\s/.test(c)
}

function isLowSurrogate(s: string, i: number): boolean {
  const c = s.charCodeAt(i)
  return c >= 0xdc00 && c <= 0xdfff
}

/** The first and last index of the longest run of ranges that fits in `budget` characters. */
function densestRun(ranges: readonly TextRange[], budget: number): [number, number] {
  let best: [number, number] = [0, 0]
  let j = 0
  for (let i = 0; i < ranges.length; i++) {
    if (j < i) j = i
    while (j + 1 < ranges.length && ranges[j + 1][1] - ranges[i][0] <= budget) j++
    if (j - i > best[1] - best[0]) best = [i, j]
  }
  return best
}

/**
 * Cuts a snippet of at most `maxChars` characters (ellipses included) from `original`, showing
 * the window with the most hits, cut between words, with '…' where text was cut. `ranges` are
 * original offsets (from findMatches). Line breaks and tabs become spaces one for one, so
 * highlight offsets stay exact.
 */
export function makeSnippet(
  original: string,
  ranges: readonly TextRange[],
  maxChars = 220
): Snippet {
  const n = original.length
  const sorted = [...ranges]
    .filter((r) => r[1] > r[0] && r[0] >= 0 && r[1] <= n)
    .sort((a, b) => a[0] - b[0])
  let start = 0
  let end = n
  if (n > maxChars) {
    // Room for an ellipsis on both sides keeps the total within maxChars.
    const budget = Math.max(1, maxChars - 2)
    let hitStart = 0
    let hitEnd = 0
    if (sorted.length > 0) {
      const [first, last] = densestRun(sorted, budget)
      hitStart = sorted[first][0]
      hitEnd = Math.min(sorted[last][1], hitStart + budget)
    }
    const slack = budget - (hitEnd - hitStart)
    start = Math.max(0, hitStart - Math.floor(slack / 2))
    end = Math.min(n, start + budget)
    start = Math.max(0, end - budget)
    // A side that reaches the edge of the text needs no ellipsis: give its room to the text.
    if (start === 0 && end < n) end++
    else if (end === n && start > 0) start--
    // Move the cuts to word boundaries, never past the hits themselves.
    if (start > 0 && !isSpace(original[start - 1]) && !isSpace(original[start])) {
      let k = start
      while (k < hitStart && !isSpace(original[k])) k++
      start = k
    }
    while (start < hitStart && isSpace(original[start])) start++
    if (end < n && !isSpace(original[end - 1]) && !isSpace(original[end])) {
      let k = end
      while (k > hitEnd && !isSpace(original[k - 1])) k--
      // Without hits and without a space to cut at (one huge token), cut hard rather than empty.
      if (k > hitEnd || sorted.length > 0) end = k
    }
    while (end > hitEnd && isSpace(original[end - 1])) end--
    if (start > 0 && start < n && isLowSurrogate(original, start)) start++
    if (end < n && end > start && isLowSurrogate(original, end)) end--
  }
  const lead = start > 0 ? ELLIPSIS : ''
  const text = lead + original.slice(start, end).replace(/\s/g, ' ') + (end < n ? ELLIPSIS : '')
  const highlights: TextRange[] = []
  for (const [a, b] of sorted) {
    if (b <= start || a >= end) continue
    highlights.push([
      Math.max(a, start) - start + lead.length,
      Math.min(b, end) - start + lead.length
    ])
  }
  return { text, highlights }
}
