/**
 * What the import keeps beyond the standard fields (abstract, identifier, time, extra metadata,
 * story group) is exported, and comes back when the export is imported into a fresh archive.
 */
import { strToU8 } from 'fflate'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { getArticle } from '../../src/main/core/articles/service'
import type { Archive } from '../../src/main/core/db/open'
import { exportToFile } from '../../src/main/core/export/service'
import { expandBuffers } from '../../src/main/core/import/expand'
import { importFiles } from '../../src/main/core/import/pipeline'
import type { Article } from '../../src/shared/domain'
import { createTestArchive, type TestArchive } from '../helpers/archive'
import { ARABIC_JSON, TREC_XML, WIRE_TWO_PAPERS } from '../fixtures/import/keeps'

const KEPT = [
  'title',
  'source',
  'section',
  'tags',
  'summary',
  'identifier',
  'published',
  'datePrecision',
  'publishedTime',
  'extra',
  'body'
] as const satisfies readonly (keyof Article)[]

let from: TestArchive
let to: TestArchive
beforeEach(() => {
  from = createTestArchive()
  to = createTestArchive()
})
afterEach(() => {
  from.cleanup()
  to.cleanup()
})

function all(archive: Archive): Article[] {
  const uids = archive.sqlite.prepare('SELECT uid FROM articles ORDER BY id').pluck().all()
  return (uids as string[]).map((uid) => getArticle(archive, uid))
}

const kept = (a: Article) => Object.fromEntries(KEPT.map((f) => [f, a[f]]))

async function roundTrip(format: 'csv' | 'json'): Promise<{ before: Article[]; after: Article[] }> {
  for (const [name, text] of [
    ['radio.xml', TREC_XML],
    ['arabic.json', ARABIC_JSON],
    ['papers.json', WIRE_TWO_PAPERS]
  ]) {
    await importFiles(from.archive, expandBuffers([{ name, bytes: strToU8(text) }]))
  }
  const path = join(from.dir, `export.${format}`)
  await exportToFile(from.archive, { format, selection: { kind: 'all' }, path })
  const summary = await importFiles(
    to.archive,
    expandBuffers([{ name: `export.${format}`, bytes: new Uint8Array(readFileSync(path)) }])
  )
  expect(summary.files[0]).toMatchObject({ status: 'imported', format })
  return { before: all(from.archive), after: all(to.archive) }
}

describe('the fields the import keeps survive an export and a re-import', () => {
  for (const format of ['csv', 'json'] as const) {
    it(`in ${format}`, async () => {
      const { before, after } = await roundTrip(format)
      expect(after).toHaveLength(before.length)
      const byTitle = new Map(after.map((a) => [a.title, a]))
      for (const original of before) {
        const copy = byTitle.get(original.title)
        expect(copy, original.title).toBeDefined()
        // an article with no identifier of its own is known by the archive's uid it came from
        expect(kept(copy!)).toEqual({
          ...kept(original),
          identifier: original.identifier ?? original.uid
        })
        // the story group is rebuilt from the bodies: the same printings are grouped again
        expect(copy!.storyCopies.length).toBe(original.storyCopies.length)
      }
      const csvText = readFileSync(join(from.dir, `export.${format}`), 'utf8')
      expect(csvText).toContain('RADIO-2017-000123')
      expect(csvText).toContain('REGION')
    })
  }
})
