import type Database from 'better-sqlite3'
import type { Archive, OpenOptions } from './open'

/**
 * How each archive was opened, so a backup can open its copy with the same addon (Electron's
 * ABI) and a restore can reopen the archive the same way. Kept beside the archive object rather
 * than on it, to leave the Archive type as it is.
 */
const remembered = new WeakMap<Archive, OpenOptions>()

export function rememberOpenOptions(archive: Archive, options: OpenOptions): void {
  remembered.set(archive, options)
}

export function openOptionsOf(archive: Archive): OpenOptions {
  return remembered.get(archive) ?? {}
}

/** Options for `new Database()` on a file other than the archive (a backup, a copy). */
export function rawOptions(nativeBinding: string | undefined, readonly = false): Database.Options {
  return { nativeBinding, readonly, fileMustExist: true }
}
