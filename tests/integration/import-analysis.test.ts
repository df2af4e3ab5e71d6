/**
 * The import's analysis thread: a big import stems, hashes and shingles its records on a worker
 * thread, one chunk ahead of the writer. What lands must be exactly what the same import
 * analysed on its own thread writes (the index, the hashes, the stories, the near-duplicate
 * bands and pairs, the lexicon's counts), whether the lexicon counts words or looks them up;
 * and a thread that dies leaves an import that still completes, nothing lost.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ImportSummary } from '../../src/shared/contract/imports'
import type { Archive } from '../../src/main/core/db/open'
import { verifyFixity } from '../../src/main/core/articles/fixity'
import { PARSE_ON_THREAD_BYTES } from '../../src/main/core/import/analysis/analyzer'
import { expandBuffers } from '../../src/main/core/import/expand'
import { importFiles, type ImportOptions } from '../../src/main/core/import/pipeline'
import {
  archiveLexicon,
  indexChangedOutsideImport,
  lexiconState
} from '../../src/main/core/search/lexicon'
import { createTestArchive, type TestArchive } from '../helpers/archive'

const opened: TestArchive[] = []
afterEach(() => {
  opened.splice(0).forEach((t) => t.cleanup())
  vi.restoreAllMocks()
})

function fresh(): Archive {
  const t = createTestArchive()
  opened.push(t)
  return t.archive
}

const PAPERS = ['الرياض', 'عكاظ', 'الوطن', 'المدينة']
const TOPICS = ['مصنع', 'مستشفى', 'مدرسة', 'ملعب', 'مطار', 'جامعة', 'مكتبة']
const CLITICS = ['', 'ب', 'و', 'ل', 'بال', 'وال', 'فال']

const DIGITS = ['ر', 'س', 'ع', 'ح', 'د', 'ج', 'ق', 'ط', 'ص', 'ض']
/** A word of record n's own, bare in records n and n + 1: known once both have committed. */
const own = (n: number): string =>
  `م${[...String(Math.max(0, n))].map((d) => DIGITS[Number(d)]).join('')}ق`

/**
 * Records that make the lexicon matter: each one's own word is bare in it and the next, and
 * comes back with a clitic six records on, when, with chunks of four, it is known or not by
 * which chunks have committed.
 */
function record(n: number): Record<string, string> {
  const topic = TOPICS[n % TOPICS.length]
  const clitic = CLITICS[Math.floor(n / TOPICS.length) % CLITICS.length]
  return {
    title: `افتتاح ${clitic}${topic} رقم ${n}`,
    body:
      `أعلنت الوزارة اليوم افتتاح ${clitic}${topic} الجديد في الحي ${n % 17} بعد سنوات من العمل، ` +
      `وقالت إن ${topic} يخدم ${n * 13} من السكان. وأضافت أن اعتراضا قدم على الموقع ` +
      `وأن اللجنة قامت بزيارة ${clitic}${topic} مرة ${n % 5}. ` +
      `وذكر ${own(n)} مع ${own(n - 1)} أن ب${own(n - 6)} ما يكفي.`,
    source: PAPERS[n % PAPERS.length]
  }
}

/** A wire story: the same body in several papers under another dateline. */
function wireCopy(n: number, paper: string): Record<string, string> {
  const story = record(n)
  return { ...story, body: `${paper} - واس: ${story.body}`, source: paper }
}

function files(): { name: string; bytes: Uint8Array }[] {
  const json = (name: string, records: unknown[]) => ({
    name,
    bytes: new TextEncoder().encode(JSON.stringify(records))
  })
  const first = Array.from({ length: 23 }, (_, n) => record(n))
  // an exact copy of an earlier record, an unusable one, and the wire copies of a story
  const second = [
    ...Array.from({ length: 19 }, (_, n) => record(n + 23)),
    record(4),
    { title: '', body: '   ' },
    ...PAPERS.map((paper) => wireCopy(50, paper))
  ]
  const third = Array.from({ length: 9 }, (_, n) => record(n + 60))
  return [json('first.json', first), json('second.json', second), json('third.json', third)]
}

