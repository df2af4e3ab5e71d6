/**
 * Each archive its own backups. An archive carries a stable id in its settings table (copied
 * into every backup of it); its backups live in `backups/<archive file name>/` beside it. Backups
 * left in the shared `backups/` folder by an older Warraq are sorted out at the next open: each one
 * that is this archive's moves into its folder, anything unknown stays where it is.
 */
import Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

const KEY = 'archive_id'

/** The archive's id, created once at its first writable open. */
export function ensureArchiveId(sqlite: Database.Database): string {
  const found = readArchiveId(sqlite)
  if (found) return found
  const id = randomUUID()
  sqlite.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)').run(KEY, id)
  return readArchiveId(sqlite) ?? id
}

export function readArchiveId(sqlite: Database.Database): string | null {
  try {
    const value = sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(KEY)
    return typeof value === 'string' ? value : null
  } catch {
    // not a Warraq archive, or one from before settings existed
    return null
  }
}

/** What a database file says it is: its archive id, and a few of its article uids. */
export function identityOfFile(
  file: string,
  nativeBinding?: string
): { id: string | null; uids: string[] } | null {
  let db: Database.Database
  try {
    db = new Database(file, { nativeBinding, readonly: true, fileMustExist: true })
  } catch {
    return null
  }
  try {
    let uids: string[] = []
    try {
      uids = db.prepare('SELECT uid FROM articles ORDER BY id LIMIT 20').pluck().all() as string[]
    } catch {
      uids = []
    }
    return { id: readArchiveId(db), uids }
  } catch {
    return null
  } finally {
    db.close()
  }
}

/** The shared folder of older Warraq versions, beside the archive. */
export function sharedBackupsDir(archiveFile: string): string {
  return join(dirname(archiveFile), 'backups')
}

/** `backups/<archive file name without .db>/`: one folder per archive, however many share a folder. */
export function ownBackupsDir(archiveFile: string): string {
  const name = basename(archiveFile).replace(/\.db$/i, '') || basename(archiveFile)
  return join(sharedBackupsDir(archiveFile), name)
}

/**
 * Whether a backup without an id is this archive's: it shares article uids with it (random
 * UUIDs: another archive never has them, unless it was made from a copy of this one).
 */
function sharesArticles(sqlite: Database.Database, uids: string[]): boolean {
  if (uids.length === 0) return false
  const has = sqlite.prepare('SELECT 1 FROM articles WHERE uid = ?').pluck()
  return uids.some((uid) => has.get(uid) !== undefined)
}

/**
 * Moves this archive's backups out of the shared folder into its own: those whose id is this
 * archive's, and those without an id that share its articles. Nothing is deleted; a backup of
 * another archive, or one that cannot be told, stays where it is. Returns the files moved.
 */
export function sortOutSharedBackups(
  sqlite: Database.Database,
  archiveFile: string,
  isBackupName: (name: string) => boolean,
  nativeBinding?: string
): string[] {
  const shared = sharedBackupsDir(archiveFile)
  const own = ownBackupsDir(archiveFile)
  let names: string[]
  try {
    names = readdirSync(shared).filter(isBackupName)
  } catch {
    return []
  }
  if (names.length === 0) return []
  const id = readArchiveId(sqlite)
  const moved: string[] = []
  for (const name of names) {
    const file = join(shared, name)
    const identity = identityOfFile(file, nativeBinding)
    if (!identity) continue
    const ours = identity.id ? identity.id === id : sharesArticles(sqlite, identity.uids)
    if (!ours) continue
    mkdirSync(own, { recursive: true })
    const target = join(own, name)
    if (existsSync(target)) continue
    try {
      renameSync(file, target)
      moved.push(target)
    } catch {
      // left where it is: still listed nowhere, but never lost
    }
  }
  return moved
}
