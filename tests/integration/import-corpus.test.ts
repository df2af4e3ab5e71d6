/**
 * One day of SaudiNewsNet from `../shared/corpus` (skipped when it is not beside the checkout):
 * every record is accounted for, entities are decoded, and no record with a URL of its own is
 * dropped as a "duplicate" of another paper's printing. Nothing of the corpus is copied here.
 */
import { unzipSync } from 'fflate'
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { expandPaths } from '../../src/main/core/import/expand'
import { importFiles } from '../../src/main/core/import/pipeline'
import { surfaceOf } from '../../src/shared/text/analyze'
import { createTestArchive, type TestArchive } from '../helpers/archive'

const DAY = resolve(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'shared',
  'corpus',
  'saudinewsnet',
  '2015-07-21.zip'
)

let t: TestArchive
beforeEach(() => {
  t = createTestArchive()
})
afterEach(() => t.cleanup())

describe.skipIf(!existsSync(DAY))(
  'a day of SaudiNewsNet (skipped: ../shared/corpus is not beside this checkout)',
  () => {
    it('accounts for every record, decoded, and skips only exact duplicates', async () => {
      const entries = unzipSync(new Uint8Array(readFileSync(DAY)))
      const records = Object.entries(entries)
        .filter(([name]) => name.endsWith('.json'))
        .flatMap(
          ([, bytes]) =>
            JSON.parse(new TextDecoder().decode(bytes)) as {
              url?: string
              source?: string
              title?: string
              content?: string
            }[]
        )
      const summary = await importFiles(t.archive, expandPaths([DAY]))
      expect(summary.failed).toBe(0)
      // records with neither title nor text are not articles: counted on their file's line
      const skipped = summary.files.reduce(
        (n, f) => n + Number(f.reasonRef?.params?.skipped ?? 0),
        0
      )
      expect(summary.imported + summary.duplicates + skipped).toBe(records.length)
      const q = (sql: string) => t.archive.sqlite.prepare(sql).pluck().get() as number
      expect(
        q("SELECT count(*) FROM articles WHERE title LIKE '%&quot;%' OR title LIKE '%&nbsp;%'")
      ).toBe(0)
      expect(q("SELECT count(*) FROM articles WHERE authors LIKE '%&ndash;%'")).toBe(0)
      // a record whose URL, and whose source + title + body, no other record shares is its own
      // printing (the same wire body in another paper included): it is in the archive
      const tally = (key: (r: (typeof records)[number]) => string) => {
        const counts = new Map<string, number>()
        for (const r of records) counts.set(key(r), (counts.get(key(r)) ?? 0) + 1)
        return counts
      }
      // compared normalised, as the importer does (harakat, spacing, punctuation folded)
      const triple = (r: (typeof records)[number]) =>
        `${r.source}|${surfaceOf(r.title ?? '')}|${surfaceOf(r.content ?? '')}`
      const urls = tally((r) => r.url ?? '')
      const triples = tally(triple)
      const single = records
        .filter((r) => r.url && (r.title?.trim() || r.content?.trim()))
        .filter((r) => urls.get(r.url ?? '') === 1 && triples.get(triple(r)) === 1)
        .map((r) => r.url as string)
      expect(single.length).toBeGreaterThan(records.length * 0.9)
      const byUrl = t.archive.sqlite.prepare('SELECT count(*) FROM articles WHERE url = ?').pluck()
      const missing = single.filter((url) => (byUrl.get(url) as number) === 0)
      expect(missing).toEqual([])
    }, 120_000)
  }
)
