import type { BackupInfo } from '@shared/contract/backups'
import { WarraqError, type MessageRef } from '@shared/errors'
import { existsSync, statSync } from 'node:fs'
import Database from 'better-sqlite3'
import { copyBackup, isBackupName, newBackupPath, newestGoodBackup } from '../backup/backup'
import { sortOutSharedBackups } from '../backup/identity'
import { damageScope } from '../backup/check'
import { moveAside } from '../backup/fsutil'
import { acquireLock, type ArchiveLock } from '../backup/lock'
import { rebuildIndexOnCopy } from '../backup/rebuild-copy'
import { ensureAnalyzerVersion } from '../search/analyzer-version'
import { walState } from '../backup/wal'
import { pendingMigrations } from './migration-state'
import { openArchive, type Archive, type OpenOptions } from './open'
import { rawOptions } from './open-options'

export type RecoveryEvent =
  'pre_migration_backup' | 'wal_kept_aside' | 'index_rebuilt' | 'moved_aside'

/** What happened while opening, so a host can tell the user and show its recovery screen. */
export interface RecoveryInfo {
  events: RecoveryEvent[]
  /** plain English sentences for the CLI and logs, one per event */
  messages: string[]
  /** the same as catalogue keys with their parameters, for the interface, in step with `messages` */
  notices: MessageRef[]
  /** files moved aside, never deleted */
  keptAside: string[]
  preMigrationBackup: string | null
  /** when the archive could not be opened: the newest backup that passes quick_check */
  newestGoodBackup: BackupInfo | null
}

/** Thrown when the archive is damaged beyond an index rebuild; carries the recovery to offer. */
export class DamagedArchiveError extends WarraqError {
  constructor(
    message: string,
    readonly recovery: RecoveryInfo,
    detail?: MessageRef
  ) {
    super('damaged', message, detail)
  }
}

export interface SafeArchive extends Archive {
  recovery: RecoveryInfo
}

export interface SafeOpenOptions extends OpenOptions {
  /** the clock, for the names of backups and moved-aside files */
  now?: Date
}

/** Records what an open did, in English for logs and as a catalogue key for the interface. */
function tell(recovery: RecoveryInfo, message: string, notice: MessageRef): void {
  recovery.messages.push(message)
  recovery.notices.push(notice)
}

function emptyRecovery(): RecoveryInfo {
  return {
    events: [],
    messages: [],
    notices: [],
    keptAside: [],
    preMigrationBackup: null,
    newestGoodBackup: null
  }
}

/** SQLite would discard a -wal with a broken header without a word: keep it aside instead. */
function keepUnreadableWal(
  file: string,
  options: SafeOpenOptions,
  now: Date,
  recovery: RecoveryInfo
): void {
  if (walState(file) !== 'unreadable') return
  const aside = moveAside(`${file}-wal`, 'unreadable', now)
  recovery.events.push('wal_kept_aside')
  recovery.keptAside.push(...aside)
  // what was only in that -wal may be in a backup
  recovery.newestGoodBackup = newestGoodBackup(file, options.nativeBinding)
  tell(
    recovery,
    `The archive's journal file (-wal) could not be read, so changes since the last checkpoint may be missing. It was kept at ${aside[0]}.`,
    { key: 'recovery.wal_kept_aside', params: { path: aside[0] ?? '' } }
  )
}

/** A plain copy before the schema changes: an upgrade that goes wrong can always be undone. */
function backupBeforeMigrating(
  file: string,
  options: SafeOpenOptions,
  now: Date,
  recovery: RecoveryInfo
): void {
  if (!existsSync(file) || statSync(file).size === 0) return
  const pending = pendingMigrations(file, options.migrationsFolder, options.nativeBinding)
  if (!pending) return
  // fold the -wal into the file first, so the copy is the whole archive (we hold the lock)
  const raw = new Database(file, rawOptions(options.nativeBinding))
  try {
    raw.pragma('wal_checkpoint(TRUNCATE)')
  } finally {
    raw.close()
  }
  const backup = copyBackup(file, newBackupPath(file, now, 'pre-migration'), options.nativeBinding)
  recovery.events.push('pre_migration_backup')
  recovery.preMigrationBackup = backup.file
  tell(recovery, `Before upgrading the archive, a backup was made: ${backup.file}.`, {
    key: 'recovery.pre_migration_backup',
    params: { path: backup.file }
  })
}

