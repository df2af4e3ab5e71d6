/**
 * Tags of annotations live in `annotation_tags`, beside `article_tags`, on the same `tags` rows:
 * a rename, merge or delete of a tag is one statement per table (core/tags/service.ts).
 */
import { ensureTag } from '../articles/write'
import type { Archive } from '../db/open'
import { stmt } from '../db/statements'

/**
 * An annotation's tag names as a JSON array, in name order, for `SELECT … FROM annotations n`:
 * readers keep the array shape the annotations' JSON column had.
 */
export const ANNOTATION_TAGS_SQL = `(SELECT json_group_array(name) FROM (SELECT t.name FROM annotation_tags x
  JOIN tags t ON t.id = x.tag_id WHERE x.annotation_id = n.id ORDER BY t.name)) AS tags`

/** Replaces an annotation's tags with `names` (created when new, blanks and repeats dropped). */
export function setAnnotationTags(archive: Archive, annotationId: number, names: string[]): void {
  stmt(archive.sqlite, 'DELETE FROM annotation_tags WHERE annotation_id = ?').run(annotationId)
  const insert = stmt(
    archive.sqlite,
    'INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)'
  )
  for (const name of names) if (name.trim()) insert.run(annotationId, ensureTag(archive, name))
}
