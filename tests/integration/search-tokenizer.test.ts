import { afterEach, describe, expect, it } from 'vitest'
import { createArticle } from '../../src/main/core/articles/service'
import { openArchive, type Archive } from '../../src/main/core/db/open'
import { FTS_TOKENIZER, searchIndexSql } from '../../src/main/core/db/fts.sql'
import { rebuildIndex } from '../../src/main/core/search/indexer'
import { searchArticles } from '../../src/main/core/search/service'
import { createTestArchive, type TestArchive } from '../helpers/archive'

// wire copies, clitics, a phrase across punctuation, Latin and digits: what the tokenizers
// could split differently if our text held anything but words and single spaces
const ARTICLES = [
  [
    'الملك سلمان يستقبل وزير الخارجية',
    'استقبل خادمُ الحرمين الشريفين الملكُ سلمان، وزيرَ الخارجيةِ الأمريكي في الرياض.'
  ],
  ['للملك كلمة في القمة', 'ألقى الملك كلمةً أمام قادة الأمم المتحدة، وقال: «وللأمم المتحدة دورٌ».'],
  ['covid-19 في المملكة', 'سجّلت وزارة الصحة ٢٠١٦ إصابةً بـ COVID-19 خلال أسبوع، وفق بيانٍ رسمي.'],
  ['المستشفيات', 'تعاني المستشفياتُ من نقص الأدوية، والمستشفى الجديد يفتح أبوابه غداً.']
] as const

const QUERIES = [
  'الملك',
  'ملك',
  'الأمم المتحدة',
  '"الأمم المتحدة"',
  'المستشف*',
  '=المستشفيات',
  'covid 19',
  '2016',
  'الملك -الرياض'
]

function idsOf(archive: Archive, query: string): string[] {
  return searchArticles(archive, { query, limit: 20, offset: 0, facets: false }).hits.map(
    (h) => h.uid
  )
}

function tokenizerOf(archive: Archive): string {
  const sql = archive.sqlite
    .prepare("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'")
    .pluck()
    .get() as string
  return /tokenize="([^"]+)"/.exec(sql)?.[1] ?? ''
}

let t: TestArchive
afterEach(() => t.cleanup())

describe("the search index's tokenizer", () => {
  it("is the archive's for a new archive", () => {
    t = createTestArchive()
    expect(tokenizerOf(t.archive)).toBe(FTS_TOKENIZER)
  })

  it('an archive indexed with unicode61 by an earlier version keeps its index and finds the same', () => {
    t = createTestArchive()
    for (const [title, body] of ARTICLES) createArticle(t.archive, { title, body })
    const fresh = QUERIES.map((q) => idsOf(t.archive, q))
    expect(QUERIES.filter((_, i) => fresh[i].length === 0)).toEqual([])
    // the index as an earlier version made it
    t.archive.sqlite.exec(
      `DROP TABLE articles_fts; ${searchIndexSql('unicode61 remove_diacritics 0')}`
    )
    rebuildIndex(t.archive)
    t.archive.close()
    t.archive = openArchive(t.file)
    expect(tokenizerOf(t.archive)).toBe('unicode61 remove_diacritics 0')
    expect(QUERIES.map((q) => idsOf(t.archive, q))).toEqual(fresh)
  })
})
