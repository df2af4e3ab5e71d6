/**
 * Which incoming article is already in the archive, and which is another printing of a story
 * the archive holds. A news archive keeps each publication's printing as its own record, so the
 * body alone never makes a duplicate:
 *
 * 1. an exact duplicate is the same identifier (DOCNO, a JSON `id`) from the same source, the
 *    same URL, or the same source with the same normalised title and the same body;
 * 2. the same body under another title, from another source or on another date is a copy of one
 *    story: imported, and put in the story's group;
 * 3. a placeholder body (empty, a few words such as "التفاصيل لاحقاً", or one short line that many
 *    articles share, such as a disclaimer) makes neither a duplicate nor a story.
 */
import type { ParsedArticle } from '@shared/domain'
import { surfaceOf } from '@shared/text/analyze'
import type { Archive } from '../db/open'
import { stmt } from '../db/statements'

/** Bodies of fewer words are placeholders ("التفاصيل لاحقاً", a one-line disclaimer). */
export const PLACEHOLDER_MAX_WORDS = 20
/** A one-paragraph body this short, already held by this many articles, is boilerplate. */
export const BOILERPLATE_MAX_WORDS = 60
export const BOILERPLATE_MIN_HOLDERS = 3
/** Bounds the title comparison for a body many articles share. */
const MAX_SAME_BODY = 200

export interface Existing {
  id: number
  uid: string
}

/** Whether a body of so many (normalised) words says nothing an identity can rest on. */
export function isPlaceholderBody(
  archive: Archive,
  body: string,
  words: number,
  hash: string
): boolean {
  if (words < PLACEHOLDER_MAX_WORDS) return true
  if (words > BOILERPLATE_MAX_WORDS || body.trim().includes('\n')) return false
  const holders = stmt(
    archive.sqlite,
    'SELECT count(*) FROM (SELECT 1 FROM articles WHERE content_hash = ? AND deleted_at IS NULL LIMIT ?)'
  )
    .pluck()
    .get(hash, BOILERPLATE_MIN_HOLDERS) as number
  return holders >= BOILERPLATE_MIN_HOLDERS
}

/** The archive's id of a source name, without creating it (none yet: null). */
function sourceIdOf(archive: Archive, name: string | null | undefined): number | null | 'none' {
  const clean = name?.trim()
  if (!clean) return null
  const id = stmt(archive.sqlite, 'SELECT id FROM sources WHERE name = ?').pluck().get(clean) as
    number | undefined
  return id ?? 'none'
}

/** The article this one exactly duplicates, by identifier, URL, or source + title + body. */
export function findExactDuplicate(
  archive: Archive,
  article: ParsedArticle,
  hash: string,
  placeholder: boolean
): Existing | undefined {
  const { sqlite } = archive
  const source = sourceIdOf(archive, article.source)
  // a source the archive has never seen cannot have printed anything in it yet
  if (source === 'none' && !article.url) return undefined
  const identifier = article.sourceId?.trim()
  if (identifier && source !== 'none') {
    const found = stmt(
      sqlite,
      // without statistics SQLite would walk the source's index (all of a source's articles,
      // per article imported: quadratic for a big feed); the identifier's index is the narrow one
      `SELECT id, uid FROM articles INDEXED BY articles_source_ref_idx
       WHERE source_ref = ? AND source_id IS ? AND deleted_at IS NULL ORDER BY id LIMIT 1`
    ).get(identifier, source) as Existing | undefined
    if (found) return found
  }
  const url = article.url?.trim()
  if (url) {
    const found = stmt(
      sqlite,
      'SELECT id, uid FROM articles WHERE url = ? AND deleted_at IS NULL ORDER BY id LIMIT 1'
    ).get(url) as Existing | undefined
    if (found) return found
  }
  if (source === 'none') return undefined
  // records with an identifier of their own are told apart by it, even with one placeholder
  // body and one title ("عاجل" / "التفاصيل لاحقاً" from one agency)
  if (identifier && placeholder) return undefined
  const title = surfaceOf(article.title)
  const rows = stmt(
    sqlite,
    // the body's index, not the source's (which SQLite picks for its ORDER BY: every article of
    // the source, or every source-less one, read for each article imported)
    `SELECT id, uid, title FROM articles INDEXED BY articles_hash_idx
     WHERE content_hash = ? AND source_id IS ? AND deleted_at IS NULL ORDER BY id LIMIT ${MAX_SAME_BODY}`
  ).all(hash, source) as (Existing & { title: string })[]
  const same = rows.find((r) => r.title === article.title || surfaceOf(r.title) === title)
  return same ? { id: same.id, uid: same.uid } : undefined
}

/** The earliest article with the same body: the story this one is another printing of. */
export function findStory(
  archive: Archive,
  hash: string
): (Existing & { story: string }) | undefined {
  const row = stmt(
    archive.sqlite,
    `SELECT id, uid, story_uid AS storyUid FROM articles WHERE content_hash = ?
     AND deleted_at IS NULL ORDER BY id LIMIT 1`
  ).get(hash) as (Existing & { storyUid: string | null }) | undefined
  if (!row) return undefined
  return { id: row.id, uid: row.uid, story: row.storyUid ?? row.uid }
}

/** Puts the first printing in its story group (the group is named by its uid). */
export function openStory(archive: Archive, first: Existing & { story: string }): void {
  stmt(archive.sqlite, 'UPDATE articles SET story_uid = ? WHERE id = ? AND story_uid IS NULL').run(
    first.story,
    first.id
  )
}
