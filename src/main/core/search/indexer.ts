import { ANALYZER_VERSION, analyzeForIndex, type IndexedText } from '@shared/text/analyze'
import type { Lexicon } from '@shared/text/lexicon'
import type { Archive } from '../db/open'
import { stmt } from '../db/statements'
import { parseJsonList } from '../articles/rows'
import { archiveLexicon, indexChangedOutsideImport } from './lexicon'

interface IndexSource {
  title: string
  subtitle: string | null
  body: string
  authors: string
  source: string | null
  caption: string | null
  notes: string | null
  section: string | null
  summary: string | null
  deletedAt: string | null
}

/** The text fields of an article that go into the index. */
export interface IndexFields {
  title: string
  subtitle?: string | null
  body: string
  authors?: string[]
  source?: string | null
  caption?: string | null
  section?: string | null
  notes?: string | null
  /** the source's abstract: searched with the metadata */
  summary?: string | null
  tags?: string[]
  annotationNotes?: string[]
}

export type ArticleAnalysis = AnalysedFields<IndexedText>

/** The fields of an article the index holds, as one analyser makes them (analyzeForIndex). */
export interface AnalysedFields<F> {
  title: F
  body: F
  meta: F
}

/** An article's fields, analysed by `analyze`: the title with the subtitle, the body, the rest. */
export function analyzeFields<F>(
  fields: IndexFields,
  analyze: (text: string) => F
): AnalysedFields<F> {
  return {
    title: analyze([fields.title, fields.subtitle ?? ''].join('\n')),
    body: analyze(fields.body),
    meta: analyze(
      [
        ...(fields.authors ?? []),
        fields.source ?? '',
        fields.caption ?? '',
        fields.section ?? '',
        fields.notes ?? '',
        fields.summary ?? '',
        ...(fields.tags ?? []).map((t) => t.replaceAll('/', ' ')),
        ...(fields.annotationNotes ?? [])
      ].join('\n')
    )
  }
}

/**
 * Analyses an article's fields once: the import reuses the body's surface for hashes too.
 * `lexicon` is the archive's (archiveLexicon), so stems agree with the queries'.
 */
export function analyzeArticle(fields: IndexFields, lexicon?: Lexicon): ArticleAnalysis {
  return analyzeFields(fields, (text) => analyzeForIndex(text, lexicon))
}

/**
 * The six column values of an article's row in the search index, in column order: title_s,
 * title_t, body_s, body_t, meta_s, meta_t.
 */
export type IndexColumns = readonly [string, string, string, string, string, string]

export function columnsOf(a: AnalysedFields<Omit<IndexedText, 'words'>>): IndexColumns {
  return [
    a.title.surface,
    a.title.stems,
    a.body.surface,
    a.body.stems,
    a.meta.surface,
    a.meta.stems
  ]
}

/** Writes an analysed article to the FTS index (a new row: the caller removed any old one). */
export function writeIndex(archive: Archive, articleId: number, a: ArticleAnalysis): void {
  writeIndexColumns(archive, articleId, columnsOf(a))
}

export function writeIndexColumns(
  archive: Archive,
  articleId: number,
  columns: IndexColumns
): void {
  stmt(
    archive.sqlite,
    'INSERT INTO articles_fts (rowid, title_s, title_t, body_s, body_t, meta_s, meta_t) VALUES (?, ?, ?, ?, ?, ?, ?)'
  ).run(articleId, ...columns)
}

/**
 * Writes an article's processed text to the FTS index, replacing what was there. Called inside
 * the same transaction as the change to the article, so the index never lags behind.
 */
export function indexArticle(archive: Archive, articleId: number): void {
  try {
    writeArticleIndex(archive, articleId)
  } finally {
    indexChangedOutsideImport(archive)
  }
}

function writeArticleIndex(archive: Archive, articleId: number): void {
  const { sqlite } = archive
  stmt(sqlite, 'DELETE FROM articles_fts WHERE rowid = ?').run(articleId)
  const row = stmt(
    sqlite,
    `SELECT a.title, a.subtitle, a.body, a.authors, s.name AS source, a.caption, a.notes, a.section,
            a.summary, a.deleted_at AS deletedAt
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
  writeIndex(
    archive,
    articleId,
    analyzeArticle(
      { ...row, authors: parseJsonList(row.authors), tags, annotationNotes },
      archiveLexicon(archive)
    )
  )
}

export function unindexArticle(archive: Archive, articleId: number): void {
  stmt(archive.sqlite, 'DELETE FROM articles_fts WHERE rowid = ?').run(articleId)
  indexChangedOutsideImport(archive)
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
    // the index now holds what this analyser makes (see analyzer-version.ts)
    sqlite
      .prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('analyzer_version', ?)")
      .run(String(ANALYZER_VERSION))
  })()
  indexChangedOutsideImport(archive)
  onProgress?.(ids.length, ids.length)
  return ids.length
}
