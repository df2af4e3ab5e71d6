import { describe, expect, it } from 'vitest'
import type { ParsedArticle } from '@shared/domain'
import {
  CHUNK_ARTICLES,
  CHUNK_CHARACTERS,
  LEAD_CHUNK_ARTICLES,
  chunkEnd
} from '../../../src/main/core/import/chunks'

const article = (bodyLength: number): ParsedArticle => ({
  title: 'خبر',
  body: 'ن'.repeat(bodyLength)
})

/** The chunks a file of these articles is written in, as [from, to) pairs. */
function chunks(parsed: ParsedArticle[], chunkSize?: number, lead = false): [number, number][] {
  const out: [number, number][] = []
  for (let from = 0; from < parsed.length;) {
    const to = chunkEnd(parsed, from, chunkSize, lead)
    out.push([from, to])
    from = to
  }
  return out
}

describe('import chunks', () => {
  it('starts an import’s first file with a short chunk, then shares the rest out as usual', () => {
    const parsed = Array.from({ length: LEAD_CHUNK_ARTICLES + CHUNK_ARTICLES * 2 }, () =>
      article(100)
    )
    expect(chunks(parsed, undefined, true)).toEqual([
      [0, LEAD_CHUNK_ARTICLES],
      [LEAD_CHUNK_ARTICLES, LEAD_CHUNK_ARTICLES + CHUNK_ARTICLES],
      [LEAD_CHUNK_ARTICLES + CHUNK_ARTICLES, LEAD_CHUNK_ARTICLES + CHUNK_ARTICLES * 2]
    ])
    // the same file later in the import: its usual chunks
    expect(chunks(parsed)).toHaveLength(3)
    expect(chunks(parsed)[0]).toEqual([0, Math.ceil(parsed.length / 3)])
    // a first file no longer than the short chunk: one chunk; an explicit size wins
    expect(chunks(parsed.slice(0, 100), undefined, true)).toEqual([[0, 100]])
    expect(chunks(parsed, 1000, true)[0]).toEqual([0, 1000])
  })

  it('holds up to CHUNK_ARTICLES short articles a transaction, shared out evenly', () => {
    expect(chunks(Array.from({ length: CHUNK_ARTICLES * 2 }, () => article(100)))).toEqual([
      [0, CHUNK_ARTICLES],
      [CHUNK_ARTICLES, CHUNK_ARTICLES * 2]
    ])
    // three chunks are needed: three of the same size, not two full ones and five left over
    const third = (CHUNK_ARTICLES * 2 + 5) / 3
    expect(chunks(Array.from({ length: CHUNK_ARTICLES * 2 + 5 }, () => article(100)))).toEqual([
      [0, third],
      [third, third * 2],
      [third * 2, third * 3]
    ])
  })

  it('shares a long text out evenly too, each chunk within CHUNK_CHARACTERS', () => {
    // 3 × 0.45 of the bound, then 200 short ones: two chunks of about 0.7 each
    const long = Math.floor(CHUNK_CHARACTERS * 0.45)
    const parsed = [
      ...[1, 2, 3].map(() => article(long)),
      ...Array.from({ length: 200 }, () => article(Math.floor(CHUNK_CHARACTERS / 1000)))
    ]
    const made = chunks(parsed)
    expect(made).toEqual([
      [0, 2],
      [2, 203]
    ])
    for (const [from, to] of made) {
      const text = parsed.slice(from, to).reduce((n, a) => n + a.body.length + a.title.length, 0)
      expect(text).toBeLessThanOrEqual(CHUNK_CHARACTERS)
    }
  })

  it('shares both bounds out at once: no small chunk left over', () => {
    // 2,047 records whose text needs three chunks though their count needs two
    const parsed = Array.from({ length: 2_047 }, () => article(CHUNK_CHARACTERS / 1_000))
    const sizes = chunks(parsed).map(([from, to]) => to - from)
    expect(sizes).toHaveLength(3)
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(680)
    expect(Math.max(...sizes)).toBeLessThanOrEqual(684)
  })

  it('ends a chunk early when its text passes CHUNK_CHARACTERS, never empty', () => {
    const third = Math.floor(CHUNK_CHARACTERS / 3) - 10 // with its title, three fit
    const parsed = [article(third), article(third), article(third), article(third), article(10)]
    // the fourth article would pass the bound: it opens the next chunk
    expect(chunks(parsed)).toEqual([
      [0, 3],
      [3, 5]
    ])
    // one article longer than the bound is a chunk of its own
    expect(chunks([article(CHUNK_CHARACTERS * 2), article(10)])).toEqual([
      [0, 1],
      [1, 2]
    ])
  })

  it('keeps the size the caller asks for, whatever the text', () => {
    const parsed = [article(CHUNK_CHARACTERS), article(CHUNK_CHARACTERS), article(1)]
    expect(chunks(parsed, 2)).toEqual([
      [0, 2],
      [2, 3]
    ])
  })
})
