import { describe, expect, it } from 'vitest'
import { analyzeForIndex } from '../../../src/shared/text/analyze'
import type { Lexicon } from '../../../src/shared/text/lexicon'
import { countedStemmerOf, type CountedStemmer } from '../../../src/shared/text/stem'
import { tokenize } from '../../../src/shared/text/tokenize'
import { wordCounter } from '../../../src/main/core/search/lexicon-answers'
import { Vocabulary } from '../../../src/main/core/import/analysis/vocabulary'
import { shinglesOfSurface, shinglesOfWords } from '../../../src/main/core/import/minhash'

/** Records of made-up Arabic words with clitics, digits and Latin, many words shared. */
function records(count: number): string[][] {
  let x = 11
  const next = (n: number): number => {
    x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff
    return x % n
  }
  const roots = ['كتاب', 'مدرسه', 'قرار', 'مصنع', 'وزاره', 'طالب', 'مدينه', 'اعلان', 'مكتبه']
  const clitics = ['', 'و', 'ب', 'ال', 'وال', 'بال', 'ل']
  const suffixes = ['', 'ات', 'ها', 'ين', 'ه', 'ي']
  const word = (): string => {
    const kind = next(10)
    if (kind === 0) return String(next(3000))
    if (kind === 1) return ['Riyadh', 'OPEC', 'covid19'][next(3)]
    return `${clitics[next(clitics.length)]}${roots[next(roots.length)]}${suffixes[next(suffixes.length)]}${next(4) === 0 ? next(50) : ''}`
  }
  const text = (n: number): string => Array.from({ length: n }, word).join(' ')
  return Array.from({ length: count }, () => [
    text(3 + next(6)),
    text(20 + next(80)),
    text(next(5))
  ])
}

/** A lexicon that knows the words counted twice so far, as the import's does. */
function countingLexicon(counts: Map<string, number>): Lexicon {
  return { has: (w) => counts.get(w) === 2 }
}

describe('the analysis thread’s vocabulary', () => {
  it('analyses and counts as analyzeForIndex and wordCounter do, chunk after chunk', () => {
    const chunks = [records(30), records(45), records(10), records(60)]
    // counts the session had before (seeded), and counts another analyser's chunk changed
    const seeded: [string, number][] = [
      ['بالكتاب', 2],
      ['مصنعات', 1],
      ['قرار', 2]
    ]
    const adopted: [string, number][] = [
      ['والمدرسه', 2],
      ['طالبين', 1],
      ['اعلانه', 2]
    ]
    const expectedCounts = new Map<string, number>(seeded)
    const actualCounts = new Map<string, number>(seeded)
    const expectedLexicon = countingLexicon(expectedCounts)
    const vocabulary = new Vocabulary(
      countedStemmerOf(countingLexicon(actualCounts)),
      () => actualCounts
    )
    for (const chunk of chunks) {
      vocabulary.beginChunk()
      const expected = chunk.map((fields) => fields.map((t) => analyzeForIndex(t, expectedLexicon)))
      const actual = chunk.map((fields) => fields.map((t) => vocabulary.analyze(t)))
      expect(actual.map((f) => f.map(({ surface, stems }) => ({ surface, stems })))).toEqual(
        expected.map((f) => f.map(({ surface, stems }) => ({ surface, stems })))
      )
      // the words' hashes give the shingles the surface text gives
      for (const field of actual.flat())
        expect(shinglesOfWords(field.wordHashes, field.wordHashes.length)).toEqual(
          shinglesOfSurface(field.surface)
        )
      // every other record written, as when some were duplicates
      const counter = wordCounter(expectedCounts)
      expected.forEach((f, i) => i % 2 === 0 && counter.add(f.map((x) => x.words)))
      actual.forEach((f, i) => i % 2 === 0 && vocabulary.countRecord(f.map((x) => x.words)))
      expect(vocabulary.applyCounts()).toEqual(counter.apply())
      expect(actualCounts).toEqual(expectedCounts)
      for (const [word, count] of adopted) {
        expectedCounts.set(word, count)
        actualCounts.set(word, count)
        vocabulary.noteCount(word, count)
      }
    }
    expect([...expectedCounts.values()].filter((c) => c === 2).length).toBeGreaterThan(20)
  })

  it('stems a word again once the stemmer’s memo was cleared, as stemming every token would', () => {
    // a stemmer whose answers change with an era, its memo cleared when the era changes
    let era = 0
    let calls = 0
    const stemmer: CountedStemmer = {
      stem: (w) => {
        calls++
        if (calls % 7 === 0) era++
        return `${w}${era}`
      },
      generation: () => era
    }
    const memo = new Map<string, { stem: string; era: number }>()
    const everyToken = (w: string): string => {
      const known = memo.get(w)
      if (known !== undefined && known.era === era) return known.stem
      const stem = stemmer.stem(w)
      memo.set(w, { stem, era })
      return stem
    }
    const vocabulary = new Vocabulary(stemmer, () => null)
    const texts = records(20).flat()
    const actual = texts.map((t) => vocabulary.analyze(t).stems)
    era = 0
    calls = 0
    const expected = texts.map((t) =>
      tokenize(t)
        .map((token) => everyToken(token.norm))
        .join(' ')
    )
    expect(actual).toEqual(expected)
    expect(era).toBeGreaterThan(3)
  })
})
