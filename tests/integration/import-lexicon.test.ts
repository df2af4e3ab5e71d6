/**
 * The lexicon during an import: into an archive whose index started empty it counts the
 * committed articles' words in memory instead of looking each one up in the index. What it
 * decides must be what the lookups decide, chunk by chunk, and any other change of the index
 * (here a trashed article) hands the decisions back to the lookups.
 */
import { afterEach, describe, expect, it, onTestFinished } from 'vitest'
import { trashArticle } from '../../src/main/core/articles/service'
import { openArchive, type Archive } from '../../src/main/core/db/open'
import { expandBuffers } from '../../src/main/core/import/expand'
import { importFiles } from '../../src/main/core/import/pipeline'
import { archiveLexicon, indexChangedOutsideImport } from '../../src/main/core/search/lexicon'
import { searchArticles } from '../../src/main/core/search/service'
import { createTestArchive, type TestArchive } from '../helpers/archive'

const opened: TestArchive[] = []
afterEach(() => opened.splice(0).forEach((t) => t.cleanup()))

function fresh(): Archive {
  const t = createTestArchive()
  opened.push(t)
  return t.archive
}

const json = (name: string, articles: { title: string; body: string }[]) => ({
  name,
  bytes: new TextEncoder().encode(JSON.stringify(articles))
})

// مصنع twice in the first file: known once that file has landed, so بمصنع, اعتراضا and قامت
// of the second lose their clitic, tanween alef and feminine ت only if the lexicon saw it
const FIRST = json('first.json', [
  { title: 'مصنع جديد للنسيج', body: 'افتتح مصنع للنسيج في المدينة الصناعية وقام العمال بالعمل' },
  { title: 'عمال الاسمنت', body: 'زار الوزير مصنع الاسمنت وسجل اعتراض النقابة على الاجور' },
  { title: 'قام الوزير بجولة', body: 'قام الوزير بجولة ثانية وقدم اعتراض الحكومة رسميا' }
])
const SECOND = json('second.json', [
  { title: 'جولة في المصانع', body: 'تجول المحافظ بمصنع الحديد وسمع اعتراضا من العمال' },
  { title: 'زيارة', body: 'قامت اللجنة بزيارة بمصنع السكر في الصباح الباكر' }
])

interface VocabRow {
  term: string
  col: string
  doc: number
  cnt: number
}

function vocabulary(archive: Archive): VocabRow[] {
  archive.sqlite.exec(
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, articles_fts, 'col')"
  )
  return archive.sqlite
    .prepare('SELECT term, col, doc, cnt FROM temp.vocab ORDER BY term, col')
    .all() as VocabRow[]
}

function docs(archive: Archive, term: string, col: string): number {
  return vocabulary(archive).find((r) => r.term === term && r.col === col)?.doc ?? 0
}

async function importBoth(archive: Archive): Promise<void> {
  // one article a transaction: every commit changes what the lexicon knows
  const summary = await importFiles(archive, expandBuffers([FIRST, SECOND]), { chunkSize: 1 })
  expect(summary.imported).toBe(5)
}

describe('the lexicon during an import', () => {
  it('stems an import into an empty archive exactly as the index lookups do', async () => {
    const counted = fresh()
    await importBoth(counted)

    const looked = fresh()
    archiveLexicon(looked)
    indexChangedOutsideImport(looked) // this archive asks its index for every word
    await importBoth(looked)

    expect(vocabulary(counted)).toEqual(vocabulary(looked))
    // the words of the first file were known when the second was stemmed
    expect(docs(counted, 'مصنع', 'body_t')).toBe(4)
    expect(docs(counted, 'بمصنع', 'body_t')).toBe(0)
    expect(docs(counted, 'اعتراض', 'body_t')).toBe(3)
  })

  it('asks the index again once an article leaves it', async () => {
    const archive = fresh()
    const first = await importFiles(archive, expandBuffers([FIRST]), { chunkSize: 1 })
    // one of the two printings of مصنع goes to the trash: the index holds it once now
    trashArticle(archive, first.files[0].uids[0])
    await importFiles(archive, expandBuffers([SECOND]), { chunkSize: 1 })
    expect(docs(archive, 'بمصنع', 'body_t')).toBe(2)
    expect(docs(archive, 'مصنع', 'body_t')).toBe(1)
  })

  it('finds a phrase stemmed before its word was known, with a clitic on its first word', async () => {
    const t = createTestArchive()
    opened.push(t)
    // SECOND first: بمصنع keeps its ب in the index, مصنع is unknown until FIRST lands
    await importFiles(t.archive, expandBuffers([SECOND]), { chunkSize: 1 })
    await importFiles(t.archive, expandBuffers([FIRST]), { chunkSize: 1 })
    t.archive.close()
    // a later session: its lexicon knows مصنع, so it stems بمصنع of a query to مصنع
    const archive = openArchive(t.file)
    onTestFinished(() => archive.close())
    expect(docs(archive, 'بمصنع', 'body_t')).toBe(2)
    const titles = (query: string): string[] =>
      searchArticles(archive, { query, limit: 10, offset: 0 }).hits.map((h) => h.title)
    // the text reads المحافظ بمصنع الحديد: لل on the first word of the query
    expect(titles('"للمحافظ بمصنع الحديد"')).toEqual(['جولة في المصانع'])
    expect(titles('"واللجنة بزيارة بمصنع"')).toEqual(['زيارة'])
    expect(titles('"المحافظ بمصنع السكر"')).toEqual([])
  })
})
