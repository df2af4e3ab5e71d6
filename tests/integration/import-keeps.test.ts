import { strToU8, zipSync } from 'fflate'
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { getArticle } from '../../src/main/core/articles/service'
import { expandBuffers, expandPaths } from '../../src/main/core/import/expand'
import { importFiles } from '../../src/main/core/import/pipeline'
import { getReport } from '../../src/main/core/import/reports'
import { searchArticles } from '../../src/main/core/search/service'
import { createTestArchive, tempDir, type TestArchive } from '../helpers/archive'
import {
  ARABIC_CSV,
  ARABIC_JSON,
  PLACEHOLDERS,
  TREC_XML,
  WIRE_TWO_PAPERS
} from '../fixtures/import/keeps'
import { UNRELATED_BODY, wireTextFile } from '../fixtures/import/wire-story'

let t: TestArchive
beforeEach(() => {
  t = createTestArchive()
})
afterEach(() => t.cleanup())

const importText = (name: string, text: string, duplicates?: 'skip' | 'link' | 'import') =>
  importFiles(t.archive, expandBuffers([{ name, bytes: strToU8(text) }]), { duplicates })
const article = (uid: string) => getArticle(t.archive, uid)

describe('TREC-style XML', () => {
  it('keeps source, category (section and tag), abstract, identifier, time and unknown elements', async () => {
    const summary = await importText('radio.xml', TREC_XML)
    expect(summary.files[0]).toMatchObject({ status: 'imported', format: 'xml' })
    const [first, second] = summary.files[0].uids.map(article)
    expect(first).toMatchObject({
      title: 'افتتاح سوق "الجملة" الجديد – المرحلة الأولى',
      source: 'إذاعة الساحل',
      section: 'اقتصاد',
      summary: 'افتتحت البلدية سوق الجملة الجديد بعد عامين من الترميم.',
      identifier: 'RADIO-2017-000123',
      published: '2017-01-22',
      datePrecision: 'minute',
      publishedTime: '18:56',
      extra: { REGION: 'الوسط الشرقي' }
    })
    expect(first.tags).toEqual(['اقتصاد'])
    expect(first.body.split('\n')).toHaveLength(2)
    expect(second).toMatchObject({
      identifier: 'RADIO-2017-000124',
      published: '2017-01-20',
      publishedTime: '21:43+01:00',
      dateText: '2017-01-20T21:43:00+01:00'
    })
  })

  it('finds the records by identifier, source, category tag and words of the abstract', async () => {
    const summary = await importText('radio.xml', TREC_XML)
    const [first] = summary.files[0].uids
    const uids = (query: string) =>
      searchArticles(t.archive, { query, limit: 20, offset: 0, facets: false }).hits.map(
        (h) => h.uid
      )
    expect(uids('docno:RADIO-2017-000123')).toEqual([first])
    expect(uids('id:RADIO-2017-000123')).toEqual([first])
    expect(uids('id:RADIO-2017-999999')).toEqual([])
    expect(uids('source:"إذاعة الساحل"')).toHaveLength(2)
    expect(uids('tag:اقتصاد')).toEqual([first])
    // "الترميم" is in the abstract, not in the body or the title
    expect(uids('الترميم')).toEqual([first])
  })

  it('re-running the import imports nothing twice', async () => {
    await importText('radio.xml', TREC_XML)
    const again = await importText('radio-copy.xml', TREC_XML)
    expect(again.files[0]).toMatchObject({ status: 'duplicate', uids: [] })
    expect(again.files[0].reasonRef).toEqual({
      key: 'import.already_in_archive',
      params: { count: 2 }
    })
  })
})

