import { describe, expect, it } from 'vitest'
import type { ParsedArticle } from '@shared/domain'
import {
  CHUNK_ARTICLES,
  CHUNK_CHARACTERS,
  chunkEnd
} from '../../../src/main/core/import/write-file'

const article = (bodyLength: number): ParsedArticle => ({
  title: 'خبر',
  body: 'ن'.repeat(bodyLength)
})

/** The chunks a file of these articles is written in, as [from, to) pairs. */
function chunks(parsed: ParsedArticle[], chunkSize?: number): [number, number][] {
  const out: [number, number][] = []
  for (let from = 0; from < parsed.length;) {
    const to = chunkEnd(parsed, from, chunkSize)
    out.push([from, to])
    from = to
  }
  return out
}

describe('import chunks', () => {
  it('holds up to CHUNK_ARTICLES short articles a transaction', () => {
    const parsed = Array.from({ length: CHUNK_ARTICLES * 2 + 5 }, () => article(100))
    expect(chunks(parsed)).toEqual([
      [0, CHUNK_ARTICLES],
      [CHUNK_ARTICLES, CHUNK_ARTICLES * 2],
      [CHUNK_ARTICLES * 2, CHUNK_ARTICLES * 2 + 5]
    ])
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
