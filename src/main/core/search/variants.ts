import type { VariantGroup } from '@shared/contract/variants'
import { WarraqError } from '@shared/errors'
import { DEFAULT_VARIANT_GROUPS } from '@shared/text/variants'
import { normalizeText } from '@shared/text/normalize'
import type Database from 'better-sqlite3'
import { tokenize } from '@shared/text/tokenize'
import type { Archive } from '../db/open'

type Groups = readonly (readonly string[])[]

/** per connection: a restore reopens the archive on a new one, whose table may differ */
const cache = new WeakMap<Database.Database, Groups>()

function seed(archive: Archive): void {
  const { sqlite } = archive
  const seeded = sqlite
    .prepare("SELECT value FROM settings WHERE key = 'variants_seeded'")
    .pluck()
    .get()
  if (seeded) return
  sqlite.transaction(() => {
    const insert = sqlite.prepare('INSERT INTO spelling_variants (words) VALUES (?)')
    for (const group of DEFAULT_VARIANT_GROUPS) insert.run(JSON.stringify(group))
    sqlite
      .prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('variants_seeded', '1')")
      .run()
  })()
}

/**
 * The archive's table of equivalent spellings (سوريا / سورية), seeded with the common ones on
 * first use. Applied at query time, so editing it needs no re-index.
 */
export function variantGroups(archive: Archive): Groups {
  const cached = cache.get(archive.sqlite)
  if (cached) return cached
  const seeded = archive.sqlite
    .prepare("SELECT value FROM settings WHERE key = 'variants_seeded'")
    .pluck()
    .get()
  // a read-only archive is searched with the default groups, unseeded (nothing may be written)
  if (!seeded && archive.sqlite.readonly) {
    const defaults = DEFAULT_VARIANT_GROUPS.map((g) =>
      g.map((w) => normalizeText(w)).filter(Boolean)
    ) as Groups
    cache.set(archive.sqlite, defaults)
    return defaults
  }
  seed(archive)
  const groups = listVariants(archive).map((g) =>
    g.words.map((w) => normalizeText(w)).filter(Boolean)
  )
  cache.set(archive.sqlite, groups)
  return groups
}

/** Every group with its id, in the order they were added. */
export function listVariants(archive: Archive): VariantGroup[] {
  seed(archive)
  const rows = archive.sqlite
    .prepare('SELECT id, words FROM spelling_variants ORDER BY id')
    .all() as { id: number; words: string }[]
  return rows.map((r) => ({ id: r.id, words: JSON.parse(r.words) as string[] }))
}

export function listVariantGroups(archive: Archive): string[][] {
  return listVariants(archive).map((g) => g.words)
}

/**
 * The words of a group as they will be stored: trimmed, without repeats of the same normalised
 * spelling, each a single word (a search term), at least two of them.
 */
function cleanWords(words: readonly string[]): string[] {
  const seen = new Set<string>()
  const kept: string[] = []
  for (const raw of words) {
    const word = raw.trim()
    if (tokenize(word).length !== 1) {
      throw new WarraqError('invalid_input', `"${word}" is not a single word.`, {
        key: 'variants.not_one_word',
        params: { word }
      })
    }
    const norm = normalizeText(word)
    if (seen.has(norm)) continue
    seen.add(norm)
    kept.push(word)
  }
  if (kept.length < 2) {
    throw new WarraqError(
      'invalid_input',
      'A group needs at least two spellings that normalising does not already join.',
      { key: 'variants.too_few' }
    )
  }
  return kept
}

function getVariant(archive: Archive, id: number): VariantGroup {
  const row = archive.sqlite
    .prepare('SELECT id, words FROM spelling_variants WHERE id = ?')
    .get(id) as { id: number; words: string } | undefined
  if (!row) {
    throw new WarraqError('not_found', `No group of spellings with id ${id}.`, {
      key: 'variants.not_found',
      params: { id }
    })
  }
  return { id: row.id, words: JSON.parse(row.words) as string[] }
}

export function addVariant(archive: Archive, words: readonly string[]): VariantGroup {
  seed(archive)
  const clean = cleanWords(words)
  const id = Number(
    archive.sqlite
      .prepare('INSERT INTO spelling_variants (words) VALUES (?)')
      .run(JSON.stringify(clean)).lastInsertRowid
  )
  cache.delete(archive.sqlite)
  return getVariant(archive, id)
}

export function updateVariant(
  archive: Archive,
  id: number,
  words: readonly string[]
): VariantGroup {
  getVariant(archive, id)
  const clean = cleanWords(words)
  archive.sqlite
    .prepare('UPDATE spelling_variants SET words = ? WHERE id = ?')
    .run(JSON.stringify(clean), id)
  cache.delete(archive.sqlite)
  return getVariant(archive, id)
}

export function removeVariant(archive: Archive, id: number): { id: number } {
  getVariant(archive, id)
  archive.sqlite.prepare('DELETE FROM spelling_variants WHERE id = ?').run(id)
  cache.delete(archive.sqlite)
  return { id }
}

/** Replaces the whole table (the editor in the UI sends every group). */
export function setVariantGroups(archive: Archive, groups: string[][]): string[][] {
  const { sqlite } = archive
  sqlite.transaction(() => {
    sqlite.prepare('DELETE FROM spelling_variants').run()
    const insert = sqlite.prepare('INSERT INTO spelling_variants (words) VALUES (?)')
    for (const group of groups) {
      const words = [...new Set(group.map((w) => w.trim()).filter(Boolean))]
      if (words.length >= 2) insert.run(JSON.stringify(words))
    }
    sqlite
      .prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('variants_seeded', '1')")
      .run()
  })()
  cache.delete(archive.sqlite)
  return listVariantGroups(archive)
}
