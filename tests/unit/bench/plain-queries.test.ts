import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openPlain, plainImportFiles, plainSearcher } from '../../../bench/plain'
import { QUERIES, toPlainQuery, type PlainQuery } from '../../../bench/queries'
import { writeJsonFiles, type CorpusArticle } from '../../../bench/corpus'
import { tempDir } from '../../helpers/archive'

function plain(query: string): PlainQuery {
  const t = toPlainQuery(query)
  if (!t.ok) throw new Error(t.reason)
  return t.plain
}

describe('toPlainQuery: the same query in plain FTS5 syntax', () => {
  it('says each operator of the mix the FTS5 way', () => {
    expect(plain('السعودية')).toEqual({ match: '"السعودية"', dates: [] })
    expect(plain('وزير الخارجية').match).toBe('"وزير" AND "الخارجية"')
    expect(plain('"الأمم المتحدة"').match).toBe('"الأمم المتحدة"')
    expect(plain('اقتصاد*').match).toBe('"اقتصاد"*')
    expect(plain('النفط OR الغاز').match).toBe('("النفط" OR "الغاز")')
    expect(plain('التعليم -الجامعة').match).toBe('("التعليم") NOT "الجامعة"')
    expect(plain('a OR b c -d -"e f"').match).toBe('(("a" OR "b") AND "c") NOT ("d" OR "e f")')
    expect(plain('=كلمة').match).toBe('"كلمة"')
  })

  it('turns date: filters into ranges on the date, any of them matching', () => {
    expect(plain('الرياض date:2015')).toEqual({
      match: '"الرياض"',
      dates: [{ start: '2015-01-01', end: '2015-12-31' }]
    })
    expect(plain('x date:2014 date:..2012-03').dates).toEqual([
      { start: '2014-01-01', end: '2014-12-31' },
      { start: null, end: '2012-03-31' }
    ])
  })

  it('leaves out, with the reason, what plain FTS5 cannot say with the same meaning', () => {
    const refused = (q: string): string => {
      const t = toPlainQuery(q)
      if (t.ok) throw new Error(`translated ${q}`)
      return t.reason
    }
    expect(refused('الرياض source:عكاظ')).toMatch(/source:/)
    expect(refused('الرياض tag:رياضة')).toMatch(/tag:/)
    expect(refused('date:2015')).toMatch(/no words/)
    expect(refused('ما هي عاصمة المملكة العربية')).toMatch(/long query/)
    expect(refused('"unclosed')).toMatch(/refuses/)
  })

  it('translates every query of the bench mix', () => {
    expect(QUERIES.filter((q) => !toPlainQuery(q).ok)).toEqual([])
  })
})

describe('the plain side runs the translations with their meaning', () => {
  const { dir, cleanup } = tempDir('warraq-bench-test-')
  afterAll(cleanup)
  const article = (id: number, date: string, content: string): CorpusArticle => ({
    source: 'fixture',
    url: `https://example.test/${id}`,
    date_extracted: `${date} 10:00:00`,
    title: `عنوان ${id}`,
    author: '',
    content
  })
  const articles = [
    article(1, '2015-07-21', 'النفط في الرياض اليوم'),
    article(2, '2014-03-02', 'الغاز في الرياض'),
    article(3, '2015-01-09', 'التعليم في الجامعة'),
    article(4, '2012-02-10', 'التعليم للأطفال في الرياض'),
    article(5, '2015-08-01', 'الأمم المتحدة تجتمع'),
    article(6, '2015-08-02', 'المتحدة الأمم ليست عبارة'),
    article(7, '2015-08-03', 'اقتصادية واقتصاد')
  ]
  const { paths } = writeJsonFiles(articles, join(dir, 'inputs'), 3)
  const db = openPlain(join(dir, 'plain.db'), { journal_mode: 'WAL', page_size: 8192 })
  afterAll(() => db.close())

  it('imports every article of the same files, in one transaction per file', () => {
    expect(paths).toHaveLength(3)
    expect(plainImportFiles(db, paths)).toBe(articles.length)
    expect(db.pragma('page_size', { simple: true })).toBe(8192)
  })

  it('finds what the query means', () => {
    const queries = [
      'النفط OR الغاز',
      'التعليم -الجامعة',
      '"الأمم المتحدة"',
      'اقتصاد*',
      'الرياض date:2015',
      'الرياض date:..2014'
    ].map(plain)
    const search = plainSearcher(db, queries)
    const ids = (q: PlainQuery): number[] => {
      const rows = db
        .prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid')
        .pluck()
        .all(q.match) as number[]
      return rows
    }
    expect(ids(queries[0])).toEqual([1, 2])
    expect(ids(queries[1])).toEqual([4])
    expect(ids(queries[2])).toEqual([5])
    expect(ids(queries[3])).toEqual([7])
    // the date ranges: the WHERE the searcher adds
    expect(search(queries[4])).toBe(1)
    expect(search(queries[5])).toBe(2)
    expect(search(queries[0])).toBe(2)
  })
})