function damagedMessage(
  file: string,
  detail: string,
  aside: string[],
  backup: BackupInfo | null
): string {
  const offer = backup
    ? `The newest good backup is ${backup.file} (${backup.createdAt}): restore it from the Backups screen or with \`warraq restore ${backup.file}\`.`
    : 'No good backup was found next to it.'
  return `The archive ${file} is damaged (${detail}). It has not been deleted: it was moved to ${aside[0] ?? file}, so nothing in it is lost. ${offer}`
}

/**
 * The damage in the catalogue's words: SQLite's own detail ("database disk image is malformed")
 * stays a parameter, in English, for the interface to show as the detail.
 */
function damagedNotice(
  file: string,
  detail: string,
  aside: string[],
  backup: BackupInfo | null
): MessageRef {
  const params = { file, detail, path: aside[0] ?? file }
  return backup
    ? {
        key: 'recovery.moved_aside_with_backup',
        params: { ...params, backup: backup.file, createdAt: backup.createdAt }
      }
    : { key: 'recovery.moved_aside_no_backup', params }
}

/** Index-only damage gets a rebuilt copy; anything else is moved aside and reported. */
function recover(
  file: string,
  err: WarraqError,
  options: SafeOpenOptions,
  now: Date,
  recovery: RecoveryInfo
): Archive {
  if (existsSync(file) && damageScope(file, options.nativeBinding) === 'index') {
    try {
      const aside = rebuildIndexOnCopy(file, options, now)
      recovery.events.push('index_rebuilt')
      recovery.keptAside.push(...aside)
      tell(
        recovery,
        `The archive's search index was damaged and has been rebuilt; your articles were not affected. The damaged file was kept at ${aside[0]}.`,
        { key: 'recovery.index_rebuilt', params: { path: aside[0] ?? '' } }
      )
      return openArchive(file, options)
    } catch {
      // the rebuild did not work out: fall through to moving the file aside, untouched
    }
  }
  const aside = existsSync(file) ? moveAside(file, 'damaged', now) : []
  recovery.events.push('moved_aside')
  recovery.keptAside.push(...aside)
  recovery.newestGoodBackup = newestGoodBackup(file, options.nativeBinding)
  const detail =
    err.message.replace(/^The archive file is damaged:? ?/, '').replace(/^\(|\)\.?$/g, '') ||
    'unreadable'
  const message = damagedMessage(file, detail, aside, recovery.newestGoodBackup)
  const notice = damagedNotice(file, detail, aside, recovery.newestGoodBackup)
  tell(recovery, message, notice)
  throw new DamagedArchiveError(message, recovery, notice)
}

/**
 * Opens an archive the way every host should: (1) takes its write lock, (2) keeps an unreadable
 * -wal aside, (3) makes a 'pre-migration' backup when the open is about to change the schema,
 * (4) opens it, and (5) on damage rebuilds a damaged index on a copy, or moves the damaged
 * file aside (never deleting it) and throws a DamagedArchiveError offering the newest good backup.
 * Read-only opens take no lock and change nothing.
 */
export function openArchiveSafely(file: string, options: SafeOpenOptions = {}): SafeArchive {
  if (options.readonly) {
    return Object.assign(openArchive(file, options), { recovery: emptyRecovery() })
  }
  const now = options.now ?? new Date()
  const lock: ArchiveLock = acquireLock(file)
  const recovery = emptyRecovery()
  try {
    keepUnreadableWal(file, options, now, recovery)
    let archive: Archive
    try {
      backupBeforeMigrating(file, options, now, recovery)
      archive = openArchive(file, options)
    } catch (err) {
      if (!(err instanceof WarraqError) || err.code !== 'damaged') throw err
      archive = recover(file, err, options, now, recovery)
    }
    // the index must be stemmed as queries are: rebuilt when the analyser changed
    ensureAnalyzerVersion(archive)
    // backups an older Warraq left in the folder shared with other archives
    sortOutSharedBackups(archive.sqlite, file, isBackupName, options.nativeBinding)
    const closeConnection = archive.close
    return Object.assign(archive, {
      recovery,
      close: () => {
        closeConnection()
        lock.release()
      }
    })
  } catch (err) {
    lock.release()
    throw err
  }
}
