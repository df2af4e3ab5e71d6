import { WarraqError } from '@shared/errors'
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { pidAlive } from './fsutil'

interface LockOwner {
  pid: number
  host: string
  startedAt: string
}

export interface ArchiveLock {
  file: string
  release(): void
}

/** Locks this process holds, released at exit even when a host forgets to close. */
const held = new Map<string, LockOwner>()
let exitHookInstalled = false

function installExitHook(): void {
  if (exitHookInstalled) return
  exitHookInstalled = true
  process.once('exit', () => {
    for (const file of held.keys()) removeIfOurs(file)
  })
}

export function lockFileFor(archiveFile: string): string {
  return `${archiveFile}.lock`
}

function readOwner(lockFile: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(lockFile, 'utf8')) as Partial<LockOwner>
    if (typeof owner.pid !== 'number' || typeof owner.host !== 'string') return null
    return { pid: owner.pid, host: owner.host, startedAt: String(owner.startedAt ?? '') }
  } catch {
    // unreadable: a writer killed between creating and filling the file
    return null
  }
}

function youngerThan(file: string, ms: number): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs < ms
  } catch {
    return false
  }
}

function removeIfOurs(lockFile: string): void {
  const owner = readOwner(lockFile)
  if (owner && owner.pid === process.pid && owner.host === hostname())
    rmSync(lockFile, { force: true })
}

function refuse(owner: LockOwner, lockFile: string): never {
  if (owner.host !== hostname()) {
    throw new WarraqError(
      'locked',
      `This archive is open in Warraq on another computer (${owner.host}, pid ${owner.pid}). Close it there first. If it is not open there, delete ${lockFile}.`,
      {
        key: 'archive.locked_elsewhere',
        params: { host: owner.host, pid: owner.pid, path: lockFile }
      }
    )
  }
  throw new WarraqError(
    'locked',
    `This archive is open in another Warraq (pid ${owner.pid}). Close it first.`,
    { key: 'archive.locked_other', params: { pid: owner.pid } }
  )
}

/**
 * Takes the archive's write lock: `<archive>.lock`, created with O_EXCL ('wx') so two processes
 * can never both create it. A lock whose process is gone from this machine (a crash, kill -9) is
 * stale and taken over; one held by a live process is refused with a message naming it.
 */
export function acquireLock(archiveFile: string): ArchiveLock {
  const lockFile = lockFileFor(archiveFile)
  if (held.has(lockFile)) {
    throw new WarraqError('locked', 'This archive is already open in this Warraq.', {
      key: 'archive.locked_here'
    })
  }
  const me: LockOwner = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() }
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(lockFile, JSON.stringify(me), { flag: 'wx' })
      held.set(lockFile, me)
      installExitHook()
      let released = false
      return {
        file: lockFile,
        release() {
          if (released) return
          released = true
          held.delete(lockFile)
          removeIfOurs(lockFile)
        }
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    }
    const owner = readOwner(lockFile)
    if (
      owner &&
      (owner.host !== hostname() || (owner.pid !== process.pid && pidAlive(owner.pid)))
    ) {
      refuse(owner, lockFile)
    }
    // an empty lock may be one another process is filling right now: give it a moment
    if (!owner && youngerThan(lockFile, 2000)) {
      throw new WarraqError(
        'locked',
        'This archive is being opened by another Warraq. Try again.',
        { key: 'archive.locked_opening' }
      )
    }
    // stale (its process is gone) or left half-written by a crash: take it over, try again
    rmSync(lockFile, { force: true })
  }
  throw new WarraqError('locked', `The archive's lock file ${lockFile} could not be taken.`, {
    key: 'archive.lock_failed',
    params: { path: lockFile }
  })
}
