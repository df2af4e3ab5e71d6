import { analyzeForIndex } from '@shared/text/analyze'
import type { Archive } from '../db/open'
import { stmt } from '../db/statements'
import { parseJsonList } from '../articles/rows'

interface IndexSource {
  title: string
  subtitle: string | null
  body: string
  authors: string
  source: string | null
  caption: string | null
  notes: string | null
  section: string | null
  deletedAt: string | null
}

/**
 * Writes an article's processed text to the FTS index, replacing what was there. Called inside
 * the same transaction as the change to the article, so the index never lags behind.
 */
export function indexArticle(archive: Archive, articleId: number): void {
  const { sqlite } = archive
  stmt(sqlite, 'DELETE FROM articles_fts WHERE rowid = ?').run(articleId)
  const row = stmt(
    sqlite,
    `SELECT a.title, a.subtitle, a.body, a.authors, s.name AS source, a.caption, a.notes, a.section,
            a.deleted_at AS deletedAt
     FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE a.id = ?`
  ).get(articleId) as IndexSource | undefined
  if (!row || row.deletedAt) return
  const tags = stmt(
    sqlite,
    'SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = ?'
  )
    .pluck()
    .all(articleId) as string[]
  const annotationNotes = stmt(
    sqlite,
    "SELECT note FROM annotations WHERE article_id = ? AND note IS NOT NULL AND note != ''"
  )
    .pluck()
    .all(articleId) as string[]
  const title = analyzeForIndex([row.title, row.subtitle ?? ''].join('\n'))
  const body = analyzeForIndex(row.body)
  const meta = analyzeForIndex(
    [
      ...parseJsonList(row.authors),
      row.source ?? '',
      row.caption ?? '',
      row.section ?? '',
      row.notes ?? '',
      ...tags.map((t) => t.replaceAll('/', ' ')),
      ...annotationNotes
    ].join('\n')
  )
  stmt(
    sqlite,
    'INSERT INTO articles_fts (rowid, title_s, title_t, body_s, body_t, meta_s, meta_t) VALUES (?, ?, ?, ?, ?, ?, ?)'
  ).run(articleId, title.surface, title.stems, body.surface, body.stems, meta.surface, meta.stems)
}

export function unindexArticle(archive: Archive, articleId: number): void {
  stmt(archive.sqlite, 'DELETE FROM articles_fts WHERE rowid = ?').run(articleId)
}

/** Recreates the whole index from the articles, in one transaction. */
export function rebuildIndex(
  archive: Archive,
  onProgress?: (done: number, total: number) => void
): number {
  const { sqlite } = archive
  const ids = sqlite
    .prepare('SELECT id FROM articles WHERE deleted_at IS NULL ORDER BY id')
    .pluck()
    .all() as number[]
  sqlite.transaction(() => {
    sqlite.exec("INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')")
    ids.forEach((id, i) => {
      indexArticle(archive, id)
      if (onProgress && i % 1000 === 0) onProgress(i, ids.length)
    })
  })()
  onProgress?.(ids.length, ids.length)
  return ids.length
}
