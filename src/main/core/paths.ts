import { homedir } from 'node:os'
import { join } from 'node:path'

export const APP_NAME = 'Warraq'
export const ARCHIVE_FILE_NAME = 'archive.warraq.db'

/**
 * The per-user data folder, the same one Electron's `app.getPath('userData')` gives, so the
 * CLI, the browser host and the desktop app open the same archive by default.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  switch (process.platform) {
    case 'win32':
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME)
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', APP_NAME)
    default:
      return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME)
  }
}

/** `--db FILE`, else `WARRAQ_DB`, else the archive in the per-user data folder. */
export function resolveArchivePath(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env
): string {
  return flag ?? env.WARRAQ_DB ?? join(defaultDataDir(env), ARCHIVE_FILE_NAME)
}