function landed(archive: Archive): unknown {
  const all = <T>(sql: string): T[] => archive.sqlite.prepare(sql).all() as T[]
  archive.sqlite.exec(
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, articles_fts, 'col')"
  )
  return {
    vocabulary: all('SELECT term, col, doc, cnt FROM temp.vocab ORDER BY term, col'),
    articles: all(
      `SELECT a.id, a.title, a.lang, a.content_hash, a.original_index,
         (SELECT min(b.id) FROM articles b WHERE b.story_uid = a.story_uid) AS story
       FROM articles a ORDER BY a.id`
    ),
    bands: all('SELECT article_id, band, hash FROM article_signatures ORDER BY article_id, band'),
    pairs: all('SELECT article_id, other_id, score, status FROM duplicate_candidates ORDER BY 1, 2')
  }
}

/** The report's lines, each list of uids (new on every import) by its length. */
function lines(summary: ImportSummary): unknown {
  return summary.files.map((line) =>
    Object.fromEntries(
      Object.entries(line).map(([key, value]) => [key, Array.isArray(value) ? value.length : value])
    )
  )
}

async function importInto(archive: Archive, options: ImportOptions): Promise<ImportSummary> {
  // chunks of 4 records: many commits, so what the lexicon knows changes from chunk to chunk
  return importFiles(archive, expandBuffers(files()), { chunkSize: 4, ...options })
}

describe('the import analysed on its own thread', () => {
  it('writes what the import analysed in its own thread writes, while the lexicon counts', async () => {
    const here = fresh()
    const there = fresh()
    const hereSummary = await importInto(here, { analysis: 'in-process' })
    const thereSummary = await importInto(there, { analysis: 'worker' })

    expect(hereSummary.imported).toBe(23 + 19 + 4 + 9)
    expect(lines(thereSummary)).toEqual(lines(hereSummary))
    expect(landed(there)).toEqual(landed(here))
    // the writer's lexicon learnt the thread's counts: the next import, and queries, agree
    expect(lexiconState(there).counts).toEqual(lexiconState(here).counts)
    expect(lexiconState(here).counts?.get('مصنع')).toBe(2)
    // some records' own words were known when their clitic form came, some not yet
    const { vocabulary } = landed(here) as { vocabulary: { term: string; col: string }[] }
    const cliticForms = (col: string): number =>
      vocabulary.filter((v) => v.col === col && /^بم[^ ]+ق$/.test(v.term)).length
    expect(cliticForms('body_t')).toBeGreaterThan(0)
    expect(cliticForms('body_t')).toBeLessThan(cliticForms('body_s'))
    // the wire copies are possible duplicates of each other; the exact copy of record 4 skipped
    expect(thereSummary.files[1]).toMatchObject({ possibleDuplicates: expect.any(Array) })
    expect(hereSummary.files[1].duplicateOf).toHaveLength(1)
  })

  it('writes the same while the lexicon looks its words up in the index', async () => {
    const here = fresh()
    const there = fresh()
    for (const archive of [here, there]) {
      archiveLexicon(archive)
      indexChangedOutsideImport(archive) // these archives ask their index for every word
    }
    await importInto(here, { analysis: 'in-process' })
    await importInto(there, { analysis: 'worker' })
    expect(landed(there)).toEqual(landed(here))
    // and a second import on top, each chunk's lookups in the archive as its chunk began
    await importInto(here, { analysis: 'in-process', duplicates: 'import' })
    await importInto(there, { analysis: 'worker', duplicates: 'import' })
    expect(landed(there)).toEqual(landed(here))
  })

  it.each(['in-process', 'worker'] as const)(
    'stems with the lexicon of the commits before the chunk before (%s)',
    async (analysis) => {
      const one = (title: string, body: string) => ({ title, body })
      const bare = [one('أ', 'افتتح مصنع جديد للنسيج'), one('ب', 'زار الوزير مصنع الاسمنت')]
      const filler = one('ج', 'اجتمع المجلس البلدي مساء امس')
      const clitic = one('د', 'تجول المحافظ بمصنع الحديد')
      const stemmed = async (records: unknown[]): Promise<boolean> => {
        const archive = fresh()
        const file = { name: 'f.json', bytes: new TextEncoder().encode(JSON.stringify(records)) }
        // one record a chunk: the clitic's chunk is analysed as the writer takes the one before
        await importFiles(archive, expandBuffers([file]), { chunkSize: 1, analysis })
        const withClitic = archive.sqlite
          .prepare(
            'SELECT count(*) FROM articles_fts WHERE articles_fts MATCH \'body_t : "بمصنع"\''
          )
          .pluck()
          .get()
        return withClitic === 0
      }
      // right after the second bare record: that chunk had not committed yet
      expect(await stemmed([...bare, clitic])).toBe(false)
      // one chunk later: both bare records were in the index, so بمصنع is مصنع with ب
      expect(await stemmed([...bare, filler, clitic])).toBe(true)
    }
  )

  it('finishes an import whose analysis thread dies, nothing lost', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const here = fresh()
    const there = fresh()
    const expected = await importInto(here, { analysis: 'in-process' })
    const summary = await importInto(there, {
      analysis: 'worker',
      analysisEntry: new URL('../helpers/crashing-analysis.mjs', import.meta.url)
    })
    expect(lines(summary)).toEqual(lines(expected))
    expect(errors).toHaveBeenCalledWith(expect.stringContaining("import's analysis thread stopped"))
    // every record is in the index, searchable by its own words
    const indexed = there.sqlite.prepare('SELECT count(*) FROM articles_fts').pluck().get()
    expect(indexed).toBe(expected.imported)
  })

  it('finishes an import whose analysis thread cannot start', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const archive = fresh()
    const summary = await importInto(archive, {
      analysis: 'worker',
      analysisEntry: new URL('../helpers/no-such-thread.mjs', import.meta.url)
    })
    expect(summary.imported).toBe(23 + 19 + 4 + 9)
    expect(errors).toHaveBeenCalledWith(expect.stringContaining("import's analysis thread stopped"))
  })
})

