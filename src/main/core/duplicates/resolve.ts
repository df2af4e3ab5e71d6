/**
 * What the archivist decides about a possible-duplicate pair. Nothing is ever deleted: a merge
 * moves the newer copy's annotations, tags and collections to the older article, links the two,
 * and puts the newer copy in the trash, from where it can be restored.
 */
import type { DuplicateResolution, DuplicatesResolveInput } from '@shared/contract/duplicates'
import { WarraqError } from '@shared/errors'
import { reanchorAnnotations } from '../annotations/reanchor'
import { trashArticle, updateArticle } from '../articles/service'
import { rowById, rowByUid, toArticle, type ArticleRow } from '../articles/rows'
import type { Archive } from '../db/open'
import { nowIso, stmt } from '../db/statements'

function requireRow(archive: Archive, uid: string): ArticleRow {
  const row = rowByUid(archive, uid)
  if (!row)
    throw new WarraqError('not_found', `No article with uid ${uid}.`, {
      key: 'articles.not_found',
      params: { uid }
    })
  return row
}

function setStatus(archive: Archive, a: number, b: number, status: string): number {
  return stmt(
    archive.sqlite,
    `UPDATE duplicate_candidates SET status = ?, resolved_at = ?
     WHERE (article_id = ? AND other_id = ?) OR (article_id = ? AND other_id = ?)`
  ).run(status, nowIso(), a, b, b, a).changes
}

function addLink(archive: Archive, from: ArticleRow, to: ArticleRow, note: string): void {
  const exists = stmt(
    archive.sqlite,
    'SELECT 1 FROM related_links WHERE article_id = ? AND target_article_id = ?'
  ).get(from.id, to.id)
  if (exists) return
  stmt(
    archive.sqlite,
    'INSERT INTO related_links (article_id, title, url, target_article_id) VALUES (?, ?, ?, ?)'
  ).run(from.id, `${note}: ${to.title}`, `warraq:${to.uid}`, to.id)
}

/** The older of the two: the one that came into the archive first. */
function older(a: ArticleRow, b: ArticleRow): [keep: ArticleRow, other: ArticleRow] {
  const aFirst = a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id)
  return aFirst ? [a, b] : [b, a]
}

function merge(archive: Archive, keep: ArticleRow, other: ArticleRow): void {
  const { sqlite } = archive
  // 1. annotations: moved, then re-anchored from the other body to the kept one (orphaned
  //    where the quoted passage is not in it, never silently moved to a similar sentence)
  const moved = stmt(sqlite, 'SELECT id FROM annotations WHERE article_id = ?')
    .pluck()
    .all(other.id) as number[]
  if (moved.length > 0) {
    stmt(sqlite, 'UPDATE annotations SET article_id = ? WHERE article_id = ?').run(
      keep.id,
      other.id
    )
    reanchorAnnotations(archive, keep.id, other.body, keep.body, keep.version)
  }
  // 2. the related link, written before the revision so the revision records it
  addLink(archive, keep, other, 'merged duplicate')
  // 3. tags and collections, as an edit of the kept article (new version, revision, index)
  const kept = toArticle(archive, keep)
  const from = toArticle(archive, other)
  updateArticle(
    archive,
    {
      uid: keep.uid,
      version: keep.version,
      tags: [...new Set([...kept.tags, ...from.tags])],
      collections: [...new Set([...kept.collections, ...from.collections])]
    },
    `merge ${other.uid}`
  )
  // 4. the copy goes to the trash, restorable
  trashArticle(archive, other.uid)
}

export function resolveDuplicate(
  archive: Archive,
  input: DuplicatesResolveInput
): DuplicateResolution {
  return archive.sqlite.transaction((): DuplicateResolution => {
    const a = requireRow(archive, input.articleUid)
    const b = requireRow(archive, input.otherUid)
    if (a.id === b.id)
      throw new WarraqError('invalid_input', 'An article cannot be a duplicate of itself.', {
        key: 'duplicates.same_article'
      })
    const [keep, other] = older(a, b)
    const status = { dismiss: 'dismissed', link: 'linked', merge: 'merged' }[input.action]
    if (setStatus(archive, a.id, b.id, status) === 0) {
      throw new WarraqError(
        'not_found',
        'These two articles are not recorded as possible duplicates.',
        { key: 'duplicates.not_candidates' }
      )
    }
    if (input.action === 'dismiss') return { action: 'dismiss', keptUid: keep.uid }
    if (input.action === 'link') {
      addLink(archive, keep, other, 'duplicate')
      addLink(archive, other, keep, 'duplicate')
      return { action: 'link', keptUid: keep.uid }
    }
    if (other.deletedAt || keep.deletedAt) {
      throw new WarraqError(
        'conflict',
        'One of the two articles is in the trash; restore it before merging.',
        { key: 'duplicates.in_trash' }
      )
    }
    merge(archive, keep, rowById(archive, other.id)!)
    return { action: 'merge', keptUid: keep.uid, trashedUid: other.uid }
  })()
}
