import { closeSync, existsSync, fsyncSync, openSync, renameSync } from 'node:fs'
import { dirname } from 'node:path'

/** SQLite's companion files: they belong to the database and always travel with it. */
export const COMPANIONS = ['-wal', '-shm'] as const

/** `YYYYMMDD-HHMMSS` in UTC: sorts by time and never repeats or jumps at a DST change. */
export function stamp(now: Date): string {
  const iso = now.toISOString()
  return `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}`
}

/** Flushes a file's bytes to the disk, so a rename that follows never exposes a hollow file. */
export function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Makes a rename durable. Windows cannot open a folder for fsync; there the rename is enough. */
export function fsyncDir(file: string): void {
  let fd: number | undefined
  try {
    fd = openSync(dirname(file), 'r')
    fsyncSync(fd)
  } catch {
    // not supported on this platform
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/** A name that does not exist yet: `base`, else `base-2`, `base-3`… */
export function freeName(base: string): string {
  if (!existsSync(base) && !COMPANIONS.some((c) => existsSync(base + c))) return base
  for (let i = 2; ; i++) {
    const candidate = `${base}-${i}`
    if (!existsSync(candidate) && !COMPANIONS.some((c) => existsSync(candidate + c))) {
      return candidate
    }
  }
}

/**
 * Moves a database and its -wal/-shm to `<file>.<label>-<stamp>` (and `…-wal`, `…-shm`, so the
 * moved files still open together in SQLite). Nothing is deleted: a file we suspect may still
 * hold the only copy of someone's work. Returns the new paths, main file first.
 */
export function moveAside(file: string, label: string, now: Date): string[] {
  const target = freeName(`${file}.${label}-${stamp(now)}`)
  const moved: string[] = []
  if (existsSync(file)) {
    renameSync(file, target)
    moved.push(target)
  }
  for (const suffix of COMPANIONS) {
    if (existsSync(file + suffix)) {
      renameSync(file + suffix, target + suffix)
      moved.push(target + suffix)
    }
  }
  fsyncDir(file)
  return moved
}

/** Whether a process with this id runs on this machine (EPERM: it does, as another user). */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}
