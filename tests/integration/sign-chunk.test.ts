import { afterEach, describe, expect, it } from 'vitest'
import { surfaceOf } from '../../src/shared/text/analyze'
import { bandsOf, enoughShingles, shinglesOfSurface } from '../../src/main/core/import/minhash'
import { recordNearDuplicates } from '../../src/main/core/import/near-duplicates'
import { RecentShingles, signChunk } from '../../src/main/core/import/sign-chunk'
import type { Archive } from '../../src/main/core/db/open'
import { createTestArchive, type TestArchive } from '../helpers/archive'

let archives: TestArchive[] = []
afterEach(() => {
  for (const a of archives) a.cleanup()
  archives = []
})

/** A deterministic stream of made-up Arabic words. */
function words(seed: number): () => string {
  let x = seed
  const letters = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'
  return () => {
    x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff
    let w = ''
    for (let k = 0; k < 3 + (x % 4); k++) w += letters[(x >> (k * 3)) % letters.length]
    return w
  }
}

/**
 * Bodies in the shapes an import meets, in chunks of CHUNK: wire stories with a copy in the
 * same chunk (a new first line, a signature) and another two chunks later; a template of items
 * that differ by one word, so many that a band's members pass PER_BAND inside one chunk; short
 * bodies too short to sign; unrelated articles.
 */
function bodies(): string[] {
  const next = words(7)
  const text = (n: number): string => Array.from({ length: n }, next).join(' ')
  const stories = Array.from({ length: 20 }, () => [text(40), text(60), text(50)])
  const template = text(200)
  const item = (i: number): string => `${template} رقم${i}`
  return [
    // chunk 0: the stories, their first copies, the template's first items
    ...stories.map((s) => s.join('\n')),
    ...stories.map((s) => [`${text(6)} (واس)`, ...s.slice(1), text(3)].join('\n')),
    ...Array.from({ length: 60 }, (_, i) => item(i)),
    // chunk 1: more of the template than PER_BAND, unrelated and short bodies
    ...Array.from({ length: 80 }, (_, i) => item(100 + i)),
    ...Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? text(120) : text(3))),
    // many words, few different shingles: too repetitive to sign
    Array.from({ length: 60 }, () => 'عاجل').join(' '),
    // chunk 2: the stories' late copies (one story's first printings trashed before it)
    ...stories.map((s) => [...s.slice(0, 2), `${text(5)} - رويترز`].join('\n')),
    ...Array.from({ length: 80 }, () => text(90))
  ]
}

const CHUNK = 100

function insert(archive: Archive, body: string): number {
  return Number(
    archive.sqlite
      .prepare(
        "INSERT INTO articles (uid, content_hash, body) VALUES (lower(hex(randomblob(16))), 'h', ?)"
      )
      .run(body).lastInsertRowid
  )
}

function outcome(archive: Archive): { pairs: unknown[]; bands: unknown[] } {
  return {
    pairs: archive.sqlite
      .prepare(
        'SELECT article_id, other_id, score, status FROM duplicate_candidates ORDER BY article_id, other_id'
      )
      .all(),
    bands: archive.sqlite
      .prepare('SELECT article_id, band, hash FROM article_signatures ORDER BY rowid')
      .all()
  }
}

/** After the second chunk the archivist trashes a story's two printings (ids 4 and 24). */
function trashBetweenChunks(archive: Archive, chunk: number): void {
  if (chunk === 1)
    archive.sqlite.prepare("UPDATE articles SET deleted_at = 'x' WHERE id IN (4, 24)").run()
}

describe('the near-duplicate check of a chunk', () => {
  it('finds the same candidates, pairs and bands as the check article by article', () => {
    const texts = bodies()
    const byArticle = createTestArchive()
    const byChunk = createTestArchive()
    archives.push(byArticle, byChunk)
    const recent = new RecentShingles(1000)
    for (let chunk = 0; chunk * CHUNK < texts.length; chunk++) {
      const slice = texts.slice(chunk * CHUNK, (chunk + 1) * CHUNK)
      byArticle.archive.sqlite.transaction(() => {
        for (const body of slice) {
          const id = insert(byArticle.archive, body)
          recordNearDuplicates(
            byArticle.archive,
            id,
            body,
            id % 3 === 0 ? 'linked' : 'open',
            undefined,
            true
          )
        }
      })()
      byChunk.archive.sqlite.transaction(() => {
        const signed = slice.map((body) => {
          const id = insert(byChunk.archive, body)
          // as the import's analysis gives them: in text order, repeats included
          const shingles = shinglesOfSurface(surfaceOf(body))
          const bands = enoughShingles(shingles) ? bandsOf(shingles) : new Int32Array(0)
          return {
            id,
            status: id % 3 === 0 ? ('linked' as const) : ('open' as const),
            shingles,
            bands
          }
        })
        signChunk(byChunk.archive, signed, recent)
      })()
      trashBetweenChunks(byArticle.archive, chunk)
      trashBetweenChunks(byChunk.archive, chunk)
    }
    const expected = outcome(byArticle.archive)
    const actual = outcome(byChunk.archive)
    // the fixture holds what it is meant to: pairs found in and across chunks, and bands
    const pairs = expected.pairs as { article_id: number; other_id: number }[]
    expect(
      pairs.some((p) => Math.ceil(p.article_id / CHUNK) === Math.ceil(p.other_id / CHUNK))
    ).toBe(true)
    expect(
      pairs.some((p) => Math.ceil(p.article_id / CHUNK) > Math.ceil(p.other_id / CHUNK) + 1)
    ).toBe(true)
    expect(pairs.length).toBeGreaterThan(50)
    expect(actual).toEqual(expected)
  })
})
