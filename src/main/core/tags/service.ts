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

const TAG_SELECT = `SELECT t.name, t.color,
  (SELECT count(*) FROM article_tags at JOIN articles a ON a.id = at.article_id
    WHERE at.tag_id = t.id AND a.deleted_at IS NULL) AS articleCount,
  (SELECT count(*) FROM annotation_tags x WHERE x.tag_id = t.id) AS annotationCount
  FROM tags t`

/** Every tag with the number of live articles and of annotations that carry it. */
export function listTags(archive: Archive): Tag[] {
  return archive.sqlite.prepare(`${TAG_SELECT} ORDER BY t.name`).all() as Tag[]
}

function getTag(archive: Archive, name: string): Tag {
  const tag = stmt(archive.sqlite, `${TAG_SELECT} WHERE t.name = ?`).get(name) as Tag | undefined
  if (!tag)
    throw new WarraqError('not_found', `No tag named ${name}.`, {
      key: 'tags.not_found',
      params: { name }
    })
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
 * when it exists, renamed otherwise. Articles and annotations share the `tags` rows, so a rename
 * is one UPDATE of `tags`, and a merge one UPDATE per join table (links the target already has
 * are left to the DELETE, which cascades). The articles touched are re-indexed (tag names are
 * searchable). The caller owns the transaction.
 */
function repath(archive: Archive, from: string, to: string): void {
  const { sqlite } = archive
  if (under(to, from) && to !== from) {
    throw new WarraqError('invalid_input', `A tag cannot be moved below itself (${to}).`, {
      key: 'tags.below_itself',
      params: { name: to }
    })
  }
  const map = (name: string): string => (under(name, from) ? to + name.slice(from.length) : name)
  const touched = new Set<number>()
  for (const tag of subtree(archive, from)) {
    const target = map(tag.name)
    articlesOf(archive, tag.id).forEach((id) => touched.add(id))
    const existing = stmt(sqlite, 'SELECT id FROM tags WHERE name = ?').pluck().get(target) as
      number | undefined
    if (existing === undefined) {
      stmt(sqlite, 'UPDATE tags SET name = ? WHERE id = ?').run(target, tag.id)
    } else if (existing !== tag.id) {
      stmt(sqlite, 'UPDATE OR IGNORE article_tags SET tag_id = ? WHERE tag_id = ?').run(
        existing,
        tag.id
      )
      stmt(sqlite, 'UPDATE OR IGNORE annotation_tags SET tag_id = ? WHERE tag_id = ?').run(
        existing,
        tag.id
      )
      stmt(sqlite, 'DELETE FROM tags WHERE id = ?').run(tag.id)
    }
  }
  reindexTouched(archive, touched)
}

function articlesOf(archive: Archive, tagId: number): number[] {
  return stmt(archive.sqlite, 'SELECT article_id FROM article_tags WHERE tag_id = ?')
    .pluck()
    .all(tagId) as number[]
}

/** Tag names are searchable words: re-index the articles a rename or merge touched. */
function reindexTouched(archive: Archive, touched: Set<number>): void {
  fillTemp(archive, 'tag_touched', touched)
  reindexSet(archive, 'tag_touched', [...touched])
}

function exists(archive: Archive, name: string): boolean {
  return subtree(archive, name).length > 0
}

const notFound = (name: string): WarraqError =>
  new WarraqError('not_found', `No tag named ${name}.`, {
    key: 'tags.not_found',
    params: { name }
  })

/** Renames a tag (its children follow) and/or sets its colour. */
export function updateTag(archive: Archive, input: z.output<typeof TagUpdateInput>): Tag {
  if (!exists(archive, input.name)) throw notFound(input.name)
  let name = input.name
  archive.sqlite.transaction(() => {
    if (input.rename !== undefined && input.rename !== input.name) {
      if (exists(archive, input.rename)) {
        throw new WarraqError(
          'conflict',
          `A tag named ${input.rename} already exists: merge the two tags instead.`,
          { key: 'tags.rename_exists', params: { name: input.rename } }
        )
      }
      // a path only its children spell (سياسة of سياسة/دولية) gets its row now
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
  if (from === into) {
    throw new WarraqError('invalid_input', 'A tag cannot be merged into itself.', {
      key: 'tags.merge_into_itself',
      params: { name: from }
    })
  }
  if (!exists(archive, from)) throw notFound(from)
  if (!exists(archive, into)) throw notFound(into)
  archive.sqlite.transaction(() => {
    stmt(archive.sqlite, 'INSERT OR IGNORE INTO tags (name) VALUES (?)').run(into)
    repath(archive, from, into)
  })()
  return getTag(archive, into)
}

/**
 * Deletes a tag and its children from every article and annotation (the UI confirms first): one
 * DELETE of the subtree's `tags` rows, whose links in both join tables cascade.
 */
export function deleteTag(archive: Archive, name: string): { name: string } {
  archive.sqlite.transaction(() => {
    const touched = new Set<number>()
    for (const tag of subtree(archive, name))
      articlesOf(archive, tag.id).forEach((id) => touched.add(id))
    stmt(
      archive.sqlite,
      "DELETE FROM tags WHERE name = ? OR substr(name, 1, length(?) + 1) = ? || '/'"
    ).run(name, name, name)
    reindexTouched(archive, touched)
  })()
  return { name }
}
