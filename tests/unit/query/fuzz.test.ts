import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { SEARCH_FIELDS, buildFtsMatch, emptyFilters, parseQuery } from '@shared/query'
import type { SearchField, SearchQuery, Term } from '@shared/query'
import { analyzeForIndex } from '@shared/text'
import { FTS_TOKENIZER } from '../../../src/main/core/db/fts.sql'

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function rng(seed: number): (n: number) => number {
  let state = seed >>> 0
  return (n: number): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state % n
  }
}

const PIECES = [
  '"',
  '“',
  '”',
  '«',
  '»',
  '(',
  ')',
  'AND',
  'OR',
  'NOT',
  'NEAR(',
  'NEAR',
  'near/3',
  '*',
  '^',
  ':',
  'x:y',
  'foo:',
  'source:',
  'author:"',
  'date:',
  'date:2016..',
  'date:2015-07..2016-02',
  'date:2016-02-30',
  'date:..',
  'has:',
  'has:annotations',
  'status:new',
  'status:',
  '-',
  '=',
  '+',
  '{',
  '}',
  '[',
  ']',
  '\u0000',
  '\uD800',
  '\uDC00',
  '\uFFFF',
  '\u202E',
  '\u200F',
  '\u2066',
  '\u061C',
  '\uFEFF',
  ' ',
  ' ',
  ' ',
  '\t',
  '\n',
  'أو',
  'سوريا',
  'الجزائر',
  'كَتَبَ',
  'ﻻ',
  'ﷺ',
  '٢٠١٦',
  'covid-19',
  'http://a.b/c?d=e',
  'https:',
  'a',
  'Z',
  'é',
  '😀',
  "'",
  '\\',
  '%',
  '_',
  ';',
  'DROP TABLE t;--',
  '..',
  '=-',
  '-=',
  '**',
  '"a',
  'b"',
  'title_s:',
  '{title_s}:',
  'rank',
  'ـ',
  'ً',
  'ّ',
  '٪',
  '؟',
  '،',
  '0',
  '99999',
  'ﷲ',
  '𝐀',
  'ß'
]

function randomQuery(next: (n: number) => number): string {
  const parts: string[] = []
  const count = next(25)
  for (let i = 0; i < count; i++) {
    parts.push(PIECES[next(PIECES.length)])
    if (next(3) === 0) parts.push(' ')
  }
  return parts.join('')
}

function randomUnits(next: (n: number) => number, length: number): string {
  let s = ''
  for (let i = 0; i < length; i++) s += String.fromCharCode(next(0x10000))
  return s
}

const HOSTILE = [
  '',
  ' ',
  '"',
  '""',
  '"""',
  '-',
  '--',
  '*',
  '=',
  '=*',
  '-"',
  '-""',
  'OR',
  'OR OR',
  'AND',
  'NOT',
  'NEAR(a b)',
  'a NEAR/2 b',
  '(a OR b) AND c',
  '{body_s}: x',
  'body_s:x',
  'x:y',
  ':',
  '::',
  '^x',
  'a"b"c',
  '"unclosed',
  'source:""',
  'source:"',
  'date:2016-02-29..2016-02-28',
  '-source:x a',
  'http://x',
  'https://example.com/path?q="a"&b=NOT',
  '\u0000',
  'a\u0000b',
  '\uD800\uDC00',
  '\uDBFF',
  '\u202Eالجزائر\u202C',
  'ا'.repeat(10_000),
  '"'.repeat(10_000),
  'a '.repeat(5_000),
  'x:y '.repeat(2_500),
  'سوريا OR '.repeat(1_200),
  '-a '.repeat(3_000),
  '*'.repeat(10_000),
  'كَتَبَ'.repeat(2_000),
  '٢'.repeat(10_000),
  'ﷺ'.repeat(3_000)
]

describe('parseQuery + buildFtsMatch never fail', () => {
  const db = new Database(':memory:')
  db.exec(`CREATE VIRTUAL TABLE t USING fts5(title_s, title_t, body_s, body_t, meta_s, meta_t,
    tokenize="${FTS_TOKENIZER}")`)
  const doc = analyzeForIndex('زار وزير الخارجية الروسي الجزائر وبحث الملف السوري covid 19')
  db.prepare('INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)').run(
    doc.surface,
    doc.stems,
    doc.surface,
    doc.stems,
    '',
    ''
  )
  const run = db.prepare('SELECT count(*) AS n FROM t WHERE t MATCH ?')
  afterAll(() => db.close())

  /** Parses, builds and runs one input; returns what happened for counting. */
  function check(input: string, fields: readonly SearchField[]): 'error' | 'match' | 'empty' {
    const parsed = parseQuery(input)
    if (!parsed.ok) {
      expect(typeof parsed.error.message).toBe('string')
      expect(parsed.error.message.length).toBeGreaterThan(10)
      expect(Number.isInteger(parsed.error.position)).toBe(true)
      expect(parsed.error.position).toBeGreaterThanOrEqual(0)
      expect(parsed.error.position).toBeLessThanOrEqual(input.length)
      return 'error'
    }
    const match = buildFtsMatch(parsed.query, { fields })
    if (match === null) {
      expect(parsed.query.groups).toEqual([])
      return 'empty'
    }
    expect(typeof match).toBe('string')
    expect(() => run.get(match)).not.toThrow()
    return 'match'
  }

  it('handles 5,000 random hostile queries', () => {
    const next = rng(20160229)
    const seen = { error: 0, match: 0, empty: 0 }
    for (let i = 0; i < 5_000; i++) {
      const input = i % 10 === 9 ? randomUnits(next, next(60)) : randomQuery(next)
      const fields = SEARCH_FIELDS.filter(() => next(2) === 0)
      seen[check(input, fields)]++
    }
    // The generator must exercise all three outcomes, or the test proves little.
    expect(seen.error).toBeGreaterThan(200)
    expect(seen.match).toBeGreaterThan(1000)
    expect(seen.empty).toBeGreaterThan(50)
  })

  it.each(HOSTILE.map((s) => [s.length > 40 ? `${s.slice(0, 20)}… (${s.length})` : s, s]))(
    'handles %j',
    (_label, input) => {
      expect(['error', 'match', 'empty']).toContain(check(input, SEARCH_FIELDS))
    }
  )

  it('builds safe expressions even from hand-made ASTs with hostile strings', () => {
    const next = rng(7)
    const hostile = (): string => randomQuery(next)
    const term = (): Term =>
      next(3) === 0
        ? { kind: 'phrase', words: [hostile(), hostile()] }
        : {
            kind: 'word',
            norm: hostile(),
            stem: hostile(),
            exact: next(2) === 0,
            prefix: next(2) === 0
          }
    for (let i = 0; i < 500; i++) {
      const query: SearchQuery = {
        groups: [[term(), term()], [term()]],
        excluded: next(2) === 0 ? [term()] : [],
        filters: emptyFilters()
      }
      const match = buildFtsMatch(query, { variantGroups: [[hostile(), hostile()]] })
      if (match !== null) expect(() => run.get(match)).not.toThrow()
    }
  })
})
