/** W3C TextQuoteSelector context length on each side of the quote. */
export const CONTEXT_CHARS = 32

export interface Quote {
  exact: string
  prefix: string
  suffix: string
}

export function quoteAt(body: string, start: number, end: number): Quote {
  return {
    exact: body.slice(start, end),
    prefix: body.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: body.slice(end, end + CONTEXT_CHARS)
  }
}

/** Length of the common suffix of a and the common prefix of b's context, for tie-breaking. */
function sharedEnd(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++
  return n
}

function sharedStart(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[n] === b[n]) n++
  return n
}

export interface Anchor {
  start: number
  end: number
}

/**
 * Finds a quote in a new body: at its old position if it still reads the same there; else the
 * exact occurrence that best matches the old prefix and suffix, nearest the old position on a
 * tie; else null (the caller tries fuzzy matching or orphans it).
 */
export function anchorExact(body: string, quote: Quote, oldStart: number): Anchor | null {
  const { exact } = quote
  if (!exact) return null
  if (body.startsWith(exact, oldStart)) return { start: oldStart, end: oldStart + exact.length }
  let best: Anchor | null = null
  let bestScore = -Infinity
  for (let at = body.indexOf(exact); at !== -1; at = body.indexOf(exact, at + 1)) {
    const context =
      sharedEnd(body.slice(Math.max(0, at - quote.prefix.length), at), quote.prefix) +
      sharedStart(
        body.slice(at + exact.length, at + exact.length + quote.suffix.length),
        quote.suffix
      )
    // context dominates; distance only breaks ties between equally good contexts
    const score = context * 1_000_000 - Math.abs(at - oldStart)
    if (score > bestScore) {
      bestScore = score
      best = { start: at, end: at + exact.length }
    }
  }
  return best
}
