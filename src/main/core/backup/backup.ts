import Database from 'better-sqlite3'
import type { BackupInfo, BackupReason } from '@shared/contract/backups'
import { WarraqError } from '@shared/errors'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync
} from 'node:fs'
import { dirname, join } from 'node:path'
import { describeSqliteError } from '../db/errors'
import type { Archive } from '../db/open'
import { rawOptions } from '../db/open-options'
import { COMPANIONS, fsyncDir, fsyncFile, stamp } from './fsutil'
import { ownBackupsDir } from './identity'

const NAME =
  /^warraq-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-(manual|pre-migration|pre-restore))?(?:-\d+)?\.db$/

/**
 * Backups live next to the archive, so they move and get copied along with it, in a folder of
 * their own per archive (`backups/<name>/`): two archives in one folder never share backups.
 */
export function backupsDir(archiveFile: string): string {
  return ownBackupsDir(archiveFile)
}

export function isBackupName(name: string): boolean {
  return NAME.test(name)
}

export function backupFileName(now: Date, reason: BackupReason): string {
  return `warraq-${stamp(now)}${reason === 'auto' ? '' : `-${reason}`}.db`
}

/** A fresh path in the backups folder; two backups in the same second get `-2`, `-3`. */
export function newBackupPath(archiveFile: string, now: Date, reason: BackupReason): string {
  const dir = backupsDir(archiveFile)
  const base = backupFileName(now, reason).replace(/\.db$/, '')
  let file = join(dir, `${base}.db`)
  for (let i = 2; existsSync(file); i++) file = join(dir, `${base}-${i}.db`)
  return file
}

export function parseBackupName(name: string): { createdAt: Date; reason: BackupReason } | null {
  const m = NAME.exec(name)
  if (!m) return null
  const [, y, mo, d, h, mi, s, reason] = m
  const createdAt = new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s))
  return { createdAt, reason: (reason as BackupReason | undefined) ?? 'auto' }
}

/** The backups of an archive, newest first. Partial files of an interrupted backup are not listed. */
export function listBackups(archiveFile: string): BackupInfo[] {
  const dir = backupsDir(archiveFile)
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  const found: BackupInfo[] = []
  for (const name of names) {
    const parsed = parseBackupName(name)
    if (!parsed) continue
    const file = join(dir, name)
    try {
      const bytes = statSync(file).size
      found.push({
        file,
        name,
        createdAt: parsed.createdAt.toISOString(),
        bytes,
        reason: parsed.reason
      })
    } catch {
      // removed meanwhile
    }
  }
  return found.sort((a, b) =>
    a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.name.localeCompare(a.name)
  )
}

/** Removes a partial copy; never lets the clean-up hide the error that made it necessary. */
function removeQuietly(file: string): void {
  for (const f of [file, ...COMPANIONS.map((c) => file + c)]) {
    try {
      rmSync(f, { force: true })
    } catch {
      // nothing there to remove
    }
  }
}

/**
 * `PRAGMA integrity_check` on a database file, read-write so SQLite can first fold a -wal in and
 * make the file self-contained (journal_mode=DELETE): a backup must be one file.
 */
export function checkDatabaseFile(
  file: string,
  nativeBinding?: string,
  selfContained = true
): string[] {
  const db = new Database(file, rawOptions(nativeBinding))
  try {
    if (selfContained) db.pragma('journal_mode = DELETE')
    const rows = db.pragma('integrity_check(100)') as { integrity_check: string }[]
    return rows.map((r) => r.integrity_check)
  } finally {
    db.close()
  }
}

/** Quick structural check of a file, read-only (used to pick a backup to offer). */
export function quickCheckFile(file: string, nativeBinding?: string): boolean {
  try {
    const db = new Database(file, rawOptions(nativeBinding, true))
    try {
      return db.pragma('quick_check', { simple: true }) === 'ok'
    } finally {
      db.close()
    }
  } catch {
    return false
  }
}

/**
 * Checks a freshly written copy, flushes it, and only then gives it its final name: whatever
 * happens (a crash, a full disk), a file under a backup's name is always a whole, checked backup.
 */
