import type { BackupInfo } from '@shared/contract/backups'
import type { Archive } from '../db/open'
import { backupNow, listBackups } from './backup'
import { pruneBackups, DEFAULT_ROTATION, type RotationPolicy } from './rotation'

const DAY_MS = 24 * 60 * 60 * 1000
export const SCHEDULE_INTERVAL_MS = 60 * 60 * 1000

/** Only one backup at a time per archive: the hourly timer and a manual click may meet. */
const running = new WeakMap<Archive, Promise<BackupInfo | null>>()

/**
 * Makes an automatic backup when the newest backup (of any kind) is older than a day, then
 * prunes by the rotation. Hosts call it at open and every hour. Never throws: a failed automatic
 * backup must not take the app down; the failure is returned for the host to show.
 */
export function maybeAutoBackup(
  archive: Archive,
  now = new Date(),
  policy: RotationPolicy = DEFAULT_ROTATION
): Promise<BackupInfo | null> {
  const pending = running.get(archive)
  if (pending) return pending
  const job = (async () => {
    const newest = listBackups(archive.file)[0]
    if (newest && now.getTime() - new Date(newest.createdAt).getTime() < DAY_MS) return null
    const made = await backupNow(archive, 'auto', now)
    pruneBackups(archive.file, now, policy)
    return made
  })().finally(() => running.delete(archive))
  running.set(archive, job)
  return job
}

/**
 * Runs `maybeAutoBackup` now and every hour. The timer does not keep the process alive.
 * `onError` receives failures (a full disk…); returns a function that stops the schedule.
 */
export function startBackupSchedule(
  archive: Archive,
  options: { onError?: (err: unknown) => void; policy?: RotationPolicy; intervalMs?: number } = {}
): () => void {
  const tick = (): void => {
    maybeAutoBackup(archive, new Date(), options.policy).catch((err: unknown) =>
      options.onError?.(err)
    )
  }
  tick()
  const timer = setInterval(tick, options.intervalMs ?? SCHEDULE_INTERVAL_MS)
  timer.unref()
  return () => clearInterval(timer)
}
