// The control channel of the Electron double: a test that forked the built main process sends
// `{id, cmd, …}` over the fork IPC channel and gets `{id, ok, value | error}` back.
import { existsSync } from 'node:fs'

function preventable() {
  const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) }
  return event
}

/** Labels and roles only: a menu template holds functions that cannot be sent. */
function menuShape(items) {
  return (items ?? []).map((item) => ({
    label: item.label,
    role: item.role,
    type: item.type,
    submenu: Array.isArray(item.submenu) ? menuShape(item.submenu) : undefined
  }))
}

export function startControl({ recorded, dialogAnswers, app }) {
  const firstWindow = () => {
    const window = recorded.windows.find((w) => !w.destroyed)
    if (!window) throw new Error('main has opened no window')
    return window
  }
  const commands = {
    state: () => ({
      windows: recorded.windows.map((w) => ({
        url: w.url,
        shown: w.shown,
        title: w.options.title,
        webPreferences: w.options.webPreferences,
        preloadExists:
          Boolean(w.options.webPreferences?.preload) && existsSync(w.options.webPreferences.preload)
      })),
      privilegedSchemes: recorded.privilegedSchemes,
      schemesRegisteredAfterReady: recorded.schemesRegisteredAfterReady,
      protocols: [...recorded.protocolHandlers.keys()],
      ipcChannels: [...recorded.ipcHandlers.keys()],
      menu: menuShape(recorded.menu?.template),
      errorBoxes: recorded.errorBoxes,
      dialogCalls: recorded.dialogCalls,
      openedExternally: recorded.openedExternally
    }),
    async fetch({ url }) {
      const scheme = new URL(url).protocol.slice(0, -1)
      const handler = recorded.protocolHandlers.get(scheme)
      if (!handler) throw new Error(`no protocol handler for ${scheme}:`)
      const response = await handler(new Request(url))
      const body = Buffer.from(await response.arrayBuffer())
      return {
        status: response.status,
        headers: Object.fromEntries(response.headers),
        body: body.toString('base64')
      }
    },
    invoke({ channel, frameUrl, args }) {
      const handler = recorded.ipcHandlers.get(channel)
      if (!handler) throw new Error(`no IPC handler for ${channel}`)
      const event = {
        sender: firstWindow().webContents,
        senderFrame: frameUrl === null ? null : { url: frameUrl }
      }
      return handler(event, ...args)
    },
    dialog({ kind, answer }) {
      dialogAnswers[kind].push(answer)
      return dialogAnswers[kind].length
    },
    navigate({ url }) {
      const event = preventable()
      firstWindow().webContents.emit('will-navigate', event, url)
      return { prevented: event.defaultPrevented }
    },
    windowOpen({ url }) {
      const handler = firstWindow().webContents.windowOpenHandler
      if (!handler) throw new Error('main set no window open handler')
      return handler({ url })
    },
    permission({ permission }) {
      return new Promise((resolve) => {
        if (!recorded.permissionHandler) resolve('no handler')
        else recorded.permissionHandler(firstWindow().webContents, permission, resolve)
      })
    },
    closeAllWindows() {
      for (const window of [...recorded.windows]) if (!window.destroyed) window.close()
      return recorded.windows.filter((w) => !w.destroyed).length
    },
    activate() {
      app.emit('activate', preventable(), false)
      return recorded.windows.filter((w) => !w.destroyed).length
    },
    quit() {
      setImmediate(() => app.quit())
      return true
    }
  }
  process.on('message', async (message) => {
    const { id, cmd, ...rest } = message
    try {
      const command = commands[cmd]
      if (!command) throw new Error(`unknown command ${cmd}`)
      process.send({ id, ok: true, value: await command(rest) })
    } catch (err) {
      process.send({ id, ok: false, error: String(err?.stack ?? err) })
    }
  })
  process.send({ event: 'loaded' })
}
