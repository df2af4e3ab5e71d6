/**
 * Damage to one article, found by the fixity check, is repaired from a backup that holds that
 * article intact: its fields are saved over the damaged ones as a new revision (the damaged
 * state stays in the history, nothing is lost).
 */
import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import type { Article } from '@shared/domain'
import { WarraqError } from '@shared/errors'
import { CHECKSUM_COLUMNS, articleChecksum } from '../articles/fixity'
import { rowByUid } from '../articles/rows'
import { updateArticle } from '../articles/service'
import type { Archive } from '../db/open'
import { rawOptions } from '../db/open-options'
import { listBackups } from './backup'

interface BackupRow {
  title: string
  subtitle: string | null
  body: string
  lang: string | null
  url: string | null
  published: string | null
  date_precision: string | null
  date_text: string | null
  authors: string
  caption: string | null
  image_credit: string | null
  section: string | null
  status: string
  notes: string | null
  source: string | null
}

function openBackup(archive: Archive, file: string): Database.Database {
  return new Database(file, rawOptions(archive.options.nativeBinding, true))
}

function hasChecksums(db: Database.Database): boolean {
  const columns = db.prepare('PRAGMA table_info(articles)').all() as { name: string }[]
  return columns.some((c) => c.name === 'checksum')
}

/** The article as the backup holds it, if its own checksum there says it is intact. */
function intactRow(db: Database.Database, uid: string): BackupRow | null {
  if (!hasChecksums(db)) return null
  const row = db
    .prepare(
      `SELECT a.*, s.name AS source FROM articles a LEFT JOIN sources s ON s.id = a.source_id
       WHERE a.uid = ?`
    )
    .get(uid) as (BackupRow & Record<string, unknown> & { checksum: string | null }) | undefined
  if (!row?.checksum) return null
  const actual = articleChecksum(CHECKSUM_COLUMNS.map((c) => row[c]))
  return actual === row.checksum ? row : null
}

/** Whether the original first imported with `uid` is intact in the backup. */
function intactOriginal(db: Database.Database, uid: string): boolean {
  const row = db
    .prepare(
      `SELECT o.sha256, o.bytes FROM originals o JOIN articles a ON a.original_id = o.id
       WHERE a.uid = ?`
    )
    .get(uid) as { sha256: string; bytes: Buffer } | undefined
  if (!row) return false
  return createHash('sha256').update(row.bytes).digest('hex') === row.sha256
}

/** The newest listed backup that holds the article (or its original) intact, or null. */
export function newestIntactBackup(
  archive: Archive,
  uid: string,
  kind: 'article' | 'original' = 'article'
): string | null {
  for (const backup of listBackups(archive.file)) {
    let db: Database.Database
    try {
      db = openBackup(archive, backup.file)
    } catch {
      continue
    }
    try {
      if (kind === 'article' ? intactRow(db, uid) : intactOriginal(db, uid)) return backup.file
    } catch {
      // a backup too old or damaged to tell: try the next
    } finally {
      db.close()
    }
  }
  return null
}

/** Saves the backup's intact state of one article as its newest revision. */
export function restoreArticleFromBackup(
  archive: Archive,
  uid: string,
  backupFile: string
): Article {
  const current = rowByUid(archive, uid)
  if (!current) throw new WarraqError('not_found', `No article with uid ${uid}.`)
  const db = openBackup(archive, backupFile)
  let row: BackupRow | null
  try {
    row = intactRow(db, uid)
  } finally {
    db.close()
  }
  if (!row) {
    throw new WarraqError(
      'not_found',
      `The backup ${backupFile} does not hold this article intact; try an older backup.`,
      { key: 'fixity.not_in_backup', params: { uid, backup: backupFile } }
    )
  }
  return updateArticle(
    archive,
    {
      uid,
      version: current.version,
      title: row.title,
      subtitle: row.subtitle,
      body: row.body,
      lang: row.lang,
      url: row.url,
      published: row.published,
      datePrecision: row.date_precision,
      dateText: row.date_text,
      authors: JSON.parse(row.authors) as string[],
      caption: row.caption,
      imageCredit: row.image_credit,
      section: row.section,
      status: row.status,
      notes: row.notes,
      source: row.source
    } as Parameters<typeof updateArticle>[1],
    'restore from backup'
  )
}
