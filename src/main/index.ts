/**
 * The Electron shell: app lifecycle, the window, the menu, the app:// protocol, and the IPC
 * binding of the contract to the archive worker. The archive itself runs on its own thread
 * (src/main/worker), so no search, import or check ever freezes the window.
 */
import type { Handlers } from '@shared/contract'
import type { Language } from '@shared/contract/desktop'
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron'
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { resolveArchivePath } from './core/paths'
import { desktopHandlers } from './desktop/handlers'
import { menuTemplate } from './desktop/menu'
import { CONTENT_SECURITY_POLICY, readStatic } from './host/static'
import { bindContract } from './ipc'
import { electronNativeBinding } from './native-binding'
import {
  APP_ORIGIN,
  APP_SCHEME,
  isAllowedExternalUrl,
  secureWebPreferences,
  trustedOrigins
} from './security'
import { startArchiveWorker, type ArchiveWorker } from './worker/client'

const HERE = dirname(fileURLToPath(import.meta.url))
const devServerUrl = process.env.ELECTRON_RENDERER_URL

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }
])

/**
 * The default archive, the same file the CLI and the browser host open (`WARRAQ_DB`, else the
 * per-user data folder), on the worker. A damaged archive still starts, in recovery (the window
 * shows the recovery screen); a daily backup runs while it is open.
 */
async function startWorker(): Promise<ArchiveWorker> {
  const file = resolveArchivePath(undefined)
  mkdirSync(dirname(file), { recursive: true })
  const { worker } = await startArchiveWorker({
    file,
    nativeBinding: electronNativeBinding(),
    backupSchedule: true,
    onCrash: (error) => dialog.showErrorBox('Warraq — ورّاق', error.message)
  })
  return worker
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
    // macOS takes the .icns from the bundle; elsewhere the window needs the PNG (packaged at the
    // same path inside the asar as in a checkout)
    ...(process.platform === 'darwin'
      ? {}
      : { icon: join(app.getAppPath(), 'resources', 'icons', '512x512.png') }),
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

let language: Language = 'ar'
function applyMenu(): void {
  const template = menuTemplate({
    language,
    isPackaged: app.isPackaged,
    platform: process.platform
  })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}

/** Closes the archive (stopping its backups, letting go of its lock) before the app exits. */
function closeOnQuit(worker: ArchiveWorker): void {
  let closed = false
  app.on('before-quit', (event) => {
    if (closed) return
    event.preventDefault()
    void worker.close().finally(() => {
      closed = true
      app.quit()
    })
  })
}

if (!app.requestSingleInstanceLock()) {
  // another Warraq already has the archive open for writing: hand over to it
  app.quit()
} else {
  let mainWindow: BrowserWindow | null = null
  const openWindow = (): void => {
    mainWindow = createWindow()
    mainWindow.on('closed', () => (mainWindow = null))
  }
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
  })
  lockDownContents()
  void app.whenReady().then(async () => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
      callback(false)
    )
    serveAppProtocol()
    applyMenu()
    let worker: ArchiveWorker
    try {
      // fails only when another Warraq holds the archive or a newer Warraq made it
      worker = await startWorker()
    } catch (err) {
      dialog.showErrorBox('Warraq — ورّاق', (err as Error).message)
      app.quit()
      return
    }
    const handlers: Handlers = {
      ...worker.handlers,
      ...desktopHandlers({
        dialog,
        worker,
        window: () => mainWindow,
        language: () => language,
        setLanguage: (next) => {
          language = next
          applyMenu()
        }
      })
    }
    bindContract(ipcMain, handlers, trustedOrigins(devServerUrl))
    closeOnQuit(worker)
    openWindow()
    // macOS: the app stays running without windows; clicking its Dock icon opens one again
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow()
    })
  })
  // macOS apps quit with Cmd+Q (the app menu's Quit), not by closing their last window
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