describe('duplicates by identity, not by body', () => {
  it('imports every article that shares a placeholder body', async () => {
    const summary = await importText('wire.json', PLACEHOLDERS)
    expect(summary.files[0].status).toBe('imported')
    expect(summary.files[0].uids).toHaveLength(10)
    const stories = summary.files[0].uids.map((uid) => article(uid).storyUid)
    expect(stories.every((s) => s === null)).toBe(true)
    // and a re-run still doubles none of them
    const again = await importText('wire.json', PLACEHOLDERS)
    expect(again.files[0]).toMatchObject({ status: 'duplicate', uids: [] })
    expect(again.duplicates).toBe(10)
  })

  it('imports a wire story printed by two newspapers twice, linked as one story', async () => {
    const summary = await importText('papers.json', WIRE_TWO_PAPERS)
    const [north, south] = summary.files[0].uids.map(article)
    expect(north.source).toBe('صحيفة الشمال')
    expect(south.source).toBe('صحيفة الجنوب')
    expect(north.storyUid).toBe(north.uid)
    expect(south.storyUid).toBe(north.uid)
    expect(north.storyCopies).toEqual([south.uid])
    expect(south.storyCopies).toEqual([north.uid])
    // both printings came in this file: none was a story the archive held already
    expect(summary.files[0].storyOf).toBeUndefined()
    // the printings are linked already: no duplicate pair left for review
    const open = t.archive.sqlite
      .prepare("SELECT count(*) FROM duplicate_candidates WHERE status = 'open'")
      .pluck()
      .get()
    expect(open).toBe(0)
    // a third paper in a later import joins the same story, and the report says so
    const third = JSON.stringify([
      { title: 'محطة تحلية جديدة', source: 'صحيفة الغرب', content: north.body }
    ])
    const later = await importText('west.json', third)
    expect(later.files[0].storyOf).toEqual([north.uid])
    expect(later.files[0].reasonRef?.key).toBe('import.story_copies')
    expect(article(later.files[0].uids[0]).storyUid).toBe(north.uid)
  })

  it('skips the same identifier from the same source, and the same URL', async () => {
    await importText('a.json', ARABIC_JSON)
    const renamed = JSON.stringify([
      { المعرف: 'n-1', العنوان: 'عنوان معدل', النص: 'نص آخر تماماً', المصدر: 'جريدة المساء' },
      { title: 'نسخة بالرابط', body: 'نص', url: 'https://masaa.example/health/1' }
    ])
    const again = await importText('b.json', renamed)
    expect(again.files[0]).toMatchObject({ status: 'duplicate' })
    expect(again.files[0].duplicateOf).toHaveLength(2)
  })
})

describe('Arabic field names and text as text', () => {
  it('imports JSON with Arabic keys, decoding entities and keeping a literal "<"', async () => {
    const summary = await importText('arabic.json', ARABIC_JSON)
    expect(summary.files[0].status).toBe('imported')
    const [first, second] = summary.files[0].uids.map(article)
    expect(first).toMatchObject({
      title: 'وزارة الصحة تطلق حملة تطعيم "وطنية"',
      source: 'جريدة المساء',
      published: '2019-03-05',
      authors: ['سلمى & علي'],
      section: 'صحة',
      summary: 'حملة تطعيم وطنية للأطفال.',
      identifier: 'n-1',
      url: 'https://masaa.example/health/1',
      extra: { عدد_الكلمات: '42' }
    })
    expect(first.tags).toEqual(['أطفال', 'تطعيم', 'صحة'])
    expect(first.body.split('\n')).toHaveLength(3)
    expect(first.body).toContain('إذا كان x<y و y>z فالنتيجة واضحة.')
    expect(second).toMatchObject({ source: 'جريدة المساء', identifier: 'n-2' })
    expect(second.body).toMatch(/^سجلت أسعار الخضر/)
  })

  it('imports CSV with an Arabic header, an unknown column kept as extra metadata', async () => {
    const summary = await importText('arabic.csv', ARABIC_CSV)
    expect(summary.files[0]).toMatchObject({ status: 'imported', format: 'csv' })
    const [first, second] = summary.files[0].uids.map(article)
    expect(first).toMatchObject({
      title: 'انطلاق موسم جني الزيتون',
      source: 'صحيفة الريف',
      published: '2018-11-02',
      authors: ['كريم الهادي'],
      section: 'فلاحة',
      summary: 'موسم زيتون وفير',
      identifier: 'c-1',
      extra: { 'المحرر المسؤول': 'نادية' }
    })
    expect(first.body.split('\n')).toHaveLength(2)
    expect(second.title).toBe('"مهرجان" المسرح يختتم دورته')
    expect(second.extra).toEqual({})
  })

  it('follows an explicit field mapping', async () => {
    const text = JSON.stringify([
      { عنوان_رئيسي: 'خبر بالربط', نص_كامل: 'نص الخبر بالربط.', x: 'y' }
    ])
    const summary = await importFiles(
      t.archive,
      expandBuffers([{ name: 'mapped.json', bytes: strToU8(text) }]),
      { mapping: { عنوان_رئيسي: 'title', نص_كامل: 'body' } }
    )
    const mapped = article(summary.files[0].uids[0])
    expect(mapped).toMatchObject({
      title: 'خبر بالربط',
      body: 'نص الخبر بالربط.',
      extra: { x: 'y' }
    })
  })
})

