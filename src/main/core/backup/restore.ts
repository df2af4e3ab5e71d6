import Database from 'better-sqlite3'
import type { RestoreResult } from '@shared/contract/backups'
import { WarraqError } from '@shared/errors'
import { copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs'
import { rememberFileIdentity } from '../api/in-place'
import { journalCount } from '../db/migration-state'
import type { Archive, OpenOptions } from '../db/open'
import { rawOptions } from '../db/open-options'
import { checkDatabaseFile, copyBackup, newBackupPath } from './backup'
import { COMPANIONS, freeName, fsyncDir, fsyncFile, moveAside, stamp } from './fsutil'
import { identityOfFile } from './identity'

export interface RestoreOptions extends OpenOptions {
  now?: Date
  /** restore even a backup whose id says it is of another archive */
  force?: boolean
}

/**
 * Refuses a backup of another archive (its id differs from the archive's) unless forced: two
 * archives in one folder must never be restored over each other by a slip. A backup or archive
 * without an id (made before ids existed) cannot be told apart and is let through.
 */
function checkIdentity(currentFile: string, backupFile: string, options: RestoreOptions): void {
  if (options.force || !existsSync(currentFile)) return
  const current = identityOfFile(currentFile, options.nativeBinding)?.id
  const backup = identityOfFile(backupFile, options.nativeBinding)?.id
  if (current && backup && current !== backup) {
    throw new WarraqError(
      'conflict',
      `${backupFile} is a backup of another archive, not of ${currentFile}; the archive was not changed. To restore it anyway, use --force.`,
      { key: 'backup.other_archive', params: { backup: backupFile, archive: currentFile } }
    )
  }
}

function removeWithCompanions(file: string): void {
  for (const f of [file, ...COMPANIONS.map((c) => file + c)]) rmSync(f, { force: true })
}

/** The copy to restore must be sound, a Warraq archive, and not from a newer Warraq. */
function verifyRestorable(copy: string, backupFile: string, options: RestoreOptions): void {
  const result = checkDatabaseFile(copy, options.nativeBinding)
  if (result.length !== 1 || result[0] !== 'ok') {
    throw new WarraqError(
      'damaged',
      `The backup ${backupFile} is damaged (${result.slice(0, 3).join('; ')}); the archive was not changed.`,
      { key: 'backup.damaged', params: { path: backupFile, detail: result.slice(0, 3).join('; ') } }
    )
  }
  const db = new Database(copy, rawOptions(options.nativeBinding, true))
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type='table'")
      .pluck()
      .all() as string[]
    if (!tables.includes('articles') || !tables.includes('__drizzle_migrations')) {
      throw new WarraqError(
        'invalid_input',
        `${backupFile} is not a Warraq archive; the archive was not changed.`,
        { key: 'backup.not_archive', params: { path: backupFile } }
      )
    }
    const applied = db.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get() as number
    if (applied > journalCount(options.migrationsFolder)) {
      throw new WarraqError(
        'schema_too_new',
        `${backupFile} was made by a newer version of Warraq; the archive was not changed.`,
        { key: 'backup.schema_too_new', params: { path: backupFile } }
      )
    }
  } finally {
    db.close()
  }
}

/**
 * Backs up the archive being replaced ('pre-restore'), so a restore can be undone.
 *
 * On its -wal: we checkpoint (TRUNCATE) before copying, so everything committed is in the main
 * file and therefore in the verified backup. Only then is the -wal dealt with, because a -wal
 * left beside the restored file would be replayed onto it: an empty one is removed (it holds
 * nothing), a non-empty one is moved next to the backup, never deleted. The -shm is only an
 * index of the -wal and is removed. An archive too damaged to back up is moved aside whole.
 */
function setAsideCurrent(
  file: string,
  options: RestoreOptions,
  now: Date
): Pick<RestoreResult, 'undoBackup' | 'keptAside'> {
  if (!existsSync(file)) return { undoBackup: null, keptAside: [] }
  let undoBackup: string
  try {
    const raw = new Database(file, rawOptions(options.nativeBinding))
    try {
      raw.pragma('wal_checkpoint(TRUNCATE)')
    } finally {
      raw.close()
    }
    undoBackup = copyBackup(
      file,
      newBackupPath(file, now, 'pre-restore'),
      options.nativeBinding
    ).file
  } catch (err) {
    if (err instanceof WarraqError && (err.code === 'disk_full' || err.code === 'io_error'))
      throw err
    return { undoBackup: null, keptAside: moveAside(file, 'replaced', now) }
  }
  const keptAside: string[] = []
  const wal = `${file}-wal`
  if (existsSync(wal) && statSync(wal).size > 0) {
    const target = freeName(`${undoBackup}.replaced-${stamp(now)}-wal`)
    renameSync(wal, target)
    keptAside.push(target)
  } else {
    rmSync(wal, { force: true })
  }
  rmSync(`${file}-shm`, { force: true })
  return { undoBackup, keptAside }
}

/**
 * Replaces the archive at `currentFile` with a backup. The caller has closed the archive (and
 * holds its lock). The backup is copied and checked first, the current archive is backed up
 * ('pre-restore'), then the checked copy is renamed over the archive: at every moment the
 * archive's name holds either the old archive or the whole restored one.
 */
export function restoreArchive(
  currentFile: string,
  backupFile: string,
  options: RestoreOptions = {}
): RestoreResult {
  const now = options.now ?? new Date()
  if (!existsSync(backupFile))
    throw new WarraqError('not_found', `No backup at ${backupFile}.`, {
      key: 'backup.not_found',
      params: { name: backupFile }
    })
  checkIdentity(currentFile, backupFile, options)
  const copy = freeName(`${currentFile}.restoring-${stamp(now)}`)
  try {
    copyFileSync(backupFile, copy)
    if (existsSync(`${backupFile}-wal`)) copyFileSync(`${backupFile}-wal`, `${copy}-wal`)
    verifyRestorable(copy, backupFile, options)
    const set = setAsideCurrent(currentFile, options, now)
    fsyncFile(copy)
    renameSync(copy, currentFile)
    fsyncDir(currentFile)
    return { restoredFrom: backupFile, ...set, reopened: false }
  } catch (err) {
    removeWithCompanions(copy)
    throw err
  }
}

/**
 * Restore for a running host: the archive's handle closes its connection (keeping its lock),
 * the backup is restored, and the handle opens the file again, so handlers bound to it keep
 * working. On failure the unchanged archive is reopened and the error rethrown.
 */
export function restoreInPlace(
  archive: Archive,
  backupFile: string,
  now = new Date()
): RestoreResult {
  const result = archive.reopenAfter(() =>
    restoreArchive(archive.file, backupFile, { ...archive.options, now })
  )
  // the restored file is a new one under the path: writes go to it from now on
  rememberFileIdentity(archive)
  return { ...result, reopened: true }
}
