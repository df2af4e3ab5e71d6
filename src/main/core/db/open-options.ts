import type Database from 'better-sqlite3'

/** Options for `new Database()` on a file other than the archive (a backup, a copy). */
export function rawOptions(nativeBinding: string | undefined, readonly = false): Database.Options {
  return { nativeBinding, readonly, fileMustExist: true }
}
