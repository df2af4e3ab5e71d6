import Database from 'better-sqlite3'
import type { CheckResult } from '@shared/contract/backups'
import { verifyFixity } from '../articles/fixity'
import type { Archive } from '../db/open'
import { newestIntactBackup } from './article-from-backup'
import { rawOptions } from '../db/open-options'

/** The FTS5 table and its shadow tables: derived data, rebuildable from `articles`. */
export function isIndexTable(name: string): boolean {
  return name === 'articles_fts' || name.startsWith('articles_fts_')
}

/** FTS5's own consistency check of the index; 'ok' or what it reported. */
export function indexIntegrity(sqlite: Database.Database): string {
  try {
    sqlite.exec("INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')")
    return 'ok'
  } catch (err) {
    return (err as Error).message
  }
}

/**
 * `integrity_check` (slow, thorough), the index check, and fixity (every article's and
 * original's checksum, each failure with the newest backup that holds it intact): run on
 * demand, not at every open.
 */
export function checkArchive(archive: Archive): CheckResult {
  const rows = archive.sqlite.pragma('integrity_check(100)') as { integrity_check: string }[]
  const integrity = rows.map((r) => r.integrity_check)
  const index = indexIntegrity(archive.sqlite)
  const damaged = verifyFixity(archive.sqlite).map((f) => ({
    ...f,
    backup: f.uid ? newestIntactBackup(archive, f.uid, f.kind) : null
  }))
  return {
    ok: integrity.length === 1 && integrity[0] === 'ok' && index === 'ok' && damaged.length === 0,
    integrity,
    index,
    damaged,
    checkedAt: new Date().toISOString()
  }
}

export type DamageScope = 'none' | 'index' | 'data'

/**
 * Where a damaged file's damage is, read-only. 'index' when every table outside the full-text
 * index passes quick_check on its own (the index can then be rebuilt from the articles), 'data'
 * when anything else fails or the file cannot be read at all.
 */
export function damageScope(file: string, nativeBinding?: string): DamageScope {
  let db: Database.Database
  try {
    db = new Database(file, rawOptions(nativeBinding, true))
  } catch {
    return 'data'
  }
  try {
    if (db.pragma('quick_check', { simple: true }) === 'ok') return 'none'
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all() as string[]
    for (const table of tables.filter((t) => !isIndexTable(t))) {
      const result = db.pragma(`quick_check("${table.replaceAll('"', '""')}")`, { simple: true })
      if (result !== 'ok') return 'data'
    }
    return 'index'
  } catch {
    return 'data'
  } finally {
    db.close()
  }
}
