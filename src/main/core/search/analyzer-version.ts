/**
 * The index holds text as the analyser (normaliser, tokenizer, stemmer) made it when it was
 * written. When the analyser changes, old rows would stem differently from new queries, so the
 * open sequence compares the version the index was built with (settings `analyzer_version`)
 * with ANALYZER_VERSION and rebuilds the index when they differ.
 */
import { ANALYZER_VERSION } from '@shared/text/analyze'
import type { Archive } from '../db/open'
import { rebuildIndex } from './indexer'

const KEY = 'analyzer_version'

/** Rebuilds the index if it was made by another analyser; returns whether it did. */
export function ensureAnalyzerVersion(archive: Archive): boolean {
  const { sqlite } = archive
  const stored = sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(KEY) as
    string | undefined
  if (stored === String(ANALYZER_VERSION)) return false
  const articles = sqlite
    .prepare('SELECT count(*) FROM articles WHERE deleted_at IS NULL')
    .pluck()
    .get() as number
  // an empty archive has nothing to re-stem; an unmarked one with articles predates the mark
  if (articles > 0) rebuildIndex(archive)
  sqlite
    .prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)')
    .run(KEY, String(ANALYZER_VERSION))
  return articles > 0
}
