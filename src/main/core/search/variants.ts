import { DEFAULT_VARIANT_GROUPS } from '@shared/text/variants'
import { normalizeText } from '@shared/text/normalize'
import type { Archive } from '../db/open'

type Groups = readonly (readonly string[])[]

const cache = new WeakMap<Archive, Groups>()

/**
 * The archive's table of equivalent spellings (سوريا / سورية), seeded with the common ones on
 * first use. Applied at query time, so editing it needs no re-index.
 */
export function variantGroups(archive: Archive): Groups {
  const cached = cache.get(archive)
  if (cached) return cached
  const { sqlite } = archive
  const seeded = sqlite
    .prepare("SELECT value FROM settings WHERE key = 'variants_seeded'")
    .pluck()
    .get()
  // a read-only archive is searched with the default groups, unseeded (nothing may be written)
  if (!seeded && sqlite.readonly) {
    const groups = DEFAULT_VARIANT_GROUPS.map((g) =>
      g.map((w) => normalizeText(w)).filter(Boolean)
    ) as Groups
    cache.set(archive, groups)
    return groups
  }
  if (!seeded) {
    sqlite.transaction(() => {
      const insert = sqlite.prepare('INSERT INTO spelling_variants (words) VALUES (?)')
      for (const group of DEFAULT_VARIANT_GROUPS) insert.run(JSON.stringify(group))
      sqlite
        .prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('variants_seeded', '1')")
        .run()
    })()
  }
  const rows = sqlite
    .prepare('SELECT words FROM spelling_variants ORDER BY id')
    .pluck()
    .all() as string[]
  const groups = rows.map((r) =>
    (JSON.parse(r) as string[]).map((w) => normalizeText(w)).filter(Boolean)
  )
  cache.set(archive, groups)
  return groups
}

export function listVariantGroups(archive: Archive): string[][] {
  variantGroups(archive)
  return (
    archive.sqlite
      .prepare('SELECT words FROM spelling_variants ORDER BY id')
      .pluck()
      .all() as string[]
  ).map((r) => JSON.parse(r) as string[])
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
  cache.delete(archive)
  return listVariantGroups(archive)
}
