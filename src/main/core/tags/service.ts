import type { Tag } from '@shared/contract/tags'
import type { TagCreateInput, TagUpdateInput } from '@shared/contract/tags'
import { WarraqError } from '@shared/errors'
import type { z } from 'zod'
import type { Archive } from '../db/open'
import { stmt } from '../db/statements'
import { fillTemp } from '../bulk/revisions'
import { reindexSet } from '../search/reindex-queue'

interface TagRow {
  id: number
  name: string
}

/**
 * Every tag with its counts: tags of articles (rows of `tags`) and tags only annotations use
 * (annotation tags are JSON arrays of names), merged by name.
 */
export function listTags(archive: Archive): Tag[] {
  const { sqlite } = archive
  const rows = sqlite
    .prepare(
      `SELECT t.name, t.color, (SELECT count(*) FROM article_tags at JOIN articles a
         ON a.id = at.article_id WHERE at.tag_id = t.id AND a.deleted_at IS NULL) AS articleCount
       FROM tags t`
    )
    .all() as Omit<Tag, 'annotationCount'>[]
  const onAnnotations = sqlite
    .prepare(
      'SELECT j.value AS name, count(*) AS n FROM annotations x, json_each(x.tags) j GROUP BY j.value'
    )
    .all() as { name: string; n: number }[]
  const byName = new Map<string, Tag>(rows.map((r) => [r.name, { ...r, annotationCount: 0 }]))
  for (const { name, n } of onAnnotations) {
    const tag = byName.get(name) ?? { name, color: null, articleCount: 0, annotationCount: 0 }
    tag.annotationCount = n
    byName.set(name, tag)
  }
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

function getTag(archive: Archive, name: string): Tag {
  const tag = listTags(archive).find((t) => t.name === name)
  if (!tag) throw new WarraqError('not_found', `No tag named ${name}.`)
  return tag
}

export function createTag(archive: Archive, input: z.output<typeof TagCreateInput>): Tag {
  stmt(archive.sqlite, 'INSERT OR IGNORE INTO tags (name, color) VALUES (?, ?)').run(
    input.name,
    input.color ?? null
  )
  if (input.color !== undefined) {
    stmt(archive.sqlite, 'UPDATE tags SET color = ? WHERE name = ?').run(input.color, input.name)
  }
  return getTag(archive, input.name)
}

const under = (name: string, root: string): boolean => name === root || name.startsWith(`${root}/`)

/** Tags of the subtree rooted at `root`, the root first. */
function subtree(archive: Archive, root: string): TagRow[] {
  return stmt(
    archive.sqlite,
    "SELECT id, name FROM tags WHERE name = ? OR substr(name, 1, length(?) + 1) = ? || '/' ORDER BY length(name)"
  ).all(root, root, root) as TagRow[]
}

/**
 * Moves the subtree at `from` to `to`: each tag `from/x` becomes `to/x`, merged into that tag
 * when it exists (its articles re-tagged, duplicates dropped), renamed otherwise. Annotation tag
 * arrays are re-written the same way, and the articles touched are re-indexed (tag names are
 * searchable). One transaction.
 */
function repath(archive: Archive, from: string, to: string): void {
  const { sqlite } = archive
  if (under(to, from) && to !== from) {
    throw new WarraqError('invalid_input', `A tag cannot be moved below itself (${to}).`)
  }
  const map = (name: string): string => (under(name, from) ? to + name.slice(from.length) : name)
  const touched = new Set<number>()
  for (const tag of subtree(archive, from)) {
    const target = map(tag.name)
    const articleIds = stmt(sqlite, 'SELECT article_id FROM article_tags WHERE tag_id = ?')
      .pluck()
      .all(tag.id) as number[]
    articleIds.forEach((id) => touched.add(id))
    const existing = stmt(sqlite, 'SELECT id FROM tags WHERE name = ?').pluck().get(target) as
      number | undefined
    if (existing === undefined) {
      stmt(sqlite, 'UPDATE tags SET name = ? WHERE id = ?').run(target, tag.id)
    } else if (existing !== tag.id) {
      stmt(
        sqlite,
        'INSERT OR IGNORE INTO article_tags (article_id, tag_id) SELECT article_id, ? FROM article_tags WHERE tag_id = ?'
      ).run(existing, tag.id)
      stmt(sqlite, 'DELETE FROM tags WHERE id = ?').run(tag.id)
    }
  }
  rewriteAnnotationTags(archive, from, (names) => [...new Set(names.map(map))])
  reindexTouched(archive, touched)
}

/** Tag names are searchable words: re-index the articles a rename or merge touched. */
function reindexTouched(archive: Archive, touched: Set<number>): void {
  fillTemp(archive, 'tag_touched', touched)
  reindexSet(archive, 'tag_touched', [...touched])
}

/** Re-writes the tag arrays of the annotations that carry a tag of the subtree at `root`. */
function rewriteAnnotationTags(
  archive: Archive,
  root: string,
  change: (names: string[]) => string[]
): void {
  const rows = archive.sqlite
    .prepare(
      `SELECT id, tags FROM annotations WHERE EXISTS (SELECT 1 FROM json_each(annotations.tags) j
       WHERE j.value = ? OR substr(j.value, 1, length(?) + 1) = ? || '/')`
    )
    .all(root, root, root) as { id: number; tags: string }[]
  const update = stmt(archive.sqlite, 'UPDATE annotations SET tags = ? WHERE id = ?')
  for (const row of rows) {
    update.run(JSON.stringify(change(JSON.parse(row.tags) as string[])), row.id)
  }
}

function exists(archive: Archive, name: string): boolean {
  if (subtree(archive, name).length) return true
  return listTags(archive).some((t) => t.name === name)
}

/** Renames a tag (its children follow) and/or sets its colour. */
export function updateTag(archive: Archive, input: z.output<typeof TagUpdateInput>): Tag {
  if (!exists(archive, input.name))
    throw new WarraqError('not_found', `No tag named ${input.name}.`)
  let name = input.name
  archive.sqlite.transaction(() => {
    if (input.rename !== undefined && input.rename !== input.name) {
      if (exists(archive, input.rename)) {
        throw new WarraqError(
          'conflict',
          `A tag named ${input.rename} already exists: merge the two tags instead.`
        )
      }
      // a tag only annotations use gets its row now, so it can be renamed like any other
      stmt(archive.sqlite, 'INSERT OR IGNORE INTO tags (name) VALUES (?)').run(input.name)
      repath(archive, input.name, input.rename)
      name = input.rename
    }
    if (input.color !== undefined) {
      stmt(archive.sqlite, 'INSERT OR IGNORE INTO tags (name) VALUES (?)').run(name)
      stmt(archive.sqlite, 'UPDATE tags SET color = ? WHERE name = ?').run(input.color, name)
    }
  })()
  return getTag(archive, name)
}

/** Merges `from` into `into`: every article and annotation tagged `from` is tagged `into`. */
export function mergeTags(archive: Archive, from: string, into: string): Tag {
  if (from === into) throw new WarraqError('invalid_input', 'A tag cannot be merged into itself.')
  if (!exists(archive, from)) throw new WarraqError('not_found', `No tag named ${from}.`)
  if (!exists(archive, into)) throw new WarraqError('not_found', `No tag named ${into}.`)
  archive.sqlite.transaction(() => {
    stmt(archive.sqlite, 'INSERT OR IGNORE INTO tags (name) VALUES (?)').run(into)
    repath(archive, from, into)
  })()
  return getTag(archive, into)
}

/** Deletes a tag and its children from every article and annotation (the UI confirms first). */
export function deleteTag(archive: Archive, name: string): { name: string } {
  archive.sqlite.transaction(() => {
    const touched = new Set<number>()
    for (const tag of subtree(archive, name)) {
      const ids = stmt(archive.sqlite, 'SELECT article_id FROM article_tags WHERE tag_id = ?')
        .pluck()
        .all(tag.id) as number[]
      ids.forEach((id) => touched.add(id))
      stmt(archive.sqlite, 'DELETE FROM tags WHERE id = ?').run(tag.id)
    }
    rewriteAnnotationTags(archive, name, (names) => names.filter((n) => !under(n, name)))
    reindexTouched(archive, touched)
  })()
  return { name }
}
