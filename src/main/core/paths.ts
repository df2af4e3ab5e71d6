import { homedir } from 'node:os'
import { posix, win32 } from 'node:path'

/** Also `productName` in package.json: Electron names its per-user folder after it. */
export const APP_NAME = 'Warraq'
export const ARCHIVE_FILE_NAME = 'archive.warraq.db'

/** What decides the default archive; the real process by default, injected by tests. */
export interface PlatformContext {
  platform?: NodeJS.Platform
  env?: NodeJS.ProcessEnv
  home?: string
}

/** Windows paths are joined with backslashes even when a test asks for them on Linux. */
function pathsOf(platform: NodeJS.Platform): typeof posix {
  return platform === 'win32' ? win32 : posix
}

/**
 * The per-user data folder, the one Electron's `app.getPath('userData')` gives for the
 * productName "Warraq" (%APPDATA% on Windows, Application Support on macOS, $XDG_CONFIG_HOME or
 * ~/.config elsewhere), so the CLI, the browser host and the desktop app open the same archive.
 */
export function defaultDataDir(context: PlatformContext = {}): string {
  const platform = context.platform ?? process.platform
  const env = context.env ?? process.env
  const home = context.home ?? homedir()
  const path = pathsOf(platform)
  switch (platform) {
    case 'win32':
      return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), APP_NAME)
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', APP_NAME)
    default:
      return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), APP_NAME)
  }
}

/** The archive every host opens when none is named: `WARRAQ_DB`, else the per-user one. */
export function defaultArchivePath(context: PlatformContext = {}): string {
  const env = context.env ?? process.env
  if (env.WARRAQ_DB) return env.WARRAQ_DB
  return pathsOf(context.platform ?? process.platform).join(
    defaultDataDir(context),
    ARCHIVE_FILE_NAME
  )
}

/** `--db FILE`, else `WARRAQ_DB`, else the archive in the per-user data folder. */
export function resolveArchivePath(
  flag: string | undefined,
  context: PlatformContext = {}
): string {
  return flag || defaultArchivePath(context)
}