export function finishBackup(tmp: string, dest: string, nativeBinding?: string): void {
  try {
    const result = checkDatabaseFile(tmp, nativeBinding)
    if (result.length !== 1 || result[0] !== 'ok') {
      throw new WarraqError(
        'damaged',
        `The backup copy failed its check (${result.slice(0, 3).join('; ')}): the archive itself may be damaged. Nothing was overwritten.`,
        { key: 'backup.copy_failed_check', params: { detail: result.slice(0, 3).join('; ') } }
      )
    }
    fsyncFile(tmp)
    renameSync(tmp, dest)
    fsyncDir(dest)
  } catch (err) {
    removeQuietly(tmp)
    throw asBackupError(err)
  }
}

function asBackupError(err: unknown): WarraqError {
  if (err instanceof WarraqError) return err
  const described = describeSqliteError(err)
  if (described?.code === 'disk_full') {
    return new WarraqError(
      'disk_full',
      'The disk is full: the backup could not be written. Free some space and try again; the archive is unchanged.',
      { key: 'backup.disk_full' }
    )
  }
  if (described) return described
  const message = err instanceof Error ? err.message : String(err)
  return new WarraqError('io_error', `The backup could not be written: ${message}`, {
    key: 'backup.write_failed',
    params: { detail: message }
  })
}

function tempFor(dest: string): string {
  return `${dest}.partial-${process.pid}`
}

/**
 * An online backup with SQLite's backup API: safe while the app keeps writing (it copies a
 * consistent snapshot, restarting if another connection changes the file meanwhile).
 */
export async function backupArchive(archive: Archive, destFile: string): Promise<BackupInfo> {
  if (existsSync(destFile)) {
    throw new WarraqError('conflict', `${destFile} already exists; choose another name.`, {
      key: 'backup.exists',
      params: { path: destFile }
    })
  }
  const tmp = tempFor(destFile)
  try {
    mkdirSync(dirname(destFile), { recursive: true })
    removeQuietly(tmp)
    await archive.sqlite.backup(tmp)
  } catch (err) {
    removeQuietly(tmp)
    throw asBackupError(err)
  }
  finishBackup(tmp, destFile, archive.options.nativeBinding)
  return describeBackup(destFile)
}

/** A backup into the archive's backups folder with the standard name. */
export function backupNow(
  archive: Archive,
  reason: BackupReason,
  now = new Date()
): Promise<BackupInfo> {
  return backupArchive(archive, newBackupPath(archive.file, now, reason))
}

/**
 * A plain copy of a closed database file (the caller holds the archive's lock, so nothing writes
 * to it). Used before migrations, when no connection is open yet and the open must stay
 * synchronous. The -wal is copied too and folded into the copy by the check.
 */
export function copyBackup(
  sourceFile: string,
  destFile: string,
  nativeBinding?: string
): BackupInfo {
  const tmp = tempFor(destFile)
  try {
    mkdirSync(dirname(destFile), { recursive: true })
    removeQuietly(tmp)
    copyFileSync(sourceFile, tmp)
    if (existsSync(`${sourceFile}-wal`)) copyFileSync(`${sourceFile}-wal`, `${tmp}-wal`)
  } catch (err) {
    removeQuietly(tmp)
    throw asBackupError(err)
  }
  finishBackup(tmp, destFile, nativeBinding)
  return describeBackup(destFile)
}

export function describeBackup(file: string): BackupInfo {
  const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1)
  const parsed = parseBackupName(name)
  const info = statSync(file)
  return {
    file,
    name,
    createdAt: (parsed?.createdAt ?? info.mtime).toISOString(),
    bytes: info.size,
    reason: parsed?.reason ?? 'manual'
  }
}

/** The newest backup that passes quick_check, to offer when the archive cannot be opened. */
export function newestGoodBackup(archiveFile: string, nativeBinding?: string): BackupInfo | null {
  for (const backup of listBackups(archiveFile)) {
    if (quickCheckFile(backup.file, nativeBinding)) return backup
  }
  return null
}
