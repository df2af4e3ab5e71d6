// A stand-in for the `electron` module, for running the built main process under plain Node
// (the Electron binary cannot be downloaded on the build machines). It records what main asks
// of Electron and lets a test drive it over the `fork` IPC channel (see control.mjs): fetch
// through the registered protocol, invoke IPC from a chosen frame, answer dialogs, navigate,
// quit. It imitates Electron's rules where main could break them (schemes registered before
// ready), not its rendering: no Chromium runs here.
import { EventEmitter } from 'node:events'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { startControl } from './control.mjs'

/** Everything main asked for, in order, for the test to read. */
export const recorded = {
  privilegedSchemes: [],
  schemesRegisteredAfterReady: false,
  protocolHandlers: new Map(),
  ipcHandlers: new Map(),
  windows: [],
  menu: null,
  permissionHandler: null,
  dialogCalls: [],
  errorBoxes: [],
  openedExternally: [],
  exposed: {},
  invoked: []
}
/** Answers the next dialogs give, queued by the test; a dialog with none queued is cancelled. */
export const dialogAnswers = { open: [], save: [] }

let isReady = false
let resolveReady
const ready = new Promise((resolve) => (resolveReady = resolve))

function preventable() {
  const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) }
  return event
}

class App extends EventEmitter {
  isPackaged = process.env.WARRAQ_DOUBLE_PACKAGED === '1'
  name = 'warraq'
  whenReady() {
    return ready
  }
  isReady() {
    return isReady
  }
  getName() {
    return this.name
  }
  getLocale() {
    return 'ar'
  }
  getAppPath() {
    // Electron's app path is the folder of the package.json it started from
    return process.cwd()
  }
  getPath(name) {
    const appData =
      process.platform === 'win32'
        ? (process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'))
        : process.platform === 'darwin'
          ? join(homedir(), 'Library', 'Application Support')
          : (process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'))
    const paths = { home: homedir(), appData, userData: join(appData, this.name) }
    if (!(name in paths)) throw new Error(`electron double: app.getPath('${name}') is not imitated`)
    return paths[name]
  }
  requestSingleInstanceLock() {
    return true
  }
  showAboutPanel() {}
  quit() {
    const before = preventable()
    this.emit('before-quit', before)
    if (before.defaultPrevented) return
    const will = preventable()
    this.emit('will-quit', will)
    if (will.defaultPrevented) return
    this.emit('quit')
    setImmediate(() => process.exit(0))
  }
  exit(code = 0) {
    process.exit(code)
  }
}
export const app = new App()

let nextContentsId = 1
class WebContents extends EventEmitter {
  id = nextContentsId++
  windowOpenHandler = null
  sent = []
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler
  }
  send(channel, ...args) {
    this.sent.push({ channel, args })
  }
  openDevTools() {
    throw new Error('electron double: main opened the developer tools')
  }
}

export class BrowserWindow extends EventEmitter {
  static getAllWindows() {
    return recorded.windows.filter((w) => !w.destroyed)
  }
  destroyed = false
  shown = false
  url = null
  constructor(options = {}) {
    super()
    this.options = options
    this.webContents = new WebContents()
    recorded.windows.push(this)
    app.emit('web-contents-created', preventable(), this.webContents)
  }
  loadURL(url) {
    this.url = url
    setImmediate(() => this.emit('ready-to-show'))
    return Promise.resolve()
  }
  show() {
    this.shown = true
  }
  focus() {}
  isMinimized() {
    return false
  }
  restore() {}
  close() {
    this.destroyed = true
    this.emit('closed')
    if (BrowserWindow.getAllWindows().length === 0) app.emit('window-all-closed')
  }
}

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    if (isReady) recorded.schemesRegisteredAfterReady = true
    recorded.privilegedSchemes.push(...schemes)
  },
  handle(scheme, handler) {
    recorded.protocolHandlers.set(scheme, handler)
  }
}

export const ipcMain = {
  handle(channel, handler) {
    if (recorded.ipcHandlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`)
    }
    recorded.ipcHandlers.set(channel, handler)
  }
}

function answer(kind, window, options) {
  const opts = window instanceof BrowserWindow ? options : window
  recorded.dialogCalls.push({ kind, options: opts })
  const next = dialogAnswers[kind].shift()
  if (kind === 'open') return Promise.resolve(next ?? { canceled: true, filePaths: [] })
  return Promise.resolve(next ?? { canceled: true, filePath: '' })
}

export const dialog = {
  showOpenDialog: (window, options) => answer('open', window, options),
  showSaveDialog: (window, options) => answer('save', window, options),
  showErrorBox(title, content) {
    recorded.errorBoxes.push({ title, content })
    process.send?.({ event: 'errorBox', title, content })
  }
}

export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler) {
      recorded.permissionHandler = handler
    }
  }
}

export const Menu = {
  buildFromTemplate: (template) => ({ template }),
  setApplicationMenu(menu) {
    recorded.menu = menu
  }
}

export const shell = {
  openExternal(url) {
    recorded.openedExternally.push(url)
    return Promise.resolve()
  }
}

// the preload's side: what a sandboxed preload may require
export const contextBridge = {
  exposeInMainWorld(key, api) {
    recorded.exposed[key] = api
  }
}
export const ipcRenderer = {
  invoke(channel, ...args) {
    recorded.invoked.push({ channel, args })
    return Promise.resolve({ ok: true, value: null })
  }
}

const electron = {
  app,
  BrowserWindow,
  protocol,
  ipcMain,
  dialog,
  session,
  Menu,
  shell,
  contextBridge,
  ipcRenderer
}
export default electron

// Electron fires 'ready' once main's first turn has run: schemes must be registered by then
// only when a test forked main with the control channel (not when a test imports the double)
if (process.send && process.env.WARRAQ_ELECTRON_DOUBLE === 'control')
  startControl({ recorded, dialogAnswers, app, BrowserWindow })
setImmediate(() => {
  isReady = true
  app.emit('ready')
  resolveReady()
})
