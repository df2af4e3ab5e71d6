import type { EditorRangeInput } from '@shared/contract/articles'
import { WarraqError } from '@shared/errors'
import type { Archive } from '../db/open'
import { nowIso, stmt } from '../db/statements'
import { quoteAt } from './quote'

interface Current {
  id: number
  start: number
  end: number
  status: string
}

/**
 * Applies the editor's annotation ranges to an article just saved, inside the caller's
 * transaction and after the server's re-anchoring: the editor mapped every range through the
 * actual edits, so it wins over the quote-based guess. An annotation deleted meanwhile (another
 * window) is skipped; a range outside the saved body rejects the whole save.
 */
export function applyEditorRanges(
  archive: Archive,
  articleId: number,
  body: string,
  bodyVersion: number,
  ranges: readonly EditorRangeInput[]
): { anchored: number; orphaned: number } {
  const { sqlite } = archive
  const find = stmt(
    sqlite,
    'SELECT id, start, "end", status FROM annotations WHERE uid = ? AND article_id = ?'
  )
  const anchor = stmt(
    sqlite,
    `UPDATE annotations SET start = ?, "end" = ?, exact = ?, prefix = ?, suffix = ?, body_version = ?,
       status = 'anchored', updated_at = ? WHERE id = ?`
  )
  const orphan = stmt(
    sqlite,
    "UPDATE annotations SET status = 'orphaned', updated_at = ? WHERE id = ?"
  )
  const at = nowIso()
  let anchored = 0
  let orphaned = 0
  for (const range of ranges) {
    const current = find.get(range.uid, articleId) as Current | undefined
    if (!current) continue
    if ('status' in range) {
      if (current.status !== 'orphaned') {
        orphan.run(at, current.id)
        orphaned++
      }
      continue
    }
    if (range.end > body.length || range.start >= range.end) {
      throw new WarraqError(
        'invalid_input',
        `The annotation range ${range.start}–${range.end} is outside the saved text (${body.length} characters).`,
        {
          key: 'annotations.range_outside',
          params: { start: range.start, end: range.end, length: body.length }
        }
      )
    }
    const same =
      current.status === 'anchored' && current.start === range.start && current.end === range.end
    if (same) continue
    const q = quoteAt(body, range.start, range.end)
    anchor.run(range.start, range.end, q.exact, q.prefix, q.suffix, bodyVersion, at, current.id)
    anchored++
  }
  return { anchored, orphaned }
}
