/**
 * Every importer against random and hostile input: mutated fixtures of each format, random
 * bytes, NUL, lone surrogates, bidi controls, deep nesting, long lines. Whatever comes in, each
 * file gets a result line (imported, partial, duplicate, or failed with a reason), nothing
 * throws, and the archive stays sound.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { zipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { expandBuffers } from '../../src/main/core/import/expand'
import { importFiles } from '../../src/main/core/import/pipeline'
import { createTestArchive, type TestArchive } from '../helpers/archive'

const FIXTURES = resolve(import.meta.dirname, '..', 'fixtures')

/** A small seeded generator (mulberry32), so a failure can be reproduced from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const HOSTILE_PIECES = [
  '\u0000',
  '\uD800',
  '\uDFFF',
  '\u202E',
  '\u2066',
  '\u200F',
  '\uFEFF',
  '"',
  '<',
  '</DOC>',
  '<![CDATA[',
  '{',
  '[',
  ',',
  '\r',
  '\n\n\n',
  'اقرأ أيضاً:',
  '29 فبراير 2016',
  '&#0;',
  '&bogus;',
  'ـــــ',
  '١٤٣٦هـ'
]

function mutate(text: string, next: () => number): string {
  let out = text
  const edits = 1 + Math.floor(next() * 8)
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(next() * (out.length + 1))
    const kind = next()
    if (kind < 0.4) {
      const piece = HOSTILE_PIECES[Math.floor(next() * HOSTILE_PIECES.length)]
      out = out.slice(0, at) + piece + out.slice(at)
    } else if (kind < 0.7) {
      out = out.slice(0, at) + out.slice(at + Math.floor(next() * 200))
    } else if (kind < 0.85) {
      out = out.slice(0, at)
    } else {
      out =
        out.slice(0, at) +
        out.slice(at, at + 50).repeat(1 + Math.floor(next() * 50)) +
        out.slice(at)
    }
  }
  return out
}

function fixtureTexts(): { name: string; text: string }[] {
  return ['formats', 'text'].flatMap((dir) =>
    readdirSync(join(FIXTURES, dir)).map((name) => ({
      name,
      text: readFileSync(join(FIXTURES, dir, name), 'utf8')
    }))
  )
}

function hostileFiles(seed: number, count: number): { name: string; bytes: Uint8Array }[] {
  const next = random(seed)
  const seeds = fixtureTexts()
  const encoder = new TextEncoder()
  const files: { name: string; bytes: Uint8Array }[] = []
  for (let i = 0; i < count; i++) {
    const kind = next()
    if (kind < 0.6) {
      const source = seeds[Math.floor(next() * seeds.length)]
      files.push({ name: `m${i}-${source.name}`, bytes: encoder.encode(mutate(source.text, next)) })
    } else if (kind < 0.75) {
      const bytes = new Uint8Array(Math.floor(next() * 4_000))
      for (let b = 0; b < bytes.length; b++) bytes[b] = Math.floor(next() * 256)
      const ext = ['.json', '.csv', '.xml', '.html', '.txt', '.zip', ''][Math.floor(next() * 7)]
      files.push({ name: `r${i}${ext}`, bytes })
    } else if (kind < 0.85) {
      const depth = 1 + Math.floor(next() * 200_000)
      files.push({
        name: `nest${i}.json`,
        bytes: encoder.encode('['.repeat(depth) + ']'.repeat(next() < 0.5 ? depth : 0))
      })
    } else if (kind < 0.95) {
      const source = seeds[Math.floor(next() * seeds.length)]
      const zip = zipSync({ [source.name]: encoder.encode(mutate(source.text, next)) })
      const cut = next() < 0.5 ? zip.length : Math.floor(next() * zip.length)
      files.push({ name: `z${i}.zip`, bytes: zip.subarray(0, cut) })
    } else {
      files.push({ name: `long${i}.txt`, bytes: encoder.encode('كلمة '.repeat(200_000)) })
    }
  }
  return files
}

let t: TestArchive
beforeEach(() => {
  t = createTestArchive()
})
afterEach(() => t.cleanup())

describe('importers under random and hostile input', () => {
  for (const seed of [1, 2, 3]) {
    it(`gives every file a result and stays sound (seed ${seed})`, async () => {
      const files = hostileFiles(seed, 80)
      const summary = await importFiles(t.archive, expandBuffers(files), { duplicates: 'import' })
      // zips may expand to one file each; every input has at least one result line
      expect(summary.files.length).toBeGreaterThanOrEqual(files.length)
      for (const result of summary.files) {
        expect(['imported', 'partial', 'duplicate', 'failed']).toContain(result.status)
        if (result.status === 'failed') expect(result.reason, result.path).toMatch(/\S{3,}/)
        if (result.status === 'imported') expect(result.uids.length).toBeGreaterThan(0)
      }
      expect(t.archive.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
      const articles = t.archive.sqlite.prepare('SELECT count(*) FROM articles').pluck().get()
      const indexed = t.archive.sqlite.prepare('SELECT count(*) FROM articles_fts').pluck().get()
      expect(indexed).toBe(articles)
    })
  }
})
