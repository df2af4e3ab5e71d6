import { readFileSync } from 'node:fs'
import { extname } from 'node:path'
import Database from 'better-sqlite3'
import { unzipSync } from 'fflate'
import type { CorpusArticle } from './corpus'
import type { PlainQuery } from './queries'

/** The pragmas the plain side copies from Warraq's open archive, so both write alike. */
const MIRRORED = [
  'page_size',
  'journal_mode',
  'synchronous',
  'cache_size',
  'mmap_size',
  'temp_store'
]

export type Pragmas = Record<string, string | number>

export function pragmasOf(db: Database.Database): Pragmas {
  const out: Pragmas = {}
  for (const name of MIRRORED) out[name] = db.pragma(name, { simple: true }) as string | number
  return out
}

/**
 * The floor Warraq is compared against: plain better-sqlite3 and FTS5 with the default
 * unicode61 tokenizer, no Arabic processing, with Warraq's pragmas (page size first: it must be
 * set before the first table).
 */
export function openPlain(file: string, pragmas: Pragmas): Database.Database {
  const db = new Database(file)
  for (const name of MIRRORED) if (name in pragmas) db.pragma(`${name} = ${pragmas[name]}`)
  db.exec(`CREATE TABLE articles (id INTEGER PRIMARY KEY, source TEXT, url TEXT, date TEXT, title TEXT, author TEXT, body TEXT);
    CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles', content_rowid='id');`)
  return db
}

/** The articles of one input file: a zip of JSON arrays (the corpus) or one JSON array. */
function articlesOf(path: string): CorpusArticle[] {
  const bytes = new Uint8Array(readFileSync(path))
  const decoder = new TextDecoder()
  if (extname(path).toLowerCase() !== '.zip') return JSON.parse(decoder.decode(bytes))
  const out: CorpusArticle[] = []
  for (const entry of Object.values(unzipSync(bytes)))
    out.push(...(JSON.parse(decoder.decode(entry)) as CorpusArticle[]))
  return out
}

/** Writes articles into the plain archive, all of them in one transaction. */
function writeArticles(db: Database.Database, articles: readonly CorpusArticle[]): number {
  const insert = db.prepare(
    'INSERT INTO articles (source, url, date, title, author, body) VALUES (?, ?, ?, ?, ?, ?)'
  )
  const index = db.prepare('INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)')
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
    }
  })()
  return articles.length
}

/**
 * From the files on disk to a committed archive: each file read, unzipped and parsed, its
 * articles written in one transaction per file, then the WAL checkpointed into the database
 * (as Warraq's side is, inside its timer too).
 */
export function plainImportFiles(db: Database.Database, paths: readonly string[]): number {
  let count = 0
  for (const path of paths) count += writeArticles(db, articlesOf(path))
  db.pragma('wal_checkpoint(TRUNCATE)')
  return count
}

/** The whole of `articles` in one transaction (the ARCD part's plain side). */
export function plainImport(
  file: string,
  articles: readonly CorpusArticle[]
): { db: Database.Database; count: number } {
  const db = openPlain(file, { journal_mode: 'WAL', synchronous: 'NORMAL' })
  return { db, count: writeArticles(db, articles) }
}

const SELECT = `SELECT articles_fts.rowid, highlight(articles_fts, 0, '[', ']') AS t,
  snippet(articles_fts, 1, '[', ']', '…', 20) AS s FROM articles_fts`

function sqlFor(ranges: number): string {
  if (ranges === 0) return `${SELECT} WHERE articles_fts MATCH ? ORDER BY rank LIMIT 20`
  const dates = Array.from({ length: ranges }, () => 'substr(a.date, 1, 10) BETWEEN ? AND ?')
  return `${SELECT} JOIN articles a ON a.id = articles_fts.rowid
    WHERE articles_fts MATCH ? AND (${dates.join(' OR ')}) ORDER BY rank LIMIT 20`
}

/**
 * The plain side's search: the top 20 by bm25 with a snippet of the body and the title
 * highlighted (no total, no facets). Its statements are prepared once, here, for the queries
 * it will be asked; it returns the number of rows.
 */
export function plainSearcher(
  db: Database.Database,
  queries: readonly PlainQuery[]
): (query: PlainQuery) => number {
  const statements = new Map<number, Database.Statement>()
  for (const q of queries)
    if (!statements.has(q.dates.length))
      statements.set(q.dates.length, db.prepare(sqlFor(q.dates.length)))
  return (query) => {
    const statement = statements.get(query.dates.length)
    if (!statement) throw new Error(`No statement prepared for ${query.match}`)
    const bounds = query.dates.flatMap((d) => [d.start ?? '0000-00-00', d.end ?? '9999-12-31'])
    return statement.all(query.match, ...bounds).length
  }
}
