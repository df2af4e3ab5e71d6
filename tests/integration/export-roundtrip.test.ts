/**
 * "CSV written by the app imports back into the app unchanged": articles with hostile values
 * exported from one archive and imported into a fresh one through the real import pipeline.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createArticle, getArticle } from '../../src/main/core/articles/service'
import type { Archive } from '../../src/main/core/db/open'
import { exportToFile } from '../../src/main/core/export/service'
import { expandBuffers } from '../../src/main/core/import/expand'
import { importFiles } from '../../src/main/core/import/pipeline'
import type { CsvEncoding } from '../../src/shared/contract/exports'
import type { Article } from '../../src/shared/domain'
import { createTestArchive, type TestArchive } from '../helpers/archive'
import { HOSTILE_ARTICLES } from '../helpers/export-fixtures'

/** The fields a user describes an article with; uid, times and version are the archive's own. */
const DESCRIPTIVE = [
  'title',
  'subtitle',
  'body',
  'lang',
  'source',
  'url',
  'published',
  'datePrecision',
  'dateText',
  'authors',
  'caption',
  'imageCredit',
  'section',
  'status',
  'notes'
] as const satisfies readonly (keyof Article)[]

/** Linked names: the CSV carries them; whether the importer links them is checked apart. */
const LINKED = ['tags', 'collections'] as const satisfies readonly (keyof Article)[]

function pick(article: Article, fields: readonly (keyof Article)[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f, article[f]]))
}

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

/** Exports everything from `from`, imports the file into `to`; returns originals and copies. */
async function roundTrip(encoding: CsvEncoding): Promise<{ original: Article; copy: Article }[]> {
  const originals = HOSTILE_ARTICLES.map((input) => createArticle(from.archive, input))
  const path = join(from.dir, 'export.csv')
  await exportToFile(from.archive, { format: 'csv', encoding, selection: { kind: 'all' }, path })
  const summary = await importFiles(
    to.archive,
    expandBuffers([{ name: 'export.csv', bytes: new Uint8Array(readFileSync(path)) }])
  )
  expect(summary.files[0]).toMatchObject({ status: 'imported', format: 'csv' })
  expect(summary.imported).toBe(originals.length)
  return originals.map((original) => ({ original, copy: copyOf(to.archive, original.uid) }))
}

/** The imported article whose source reference is the original's uid (the `uid` column). */
function copyOf(archive: Archive, originalUid: string): Article {
  const uid = archive.sqlite
    .prepare('SELECT uid FROM articles WHERE source_ref = ?')
    .pluck()
    .get(originalUid) as string | undefined
  expect(uid, `no article imported for ${originalUid}`).toBeDefined()
  return getArticle(archive, uid!)
}

describe('CSV round trip', () => {
  for (const encoding of ['utf8-bom', 'utf8', 'utf16le'] as const) {
    it(`imports its own ${encoding} export back with every descriptive field equal`, async () => {
      for (const { original, copy } of await roundTrip(encoding)) {
        expect(pick(copy, DESCRIPTIVE)).toEqual(pick(original, DESCRIPTIVE))
      }
    })
  }

  it('brings back the tags and collections named in the file', async () => {
    for (const { original, copy } of await roundTrip('utf8-bom')) {
      expect(pick(copy, LINKED)).toEqual(pick(original, LINKED))
    }
  })
})
