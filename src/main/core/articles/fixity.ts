/**
 * Fixity, as archives keep it: each article row carries the SHA-256 of its stored text and
 * metadata, each original file the SHA-256 of its bytes. SQLite's own checks see a broken page
 * structure, never a changed byte inside a value; these checksums do.
 *
 * The canonical form is the JSON array of the columns below, in this order, as SQLite stores
 * them (text, integers, NULL). Not covered: what changes without being a save of the article
 * (trash, times, the content hash, the link to its original, which a deletion may clear, the
 * story group, which grouping a later printing sets without a new version, and the sort keys,
 * derived from the title and authors).
 */
import { isUtf8 } from 'node:buffer'
import { createHash } from 'node:crypto'
import type Database from 'better-sqlite3'

export const CHECKSUM_COLUMNS = [
  'uid',
  'title',
  'subtitle',
  'lang',
  'source_id',
  'url',
  'published',
  'date_precision',
  'date_text',
  'authors',
  'caption',
  'image_credit',
  'section',
  'status',
  'notes',
  'source_ref',
  'summary',
  'published_time',
  'extra',
  'version',
  'body'
] as const

export type ChecksumValues = readonly unknown[]

const canonicalValue = (v: unknown): unknown =>
  typeof v === 'bigint' ? Number(v) : v === undefined ? null : v

/** The checksum of one row's values, given in `CHECKSUM_COLUMNS` order. */
export function articleChecksum(values: ChecksumValues): string {
  const canonical = JSON.stringify(values.map(canonicalValue))
  return createHash('sha256').update(canonical, 'utf8').digest('hex')
}

/**
 * The same digest, given the columns before the body and the body already in its JSON form as
 * UTF-8 bytes (SQLite's `json_quote`, which escapes exactly the characters JSON.stringify does:
 * tested for every one). A bulk edit re-hashes 10,000 bodies: handing each over as a string
 * and JSON-encoding it again was most of the hashing's time (0.56 s of a 2.8 s edit).
 */
export function articleChecksumOfQuotedBody(head: ChecksumValues, quotedBody: Buffer): string {
  // text SQLite holds as invalid UTF-8 reaches TypeScript with U+FFFD in place of the bad
  // bytes; decoding it the same way keeps both paths to one digest
  if (!isUtf8(quotedBody)) {
    return articleChecksum([...head, JSON.parse(quotedBody.toString('utf8')) as unknown])
  }
  // "[" and the head's values, then "," in place of its closing "]", the body and "]"
  const opening = `${JSON.stringify(head.map(canonicalValue)).slice(0, -1)},`
  return createHash('sha256').update(opening, 'utf8').update(quotedBody).update(']').digest('hex')
}

const HEAD_COLUMNS = CHECKSUM_COLUMNS.slice(0, -1)

/**
 * The same, computed by SQLite through the function `warraq_checksum` (one statement per set of
 * rows): the body, the last column, goes over as its JSON form's bytes (see above).
 */
export const CHECKSUM_EXPR = `warraq_checksum(${HEAD_COLUMNS.join(', ')}, CAST(json_quote(body) AS BLOB))`

/** Registers `warraq_checksum` on a connection: TypeScript's hash, callable from SQL. */
export function registerChecksumFunction(sqlite: Database.Database): void {
  sqlite.function('warraq_checksum', { deterministic: true, varargs: true }, (...values) =>
    articleChecksumOfQuotedBody(values.slice(0, -1), values[values.length - 1] as Buffer)
  )
}

/** Rewrites the checksum of the articles `where` selects (an SQL condition on `articles`). */
export function refreshChecksums(
  sqlite: Database.Database,
  where: string,
  ...params: unknown[]
): void {
  sqlite.prepare(`UPDATE articles SET checksum = ${CHECKSUM_EXPR} WHERE ${where}`).run(...params)
}

const BACKFILLED = 'checksums_backfilled'

/**
 * Gives every article written before checksums existed its checksum, once (a settings flag,
 * since finding NULLs would read every row, bodies included, at every open).
 */
export function backfillChecksums(sqlite: Database.Database): void {
  const done = sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(BACKFILLED)
  if (done) return
  // an archive opened with older migrations (tests of upgrades) has no column yet
  const columns = sqlite.prepare('PRAGMA table_info(articles)').all() as { name: string }[]
  if (!columns.some((c) => c.name === 'checksum')) return
  sqlite.transaction(() => {
    refreshChecksums(sqlite, 'checksum IS NULL')
    sqlite
      .prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)')
      .run(BACKFILLED, '1')
  })()
}

export interface FixityFailure {
  kind: 'article' | 'original'
  /** the article's uid (for an original: the first article imported from it) */
  uid: string
  title: string
  /** for an original: its file name */
  fileName?: string
}

/** Every article and original whose stored checksum does not match what is stored now. */
export function verifyFixity(sqlite: Database.Database): FixityFailure[] {
  const failures: FixityFailure[] = []
  const rows = sqlite
    .prepare(
      `SELECT uid, title FROM articles
       WHERE checksum IS NOT NULL AND checksum IS NOT ${CHECKSUM_EXPR}`
    )
    .all() as { uid: string; title: string }[]
  for (const r of rows) failures.push({ kind: 'article', uid: r.uid, title: r.title })
  const originals = sqlite
    .prepare(
      `SELECT o.id, o.file_name AS fileName, o.sha256, o.bytes,
         (SELECT uid FROM articles a WHERE a.original_id = o.id ORDER BY a.id LIMIT 1) AS uid,
         (SELECT title FROM articles a WHERE a.original_id = o.id ORDER BY a.id LIMIT 1) AS title
       FROM originals o`
    )
    .iterate() as IterableIterator<{
    fileName: string
    sha256: string
    bytes: Buffer
    uid: string | null
    title: string | null
  }>
  for (const o of originals) {
    const actual = createHash('sha256').update(o.bytes).digest('hex')
    if (actual !== o.sha256) {
      failures.push({
        kind: 'original',
        uid: o.uid ?? '',
        title: o.title ?? '',
        fileName: o.fileName
      })
    }
  }
  return failures
}
