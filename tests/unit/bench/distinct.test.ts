import { describe, expect, it } from 'vitest'
import type { CorpusArticle } from '../../../bench/corpus'
import { distinctArticles } from '../../../bench/distinct'

/** A made-up corpus: words drawn from a small vocabulary, bodies from empty to long. */
function madeUpCorpus(): CorpusArticle[] {
  const vocabulary = Array.from(
    { length: 80 },
    (_, i) => `كلمة${String.fromCharCode(0x628 + (i % 20))}${i}`
  )
  let seed = 7
  const next = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
    return seed
  }
  // short ones next to long ones: a short article's partner may be a long one
  const lengths = [0, 5, 900, 7, 40, 12, 300, 3, 600, 80, 15, 200, 9, 1_000]
  return lengths.map((length, i) => ({
    source: i % 2 ? 'عكاظ' : 'الرياض',
    url: `https://example.test/${i}`,
    date_extracted: `2015-07-${String(10 + i)} 08:00:00`,
    title: `عنوان الخبر رقم ${i} عن ${vocabulary[i]}`,
    author: `كاتب ${i % 3}`,
    content: Array.from({ length }, () => vocabulary[next() % vocabulary.length]).join(' ')
  }))
}

function shingles(text: string): Set<string> {
  const words = text.split(/\s+/).filter(Boolean)
  const out = new Set<string>()
  for (let i = 0; i + 5 <= words.length; i++) out.add(words.slice(i, i + 5).join(' '))
  return out
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let common = 0
  for (const s of a) if (b.has(s)) common++
  return common / (a.size + b.size - common)
}

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length

describe('distinctArticles', () => {
  const corpus = madeUpCorpus()
  const scale = 6
  const grown = [...distinctArticles(corpus, scale)]

  it('gives the corpus as it is, then scale − 1 new copies of each article', () => {
    expect(grown).toHaveLength(corpus.length * scale)
    expect(grown.slice(0, corpus.length)).toEqual(corpus)
    expect(new Set(grown.map((a) => a.url)).size).toBe(grown.length)
    expect(new Set(grown.map((a) => a.date_extracted.slice(0, 4)))).toEqual(
      new Set(['2015', '2014', '2013', '2012', '2011', '2010'])
    )
  })

  it('never makes two articles that share most of their phrases', () => {
    const sets = grown.map((a) => shingles(a.content))
    let worst = 0
    for (let i = 0; i < sets.length; i++) {
      for (let j = i + 1; j < sets.length; j++) {
        // too short for the near-duplicate detector to compare (fewer than 8 shingles)
        if (sets[i].size < 8 || sets[j].size < 8) continue
        worst = Math.max(worst, jaccard(sets[i], sets[j]))
      }
    }
    expect(worst).toBeGreaterThan(0) // copies do reuse real phrases
    expect(worst).toBeLessThan(0.5)
  })

  it('keeps a body wherever the original had one, and about the corpus length', () => {
    const corpusWords = corpus.reduce((n, a) => n + wordCount(a.content), 0)
    for (let copy = 1; copy < scale; copy++) {
      const copies = grown.slice(copy * corpus.length, (copy + 1) * corpus.length)
      copies.forEach((a, i) => expect(a.content === '').toBe(corpus[i].content === ''))
      const words = copies.reduce((n, a) => n + wordCount(a.content), 0)
      expect(words / corpusWords).toBeGreaterThan(0.6)
      expect(words / corpusWords).toBeLessThan(1.4)
    }
  })
})