describe('every file accounted for', () => {
  it('follows a symlink inside the folder, reports one leaving it, and gives each file a line', async () => {
    const tmp = tempDir()
    try {
      const folder = join(tmp.dir, 'chosen')
      const outside = join(tmp.dir, 'elsewhere')
      mkdirSync(join(folder, 'sub'), { recursive: true })
      mkdirSync(outside)
      writeFileSync(join(folder, 'sub', 'real.txt'), wireTextFile('خبر حقيقي', UNRELATED_BODY))
      writeFileSync(join(outside, 'secret.txt'), wireTextFile('خبر خارجي', UNRELATED_BODY))
      writeFileSync(join(folder, 'arabic.json'), ARABIC_JSON)
      symlinkSync(join(folder, 'arabic.json'), join(folder, 'linked.json'))
      symlinkSync(outside, join(folder, 'out'))
      symlinkSync(folder, join(folder, 'sub', 'loop'))
      symlinkSync(join(folder, 'missing.txt'), join(folder, 'broken.txt'))
      const summary = await importFiles(t.archive, expandPaths([folder]))
      const line = (name: string) => summary.files.find((f) => f.path.endsWith(name))
      expect(summary.files.map((f) => f.path.slice(folder.length + 1)).sort()).toEqual(
        ['arabic.json', 'broken.txt', 'linked.json', 'out', 'sub/loop', 'sub/real.txt'].sort()
      )
      expect(line('arabic.json')?.status).toBe('imported')
      // the link's target was imported already: its line says so
      expect(line('linked.json')?.status).toBe('duplicate')
      expect(line('sub/real.txt')?.status).toBe('imported')
      expect(line('out')?.reasonRef?.key).toBe('import.link_outside')
      expect(line('sub/loop')?.reasonRef?.key).toBe('import.link_loop')
      expect(line('broken.txt')?.reasonRef?.key).toBe('import.link_broken')
    } finally {
      tmp.cleanup()
    }
  })

  it('imports the other entries of a zip with one bad entry, each with its own line', async () => {
    const zip = zipSync({
      'good/arabic.json': strToU8(ARABIC_JSON),
      'good/radio.xml': strToU8(TREC_XML),
      'aa/evil.txt': strToU8('خبر خبيث')
    })
    // rename the entry in both headers to escape the folder (same length, so offsets hold)
    const bytes = Buffer.from(zip)
    let at = bytes.indexOf('aa/evil.txt')
    while (at !== -1) {
      bytes.write('../evil.txt', at)
      at = bytes.indexOf('aa/evil.txt', at + 1)
    }
    const summary = await importFiles(
      t.archive,
      expandBuffers([{ name: 'batch.zip', bytes: new Uint8Array(bytes) }])
    )
    expect(summary.files.map((f) => [f.path, f.status])).toEqual([
      ['batch.zip/good/arabic.json', 'imported'],
      ['batch.zip/good/radio.xml', 'imported'],
      ['batch.zip/../evil.txt', 'failed']
    ])
    expect(summary.files[2].reasonRef?.key).toBe('import.zip_entry_unsafe')
    expect(summary.imported).toBe(4)
  })
})

