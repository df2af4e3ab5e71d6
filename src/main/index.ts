/**
 * The Electron shell: app lifecycle, the window, the app:// protocol, and the IPC binding of the
 * contract to the core services. Everything else lives in core/ and runs without Electron.
 */
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron'
import { existsSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startSession, type ArchiveSession } from './core/api/session'
import { startBackupSchedule } from './core/backup/schedule'
import { ARCHIVE_FILE_NAME } from './core/paths'
import { CONTENT_SECURITY_POLICY, readStatic } from './host/static'
import { bindContract } from './ipc'
import {
  APP_ORIGIN,
  APP_SCHEME,
  isAllowedExternalUrl,
  secureWebPreferences,
  trustedOrigins
} from './security'

const HERE = dirname(fileURLToPath(import.meta.url))
const devServerUrl = process.env.ELECTRON_RENDERER_URL

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }
])

/** The Electron build of better-sqlite3's addon, kept apart from the Node one (see scripts/). */
function electronNativeBinding(): string | undefined {
  const file = join(app.getAppPath(), 'native', 'electron', 'better_sqlite3.node')
  return existsSync(file) ? file : undefined
}

/**
 * The archive through the session layer: taken with its lock, backed up before a migration, and,
 * when damaged, moved aside (never deleted) with the window showing the recovery screen. A daily
 * backup runs while it is open, including after a restore from the recovery screen.
 */
function openDefaultSession(): ArchiveSession {
  const file = process.env.WARRAQ_DB ?? join(app.getPath('userData'), ARCHIVE_FILE_NAME)
  mkdirSync(dirname(file), { recursive: true })
  return startSession(file, {
    nativeBinding: electronNativeBinding(),
    onOpen: (archive) =>
      startBackupSchedule(archive, {
        onError: (err) => console.error('[warraq] automatic backup failed:', err)
      })
  })
}

function serveAppProtocol(): void {
  const root = join(HERE, '..', 'renderer')
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    const file = url.host === 'app' ? await readStatic(root, url.pathname) : null
    if (!file) return new Response('Not found', { status: 404 })
    return new Response(new Uint8Array(file.body), {
      headers: {
        'Content-Type': file.type,
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff'
      }
    })
  })
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    show: false,
    title: 'ورّاق — Warraq',
    webPreferences: secureWebPreferences(join(HERE, '..', 'preload', 'index.cjs'))
  })
  window.once('ready-to-show', () => window.show())
  void window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`)
  return window
}

/** No navigation away from the app, no new windows; https links go to the system browser. */
function lockDownContents(): void {
  const origins = trustedOrigins(devServerUrl)
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!origins.some((origin) => url.startsWith(origin))) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternalUrl(url)) void shell.openExternal(url)
      return { action: 'deny' }
    })
  })
}

if (!app.requestSingleInstanceLock()) {
  // another Warraq already has the archive open for writing: hand over to it
  app.quit()
} else {
  let mainWindow: BrowserWindow | null = null
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
  })
  lockDownContents()
  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
      callback(false)
    )
    serveAppProtocol()
    let archiveSession: ArchiveSession
    try {
      // a damaged archive still opens a session, in recovery; this fails only when another
      // Warraq holds the archive or it was made by a newer Warraq
      archiveSession = openDefaultSession()
    } catch (err) {
      dialog.showErrorBox('Warraq — ورّاق', (err as Error).message)
      app.quit()
      return
    }
    bindContract(ipcMain, archiveSession.handlers, trustedOrigins(devServerUrl))
    // stops the backup schedule, closes the archive (or lets go of its lock in recovery)
    app.on('will-quit', () => archiveSession.close())
    mainWindow = createWindow()
  })
  app.on('window-all-closed', () => app.quit())
}
