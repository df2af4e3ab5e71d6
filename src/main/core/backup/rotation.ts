import type { BackupInfo, BackupReason } from '@shared/contract/backups'
import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { backupsDir, listBackups } from './backup'
import { pidAlive } from './fsutil'

export interface RotationPolicy {
  /** newest backup of each of the last N days that have one */
  daily: number
  /** newest backup of each of the last M ISO weeks that have one */
  weekly: number
  /** backups made before a migration or a restore are kept this many days */
  specialDays: number
  /** reasons never pruned: a backup someone asked for is theirs to delete */
  keepForever: BackupReason[]
}

export const DEFAULT_ROTATION: RotationPolicy = {
  daily: 7,
  weekly: 4,
  specialDays: 30,
  keepForever: ['manual']
}

const DAY_MS = 24 * 60 * 60 * 1000

/** UTC day, matching the UTC times in backup names. */
function dayKey(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/** ISO-8601 week (Monday first), as `YYYY-Www`. */
export function weekKey(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()))
  const weekday = d.getUTCDay() || 7
  d.setUTCDate(d.getUTCDate() + 4 - weekday)
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1)
  const week = Math.ceil((d.getTime() - yearStart) / DAY_MS / 7 + 1 / 7)
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`
}

export type RotationInput = Pick<BackupInfo, 'file' | 'createdAt' | 'reason'>

/**
 * Which backups to keep. Pure: decides from names and times only, so it is tested on fake lists.
 * The newest backup is always kept, whatever the policy says.
 */
export function chooseBackups<T extends RotationInput>(
  backups: T[],
  now: Date,
  policy: RotationPolicy = DEFAULT_ROTATION
): { keep: T[]; remove: T[] } {
  const newestFirst = [...backups].sort((a, b) =>
    a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0
  )
  const keep = new Set<T>()
  const days = new Set<string>()
  const weeks = new Set<string>()
  newestFirst.forEach((backup, i) => {
    const at = new Date(backup.createdAt)
    if (i === 0) keep.add(backup)
    if (policy.keepForever.includes(backup.reason)) keep.add(backup)
    if (
      (backup.reason === 'pre-migration' || backup.reason === 'pre-restore') &&
      now.getTime() - at.getTime() <= policy.specialDays * DAY_MS
    ) {
      keep.add(backup)
    }
    const day = dayKey(at)
    if (!days.has(day) && days.size < policy.daily) {
      days.add(day)
      keep.add(backup)
    }
    const week = weekKey(at)
    if (!weeks.has(week) && weeks.size < policy.weekly) {
      weeks.add(week)
      keep.add(backup)
    }
  })
  return {
    keep: newestFirst.filter((b) => keep.has(b)),
    remove: newestFirst.filter((b) => !keep.has(b))
  }
}

/**
 * Deletes the backups the rotation lets go, and the partial files of backups that were
 * interrupted (their writer is gone). These are our own copies, never the archive.
 */
export function pruneBackups(
  archiveFile: string,
  now = new Date(),
  policy: RotationPolicy = DEFAULT_ROTATION
): BackupInfo[] {
  const { remove } = chooseBackups(listBackups(archiveFile), now, policy)
  for (const backup of remove) rmSync(backup.file, { force: true })
  removeAbandonedPartials(archiveFile)
  return remove
}

function removeAbandonedPartials(archiveFile: string): void {
  const dir = backupsDir(archiveFile)
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return
  }
  for (const name of names) {
    const m = /\.partial-(\d+)(?:-wal|-shm|-journal)?$/.exec(name)
    if (!m || pidAlive(Number(m[1]))) continue
    rmSync(join(dir, name), { force: true })
  }
}
