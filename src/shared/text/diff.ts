/**
 * A word-level diff of two texts, for showing what a revision changed. Tokens are words (letters
 * with their combining marks, digits), runs of punctuation and runs of whitespace, so joining the
 * segments gives back the texts.
 * Common prefix and suffix are trimmed first; the middle uses Myers' O(ND) algorithm, and past
 * `maxEdits` the middle is reported as one deletion and one insertion.
 */
export type DiffOp = 'equal' | 'insert' | 'delete'

export interface DiffSegment {
  op: DiffOp
  text: string
}

export function wordTokens(text: string): string[] {
  return text.match(/\s+|[\p{L}\p{M}\p{N}\u200c\u200d]+|[^\s\p{L}\p{M}\p{N}\u200c\u200d]+/gu) ?? []
}

type Step = [DiffOp, string]

function backtrack(trace: Int32Array[], a: string[], b: string[]): Step[] {
  const steps: Step[] = []
  let x = a.length
  let y = b.length
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d]
    const at = (k: number): number => v[k + d + 1]
    const k = x - y
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1
    const prevX = at(prevK)
    const prevY = prevX - prevK
    while (x > prevX && y > prevY) {
      steps.push(['equal', a[x - 1]])
      x--
      y--
    }
    if (d > 0) {
      if (x === prevX) steps.push(['insert', b[y - 1]])
      else steps.push(['delete', a[x - 1]])
    }
    x = prevX
    y = prevY
  }
  return steps.reverse()
}

function myers(a: string[], b: string[], maxEdits: number): Step[] {
  const n = a.length
  const m = b.length
  const replaceAll = (): Step[] => [
    ...a.map((t): Step => ['delete', t]),
    ...b.map((t): Step => ['insert', t])
  ]
  if (n === 0 || m === 0) return replaceAll()
  const max = Math.min(n + m, maxEdits)
  const offset = max + 1
  const v = new Int32Array(2 * max + 3)
  const trace: Int32Array[] = []
  for (let d = 0; d <= max; d++) {
    // keep only the diagonals -d-1..d+1 that step d reads
    trace.push(v.slice(offset - d - 1, offset + d + 2))
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1])
          ? v[offset + k + 1]
          : v[offset + k - 1] + 1
      let y = x - k
      while (x < n && y < m && a[x] === b[y]) {
        x++
        y++
      }
      v[offset + k] = x
      if (x >= n && y >= m) return backtrack(trace, a, b)
    }
  }
  return replaceAll()
}

function merge(steps: Step[]): DiffSegment[] {
  const out: DiffSegment[] = []
  for (const [op, text] of steps) {
    const last = out[out.length - 1]
    if (last && last.op === op) last.text += text
    else out.push({ op, text })
  }
  return out
}

export function diffWords(before: string, after: string, maxEdits = 4000): DiffSegment[] {
  const a = wordTokens(before)
  const b = wordTokens(after)
  let pre = 0
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++
  let suf = 0
  while (
    suf < a.length - pre &&
    suf < b.length - pre &&
    a[a.length - 1 - suf] === b[b.length - 1 - suf]
  )
    suf++
  const steps: Step[] = [
    ...a.slice(0, pre).map((t): Step => ['equal', t]),
    ...myers(a.slice(pre, a.length - suf), b.slice(pre, b.length - suf), maxEdits),
    ...a.slice(a.length - suf).map((t): Step => ['equal', t])
  ]
  return merge(steps)
}

const countWords = (text: string): number =>
  wordTokens(text).filter((t) => /[\p{L}\p{N}]/u.test(t)).length

export function diffStats(segments: DiffSegment[]): { added: number; removed: number } {
  let added = 0
  let removed = 0
  for (const s of segments) {
    if (s.op === 'insert') added += countWords(s.text)
    else if (s.op === 'delete') removed += countWords(s.text)
  }
  return { added, removed }
}

/**
 * Shortens long unchanged stretches to `context` words on each side of a change, with an
 * ellipsis segment (op 'equal', text '…') in between; newlines inside kept stretches survive.
 */
export function compactDiff(segments: DiffSegment[], context = 8): DiffSegment[] {
  return segments.map((s, i) => {
    if (s.op !== 'equal') return s
    const tokens = wordTokens(s.text)
    const keepBefore = i > 0 ? context * 2 : 0
    const keepAfter = i < segments.length - 1 ? context * 2 : 0
    if (tokens.length <= keepBefore + keepAfter + 2) return s
    const head = tokens.slice(0, keepBefore).join('')
    const tail = tokens.slice(tokens.length - keepAfter).join('')
    return { op: 'equal', text: `${head}…${tail}` }
  })
}
