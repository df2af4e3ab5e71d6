import type { Archive } from '../db/open'
import { stmt } from '../db/statements'
import { indexArticle } from './indexer'

/** Up to this many articles are re-indexed inside the change's own transaction. */
export const SYNC_REINDEX_LIMIT = 500
// ~2 ms an article: a batch holds the main process for ~100 ms at most
const BATCH = 50

const draining = new WeakSet<Archive>()

/**
 * Re-indexes the articles of the temporary table `table`: at once when they are few, else
 * through the queue. Analysing a body costs ~2 ms, so a bulk edit of 10,000 articles would hold
 * the main process for 20 s; queued, its tags are searchable by `tag:` at once (a join, not the
 * index) and by plain words once the queue drains, a few seconds later.
 */
export function reindexSet(archive: Archive, table: string, ids: number[]): void {
  if (ids.length <= SYNC_REINDEX_LIMIT) {
    for (const id of ids) indexArticle(archive, id)
    return
  }
  archive.sqlite
    .prepare(`INSERT OR IGNORE INTO reindex_queue (article_id) SELECT id FROM ${table}`)
    .run()
  scheduleReindex(archive)
}

/** Re-indexes one batch of the queue in one transaction; returns how many are left. */
export function drainReindex(archive: Archive, batch = BATCH): number {
  const { sqlite } = archive
  return sqlite.transaction(() => {
    const ids = stmt(sqlite, 'SELECT article_id FROM reindex_queue LIMIT ?')
      .pluck()
      .all(batch) as number[]
    const done = stmt(sqlite, 'DELETE FROM reindex_queue WHERE article_id = ?')
    for (const id of ids) {
      indexArticle(archive, id)
      done.run(id)
    }
    return stmt(sqlite, 'SELECT count(*) FROM reindex_queue').pluck().get() as number
  })()
}

/** Drains the queue a batch per timer tick, so calls in between are served. */
export function scheduleReindex(archive: Archive): void {
  if (draining.has(archive)) return
  draining.add(archive)
  const tick = (): void => {
    try {
      if (!archive.sqlite.open || drainReindex(archive) === 0) {
        draining.delete(archive)
        return
      }
    } catch {
      // the archive was closed or is busy: the queue is kept and drained at the next start
      draining.delete(archive)
      return
    }
    setTimeout(tick, 10)
  }
  setTimeout(tick, 10)
}