describe('language', () => {
  it('is detected when the data does not say, and the data wins when it does', async () => {
    const text = JSON.stringify([
      {
        title: 'Nouvelle usine',
        body: 'Le ministère a annoncé que la nouvelle usine ouvrira dans la région de Sfax.'
      },
      {
        title: 'New plant',
        body: 'The ministry said the new plant will open in the south of the country.'
      },
      { title: 'محطة جديدة', body: 'أعلنت الوزارة أن المحطة الجديدة ستفتح في الجنوب.' },
      {
        title: 'Stated',
        body: 'The ministry said the plant will open soon in the region.',
        lang: 'en-GB'
      }
    ])
    const summary = await importText('mixed.json', text)
    expect(summary.files[0].uids.map((uid) => article(uid).lang)).toEqual([
      'fr',
      'en',
      'ar',
      'en-GB'
    ])
  })
})

describe('progress and stop within one big file', () => {
  const records = (n: number) =>
    JSON.stringify(
      Array.from({ length: n }, (_, i) => ({
        id: `r-${i}`,
        title: `خبر رقم ${i}`,
        source: 'وكالة',
        content: `نص الخبر رقم ${i} عن الاجتماع الذي عقد في المدينة لمناقشة مشاريع البلدية الجديدة.`
      }))
    )

  it('counts records as they land, stops at the next chunk, and the re-run adds the rest', async () => {
    const controller = new AbortController()
    const seen: [number | undefined, number | undefined][] = []
    const bytes = strToU8(records(10))
    const stopped = await importFiles(t.archive, expandBuffers([{ name: 'big.json', bytes }]), {
      chunkSize: 3,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.recordsTotal !== undefined) seen.push([p.recordsDone, p.recordsTotal])
        if (p.recordsDone === 6) controller.abort()
      }
    })
    expect(seen).toEqual([
      [3, 10],
      [6, 10]
    ])
    expect(stopped.cancelled).toBe(true)
    expect(stopped.imported).toBe(6)
    expect(stopped.files[0]).toMatchObject({ status: 'partial' })
    expect(stopped.files[0].reasonRef).toEqual({
      key: 'import.stopped',
      params: { written: 6, total: 10 }
    })
    // the stored report says the same
    const stored = getReport(t.archive, stopped.reportUid)
    expect(stored.imported).toBe(6)
    const resumed = await importFiles(t.archive, expandBuffers([{ name: 'big.json', bytes }]))
    expect(resumed.imported).toBe(4)
    expect(resumed.duplicates).toBe(6)
    expect(t.archive.sqlite.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(10)
  })

  it('keeps the report right when a chunk fails midway (the file line holds what landed)', async () => {
    let chunks = 0
    const failing = importFiles(
      t.archive,
      expandBuffers([{ name: 'big.json', bytes: strToU8(records(9)) }]),
      {
        chunkSize: 3,
        onProgress: () => {
          // the third chunk's save fails as a full disk would, after two chunks landed
          if (++chunks === 2) {
            t.archive.sqlite.exec(
              "CREATE TEMP TRIGGER full BEFORE INSERT ON articles BEGIN SELECT RAISE(FAIL, 'database or disk is full'); END"
            )
          }
        }
      }
    )
    await failing.catch(() => undefined)
    const report = t.archive.sqlite
      .prepare('SELECT summary FROM import_reports ORDER BY id DESC LIMIT 1')
      .pluck()
      .get() as string
    expect((JSON.parse(report) as { imported: number }).imported).toBe(6)
    expect(t.archive.sqlite.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(6)
  })
})
