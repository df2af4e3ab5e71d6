import Database from 'better-sqlite3'
import type { CorpusArticle } from './corpus'

/**
 * The floor Warraq is compared against: plain better-sqlite3 and FTS5 with the default
 * unicode61 tokenizer, no Arabic processing, one transaction, WAL.
 */
export function plainImport(
  file: string,
  articles: Iterable<CorpusArticle>
): { db: Database.Database; count: number } {
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.exec(`CREATE TABLE articles (id INTEGER PRIMARY KEY, source TEXT, url TEXT, date TEXT, title TEXT, author TEXT, body TEXT);
    CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles', content_rowid='id');`)
  const insert = db.prepare(
    'INSERT INTO articles (source, url, date, title, author, body) VALUES (?, ?, ?, ?, ?, ?)'
  )
  const index = db.prepare('INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)')
  let count = 0
  db.transaction(() => {
    for (const a of articles) {
      const id = insert.run(
        a.source,
        a.url,
        a.date_extracted,
        a.title,
        a.author,
        a.content
      ).lastInsertRowid
      index.run(id, a.title, a.content)
      count++
    }
  })()
  return { db, count }
}

export function plainSearch(db: Database.Database, query: string): number {
  const safe = query
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `"${w.replaceAll('"', '""')}"`)
    .join(' ')
  const rows = db
    .prepare(
      `SELECT rowid, snippet(articles_fts, 1, '[', ']', '…', 20) AS s FROM articles_fts WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT 20`
    )
    .all(safe)
  return rows.length
}
