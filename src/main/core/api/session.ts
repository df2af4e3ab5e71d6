import { CALL_NAMES, type CallName, type Handlers, type ParsedInput } from '@shared/contract'
import type { RestoreResult } from '@shared/contract/backups'
import type { ArchiveStatus, RecoveryReport } from '@shared/contract/recovery'
import { WarraqError } from '@shared/errors'
import { listedBackup } from '../backup/api'
import { acquireLock, type ArchiveLock } from '../backup/lock'
import { restoreArchive, restoreInPlace } from '../backup/restore'
import {
  DamagedArchiveError,
  openArchiveSafely,
  type SafeArchive,
  type SafeOpenOptions
} from '../db/open-safely'
import { noDesktopHandlers } from './desktop'
import { createHandlers } from './handlers'
import { archiveIsOpenError, reportOf, statusOf, type SessionCalls } from './status'

export interface SessionOptions extends SafeOpenOptions {
  /**
   * Called each time an archive opens (at start, after a restore from the recovery screen); may
   * return a function that stops what it started. Hosts start the backup schedule here.
   */
  onOpen?: (archive: SafeArchive) => (() => void) | void
}

type Current =
  | { state: 'open'; archive: SafeArchive; handlers: Handlers; stop: (() => void) | null }
  | { state: 'recovery'; recovery: RecoveryReport; lock: ArchiveLock | null }
  | { state: 'closed' }

/** What every host holds: the archive at one path, open or waiting to be recovered. */
export interface ArchiveSession {
  readonly file: string
  /** stable: bind these once; they follow the session from recovery to open */
  readonly handlers: Handlers
  state(): 'open' | 'recovery' | 'closed'
  /** the open archive, or null in recovery */
  archive(): SafeArchive | null
  status(): ArchiveStatus
  /**
   * Restores a backup file the user chose in a native dialog (anywhere on disk, unlike
   * `backups.restore`, which takes only listed backups): in place when open, else out of recovery.
   */
  restoreFrom(backupFile: string): Promise<RestoreResult>
  close(): void
}

function damagedError(file: string): WarraqError {
  return new WarraqError(
    'damaged',
    `The archive ${file} could not be opened because it is damaged; it was kept aside, not deleted. Restore a backup or start with an empty archive on the recovery screen.`,
    { key: 'recovery.archive_damaged', params: { path: file } }
  )
}

/** In recovery the damaged file is gone from the path: hold the lock so no other Warraq fills it. */
function holdLock(file: string): ArchiveLock | null {
  try {
    return acquireLock(file)
  } catch {
    return null
  }
}

function openOrRecover(file: string, options: SessionOptions): Current {
  let archive: SafeArchive
  try {
    archive = openArchiveSafely(file, options)
  } catch (err) {
    if (!(err instanceof DamagedArchiveError)) throw err
    return { state: 'recovery', recovery: reportOf(err.recovery), lock: holdLock(file) }
  }
  try {
    const stop = options.onOpen?.(archive) ?? null
    return { state: 'open', archive, handlers: createHandlers(archive), stop }
  } catch (err) {
    archive.close()
    throw err
  }
}

/**
 * Opens the archive at `file` the safe way and keeps it for a host. A damaged archive (moved
 * aside by `openArchiveSafely`) does not stop the host: the session starts in 'recovery', where
 * `archive.status` says what happened, every other call answers 'damaged', and
 * `recovery.restore` / `recovery.startEmpty` put an archive back at the path and open it.
 * Other failures (the archive is locked by another Warraq, a newer schema) are thrown.
 */
export function startSession(file: string, options: SessionOptions = {}): ArchiveSession {
  let current: Current = openOrRecover(file, options)

  const openOrThrow = (): Extract<Current, { state: 'open' }> => {
    if (current.state === 'open') return current
    if (current.state === 'closed')
      throw new WarraqError('io_error', 'The archive is closed.', { key: 'archive.closed' })
    throw damagedError(file)
  }

  const status = (): ArchiveStatus => {
    if (current.state === 'open') return statusOf(file, 'open', reportOf(current.archive.recovery))
    if (current.state === 'recovery') return statusOf(file, 'recovery', current.recovery)
    throw new WarraqError('io_error', 'The archive is closed.', { key: 'archive.closed' })
  }

  /** Leaves recovery: opens whatever is now at the path (a restored backup, or a new archive). */
  const reopen = (): ArchiveStatus => {
    if (current.state !== 'recovery') throw archiveIsOpenError()
    const before = current
    before.lock?.release()
    try {
      current = openOrRecover(file, options)
    } catch (err) {
      current = { ...before, lock: holdLock(file) }
      throw err
    }
    return status()
  }

  const restore = (wanted: string): ArchiveStatus => {
    if (current.state !== 'recovery') throw archiveIsOpenError()
    const backup = listedBackup(file, wanted)
    // the damaged file was moved aside: this copies the checked backup into the empty path
    restoreArchive(file, backup, { ...options, now: options.now ?? new Date() })
    return reopen()
  }

  const gate = <K extends CallName>(name: K): Handlers[K] =>
    ((input: ParsedInput<K>) => openOrThrow().handlers[name](input)) as Handlers[K]

  const own: Pick<Handlers, SessionCalls> = {
    'archive.status': () => status(),
    'recovery.restore': ({ file: wanted }) => restore(wanted),
    'recovery.startEmpty': () => reopen()
  }
  const gated = Object.fromEntries(CALL_NAMES.map((name) => [name, gate(name)]))
  // the desktop-only calls say 'not here' in every state, recovery included
  const handlers: Handlers = { ...(gated as unknown as Handlers), ...own, ...noDesktopHandlers() }

  return {
    file,
    handlers,
    state: () => current.state,
    archive: () => (current.state === 'open' ? current.archive : null),
    status,
    async restoreFrom(backupFile) {
      if (current.state === 'open') return restoreInPlace(current.archive, backupFile)
      if (current.state === 'closed') throw new WarraqError('io_error', 'The archive is closed.')
      const result = restoreArchive(file, backupFile, {
        ...options,
        now: options.now ?? new Date()
      })
      reopen()
      return { ...result, reopened: true }
    },
    close() {
      const was = current
      current = { state: 'closed' }
      if (was.state === 'open') {
        was.stop?.()
        was.archive.close()
      } else if (was.state === 'recovery') {
        was.lock?.release()
      }
    }
  }
}
