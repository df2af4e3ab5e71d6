import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { analyzeForIndex, findMatches, tokenize } from '@shared/text'
import { isWordUnit } from '@shared/text/charFold'
import { FTS_TOKENIZER } from '../../../src/main/core/db/fts.sql'
import type { MatchTerm } from '@shared/text'

/** The original slices of the ranges findMatches returns. */
function matched(original: string, terms: MatchTerm[]): string[] {
  return findMatches(original, terms).map(([a, b]) => original.slice(a, b))
}

describe('analyzeForIndex', () => {
  it('gives normalised surface forms and stems, one per token', () => {
    const field = analyzeForIndex('وقال لافروفُ: «الحربُ على الإرهاب» في ٢٠١٦.')
    expect(field.surface).toBe('وقال لافروف الحرب علي الارهاب في 2016')
    expect(field.stems).toBe('قال لافروف حرب علي ارهاب في 2016')
  })

  it('holds only a-z, 0-9 and Arabic letters separated by single spaces', () => {
    const field = analyzeForIndex('Hello, WORLD! «مَرْحَباً» — covid-19 \u200F ﻻ ﷺ 😀 x\u0000y')
    for (const column of [field.surface, field.stems]) {
      expect(column).toMatch(/^[a-z0-9\u0620-\u06ff]+( [a-z0-9\u0620-\u06ff]+)*$/)
    }
    expect(field.surface).toBe('hello world مرحبا covid 19 لا صلي الله عليه وسلم x y')
  })

  // the archive's index is made with FTS_TOKENIZER; archives made before it use unicode61
  it.each(['unicode61 remove_diacritics 0', FTS_TOKENIZER])(
    'is split by FTS5 %s exactly at our spaces, for every word character',
    (tokenizer) => {
      const chars: string[] = []
      for (let c = 0; c < 0x700; c++) if (isWordUnit(c)) chars.push(String.fromCharCode(c))
      const text = chars.map((ch) => `x${ch}x`).join(' ')
      const db = new Database(':memory:')
      db.exec(`CREATE VIRTUAL TABLE t USING fts5(body, tokenize="${tokenizer}")`)
      db.exec(`CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row')`)
      db.prepare('INSERT INTO t(body) VALUES (?)').run(text)
      const terms = (db.prepare('SELECT term FROM v').all() as { term: string }[]).map(
        (r) => r.term
      )
      expect(terms.sort()).toEqual(text.split(' ').sort())
      db.close()
    }
  )
})

describe('findMatches', () => {
  const text = 'زار وزيرُ الخارجيةِ الجزائرَ، والتقى وزراءَ الجزائريين في الجزائر العاصمة.'

  it('matches the same normalised form and the same stem, returning original slices', () => {
    expect(matched(text, [{ norm: 'الجزائر', stem: 'جزائر' }])).toEqual([
      'الجزائرَ',
      'الجزائريين',
      'الجزائر'
    ])
  })

  it('matches only the exact form when the term has no stem', () => {
    expect(matched(text, [{ norm: 'الجزائر' }])).toEqual(['الجزائرَ', 'الجزائر'])
  })

  it('matches prefixes of normalised forms', () => {
    expect(matched(text, [{ norm: 'وز', prefix: true }])).toEqual(['وزيرُ', 'وزراءَ'])
  })

  it('matches phrases as consecutive tokens across punctuation and marks', () => {
    expect(matched(text, [{ norm: 'وزير الخارجيه', phrase: ['وزير', 'الخارجيه'] }])).toEqual([
      'وزيرُ الخارجيةِ'
    ])
    expect(matched(text, [{ norm: 'الجزائر والتقي', phrase: ['الجزائر', 'والتقي'] }])).toEqual([
      'الجزائرَ، والتقى'
    ])
  })

  it('merges overlapping matches into sorted, non-overlapping ranges', () => {
    const ranges = findMatches(text, [
      { norm: 'الخارجيه' },
      { norm: 'وزير الخارجيه', phrase: ['وزير', 'الخارجيه'] },
      { norm: 'زار' }
    ])
    expect(ranges.map(([a, b]) => text.slice(a, b))).toEqual(['زار', 'وزيرُ الخارجيةِ'])
    for (let i = 1; i < ranges.length; i++)
      expect(ranges[i][0]).toBeGreaterThanOrEqual(ranges[i - 1][1])
  })

  it('maps matches inside ligatures to the whole original character', () => {
    expect(findMatches('ﻻ بد', [{ norm: 'لا' }])).toEqual([[0, 1]])
  })

  it('accepts a reused tokenization and ignores empty terms', () => {
    const tokens = tokenize(text)
    expect(findMatches(text, [{ norm: '' }, { norm: 'زار' }], tokens)).toEqual([[0, 3]])
    expect(findMatches(text, [])).toEqual([])
  })

  it('finds matches in a 50,000-word article (speed is measured in the benchmark)', () => {
    const article = 'وأشاد رئيس الدبلوماسية الروسية بالتنسيق الأمني مع الجزائريين. '.repeat(5600)
    const ranges = findMatches(article, [
      { norm: 'الجزائر', stem: 'جزائر' },
      { norm: 'الروسيه بالتنسيق', phrase: ['الروسيه', 'بالتنسيق'] },
      { norm: 'الدبلو', prefix: true }
    ])
    expect(ranges.length).toBe(5600 * 3)
  })
})
