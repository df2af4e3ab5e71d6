import type { Archive } from '../db/open'
import { nowIso, stmt } from '../db/statements'
import { MIN_FUZZY_SCORE, mapThroughEdit, similarity } from './fuzzy'
import { anchorExact, quoteAt } from './quote'

interface StoredAnchor {
  id: number
  start: number
  end: number
  exact: string
  prefix: string
  suffix: string
}

export type ReanchorOutcome =
  { status: 'anchored'; start: number; end: number } | { status: 'orphaned' }

/**
 * Where an annotation stands in a changed body: position, then exact quote, then the edited
 * passage if it still reads close enough to the quote. Never a merely similar sentence elsewhere.
 */
export function locate(oldBody: string, newBody: string, a: StoredAnchor): ReanchorOutcome {
  const exact = anchorExact(newBody, a, a.start)
  if (exact) return { status: 'anchored', ...exact }
  const mapped = mapThroughEdit(oldBody, newBody, a)
  if (mapped.end > mapped.start) {
    const text = newBody.slice(mapped.start, mapped.end)
    if (similarity(text, a.exact) >= MIN_FUZZY_SCORE) return { status: 'anchored', ...mapped }
  }
  return { status: 'orphaned' }
}

/** Re-anchors every annotation of an article after its body changed outside the editor. */
export function reanchorAnnotations(
  archive: Archive,
  articleId: number,
  oldBody: string,
  newBody: string,
  bodyVersion: number
): { anchored: number; orphaned: number } {
  const { sqlite } = archive
  const rows = stmt(
    sqlite,
    'SELECT id, start, "end", exact, prefix, suffix FROM annotations WHERE article_id = ?'
  ).all(articleId) as StoredAnchor[]
  const anchor = stmt(
    sqlite,
    `UPDATE annotations SET start = ?, "end" = ?, exact = ?, prefix = ?, suffix = ?, body_version = ?,
       status = 'anchored', updated_at = ? WHERE id = ?`
  )
  const orphan = stmt(
    sqlite,
    "UPDATE annotations SET status = 'orphaned', updated_at = ? WHERE id = ?"
  )
  let anchored = 0
  let orphaned = 0
  const at = nowIso()
  for (const row of rows) {
    const outcome = locate(oldBody, newBody, row)
    if (outcome.status === 'anchored') {
      const q = quoteAt(newBody, outcome.start, outcome.end)
      anchor.run(outcome.start, outcome.end, q.exact, q.prefix, q.suffix, bodyVersion, at, row.id)
      anchored++
    } else {
      orphan.run(at, row.id)
      orphaned++
    }
  }
  return { anchored, orphaned }
}