describe('files parsed on the analysis thread', () => {
  /** A file over PARSE_ON_THREAD_BYTES, one that parses to no article, and a small one. */
  function bigFiles(): { name: string; bytes: Uint8Array }[] {
    const encode = (text: string): Uint8Array => new TextEncoder().encode(text)
    const big = Array.from({ length: 2_600 }, (_, n) => record(n))
    const numbers = JSON.stringify(Array.from({ length: 200_000 }, (_, n) => n))
    return [
      { name: 'big.json', bytes: encode(JSON.stringify(big)) },
      { name: 'numbers.json', bytes: encode(numbers) },
      { name: 'small.json', bytes: encode(JSON.stringify([record(9000), wireCopy(7, 'عكاظ')])) }
    ]
  }

  const importBig = (archive: Archive, options: ImportOptions): Promise<ImportSummary> =>
    importFiles(archive, expandBuffers(bigFiles()), { chunkSize: 500, ...options })

  it('writes and reports what parsing on the import’s own thread gives', async () => {
    expect(bigFiles()[0].bytes.length).toBeGreaterThan(PARSE_ON_THREAD_BYTES)
    expect(bigFiles()[1].bytes.length).toBeGreaterThan(PARSE_ON_THREAD_BYTES)
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const here = fresh()
    const there = fresh()
    const hereSummary = await importBig(here, { analysis: 'in-process' })
    const thereSummary = await importBig(there, { analysis: 'auto' })
    expect(hereSummary.imported).toBe(2_602)
    expect(hereSummary.files[1]).toMatchObject({ status: 'failed', format: 'json' })
    expect(lines(thereSummary)).toEqual(lines(hereSummary))
    expect(landed(there)).toEqual(landed(here))
    expect(errors).not.toHaveBeenCalled()
    // every row's checksum is the checksum of what it holds
    expect(
      there.sqlite.prepare('SELECT count(*) FROM articles WHERE checksum IS NULL').pluck().get()
    ).toBe(0)
    expect(verifyFixity(there.sqlite)).toEqual([])
  })

  it('parses on the import’s own thread when the thread dies in the middle of a file', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const here = fresh()
    const there = fresh()
    const expected = await importBig(here, { analysis: 'in-process' })
    const summary = await importBig(there, {
      analysis: 'auto',
      analysisEntry: new URL('../helpers/crashing-analysis.mjs', import.meta.url)
    })
    expect(lines(summary)).toEqual(lines(expected))
    expect(landed(there)).toEqual(landed(here))
    expect(errors).toHaveBeenCalledWith(expect.stringContaining("import's analysis thread stopped"))
  })
})
