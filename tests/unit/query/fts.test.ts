import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { buildFtsMatch, emptyFilters, ftsString, parseQuery } from '@shared/query'
import type { SearchQuery } from '@shared/query'
import { analyzeForIndex } from '@shared/text'
import { FTS_TOKENIZER } from '../../../src/main/core/db/fts.sql'

function match(input: string, options?: Parameters<typeof buildFtsMatch>[1]): string | null {
  const parsed = parseQuery(input)
  if (!parsed.ok) throw new Error(parsed.error.message)
  return buildFtsMatch(parsed.query, options)
}

const S = '{title_s body_s meta_s}'
const T = '{title_t body_t meta_t}'

describe('buildFtsMatch: expressions', () => {
  it('matches a plain word by surface form or stem', () => {
    expect(match('الجزائري')).toBe(`(${S} : "الجزائري" OR ${T} : "جزائر")`)
  })

  it('tries a phrase word both ways when the lexicon decides its preposition', () => {
    // an archive that knows قدوم strips بقدوم's ب; one indexed before it knew kept it
    const lexicon = new Set(['قدوم', 'عيد'])
    expect(match('"بقدوم العيد"', { lexicon })).toBe(
      `(${S} : "بقدوم العيد" OR ${T} : "قدوم عيد" OR ${T} : "بقدوم عيد")`
    )
    // at most four stem phrases, however many words are in doubt
    const doubtful = match('"بقدوم بقدوم بقدوم بقدوم"', { lexicon }) ?? ''
    expect(doubtful.split(` OR ${T}`)).toHaveLength(5)
  })

  it('ORs in spelling variants and their stems', () => {
    expect(match('سوريا')).toBe(
      `(${S} : "سوريا" OR ${S} : "سوريه" OR ${T} : "سوريا" OR ${T} : "سور")`
    )
  })

  it('uses surface columns only for exact words and phrases', () => {
    expect(match('=الجزائري')).toBe(`(${S} : "الجزائري")`)
    // a phrase also matches over the stems, so clitics attached in the text do not hide it
    expect(match('"الأمم المتحدة"')).toBe(`(${S} : "الامم المتحده" OR ${T} : "امم متحد")`)
  })

  it('matches prefixes on surface and stem columns', () => {
    expect(match('اقتصاد*')).toBe(`(${S} : "اقتصاد" * OR ${T} : "اقتصاد" *)`)
    expect(match('=اقتصاد*')).toBe(`(${S} : "اقتصاد" *)`)
  })

  it('ANDs groups, ORs inside a group and puts exclusions after NOT', () => {
    expect(match('لبنان OR =ليبيا حرب -"الأمم المتحدة" -=داعش', { variantGroups: [] })).toBe(
      `(((${S} : "لبنان" OR ${T} : "لبنان") OR (${S} : "ليبيا")) AND ` +
        `(${S} : "حرب" OR ${T} : "حرب")) NOT ((${S} : "الامم المتحده" OR ${T} : "امم متحد") OR (${S} : "داعش"))`
    )
  })

  it('limits columns to the chosen fields', () => {
    expect(match('حرب', { fields: ['title'] })).toBe('({title_s} : "حرب" OR {title_t} : "حرب")')
    expect(match('حرب', { fields: ['title', 'meta'] })).toBe(
      '({title_s meta_s} : "حرب" OR {title_t meta_t} : "حرب")'
    )
  })

  it('returns null when there is nothing to match', () => {
    expect(match('')).toBeNull()
    expect(match('source:x date:2016')).toBeNull()
    const onlyExcluded: SearchQuery = {
      groups: [],
      excluded: [{ kind: 'word', norm: 'a', stem: 'a', exact: false, prefix: false }],
      filters: emptyFilters()
    }
    expect(buildFtsMatch(onlyExcluded)).toBeNull()
  })

  it('quotes strings the FTS5 way', () => {
    expect(ftsString('a"b')).toBe('"a""b"')
    const hostile: SearchQuery = {
      groups: [[{ kind: 'word', norm: 'x" OR y', stem: 'NEAR(', exact: false, prefix: false }]],
      excluded: [],
      filters: emptyFilters()
    }
    expect(buildFtsMatch(hostile, { variantGroups: [] })).toBe(
      `(${S} : "x"" OR y" OR ${T} : "NEAR(")`
    )
  })
})

describe('buildFtsMatch: on a real FTS5 table', () => {
  const db = new Database(':memory:')
  db.exec(`CREATE VIRTUAL TABLE t USING fts5(title_s, title_t, body_s, body_t, meta_s, meta_t,
    tokenize="${FTS_TOKENIZER}")`)
  const insert = db.prepare(
    'INSERT INTO t(rowid, title_s, title_t, body_s, body_t, meta_s, meta_t) VALUES (?, ?, ?, ?, ?, ?, ?)'
  )
  const docs: [number, string, string][] = [
    [1, 'لافروف في الجزائر', 'زار وزيرُ الخارجيةِ الروسي الجزائرَ وبحث الملف السوري.'],
    [2, 'المستشفيات في سورية', 'تعاني المستشفياتُ من نقص الأدوية في سوريا.'],
    [3, 'كورونا في لبنان', 'ارتفعت إصابات covid-19 في لبنان، وفق وزارة الصحة.'],
    [4, 'قمة الأمم المتحدة', 'اجتمع قادة الأمم المتحدة في نيويورك لبحث الاقتصاد العالمي.'],
    [5, 'الاقتصاد الليبي', 'تراجع الاقتصادُ في ليبيا بعد إغلاق الموانئ النفطية.']
  ]
  for (const [id, title, body] of docs) {
    const a = analyzeForIndex(title)
    const b = analyzeForIndex(body)
    insert.run(id, a.surface, a.stems, b.surface, b.stems, '', '')
  }
  const search = (input: string): number[] => {
    const m = match(input)
    if (m === null) return []
    const rows = db.prepare('SELECT rowid AS id FROM t WHERE t MATCH ? ORDER BY rowid').all(m)
    return (rows as { id: number }[]).map((r) => r.id)
  }
  afterAll(() => db.close())

  it.each([
    ['الجزائري', [1]],
    ['مستشفى', [2]],
    ['سوريا', [1, 2]],
    ['"الأمم المتحدة"', [4]],
    ['covid-19', [3]],
    ['اقتصاد*', [4, 5]],
    ['اقتصادي*', []],
    ['الاقتصاد*', [4, 5]],
    ['الاقتصاد -ليبيا', [4]],
    ['لبنان OR ليبيا', [3, 5]],
    ['=المستشفيات', [2]],
    ['=مستشفيات', []],
    ['الأدوية', [2]],
    ['كورونا', [3]],
    ['وزير', [1]]
  ])('%s finds %j', (input, ids) => {
    expect(search(input)).toEqual(ids)
  })
})
