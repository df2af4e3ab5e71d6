/**
 * The built main process (`out/main/index.js`, what Electron runs), started under Node with the
 * Electron double standing in for the binary. `npm test` builds first; run alone, build with
 * `npx electron-vite build`.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { IPC_CHANNEL } from '../../src/shared/ipc'
import { ROOT, startMain, tempHome, type DrivenMain } from './drive'

interface WindowState {
  url: string
  shown: boolean
  webPreferences: Record<string, unknown>
  preloadExists: boolean
}
interface State {
  windows: WindowState[]
  privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[]
  schemesRegisteredAfterReady: boolean
  protocols: string[]
  ipcChannels: string[]
  menu: { label?: string; role?: string; submenu?: { role?: string }[] }[]
  errorBoxes: unknown[]
  dialogCalls: { kind: string; options: Record<string, unknown> }[]
  openedExternally: string[]
}
interface Fetched {
  status: number
  headers: Record<string, string>
  body: string
}
type Answer = { ok: boolean; value?: Record<string, unknown>; error?: { code: string } }

let home: ReturnType<typeof tempHome>
let main: DrivenMain
let state: State

const fetchApp = (url: string): Promise<Fetched> => main.send<Fetched>('fetch', { url })
const text = (f: Fetched): string => Buffer.from(f.body, 'base64').toString('utf8')
const call = (frameUrl: string | null, name: string, input: unknown = {}): Promise<Answer> =>
  main.send<Answer>('invoke', { channel: IPC_CHANNEL, frameUrl, args: [name, input] })
const APP_FRAME = 'warraq://app/index.html'

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'out', 'main', 'index.js'))) {
    throw new Error('The app is not built: run `npx electron-vite build` (npm test does it first).')
  }
  home = tempHome()
  main = await startMain(home.env)
  state = await main.until<State>('state', (s) => s.windows.length > 0, 'its window open')
}, 120_000)

afterAll(async () => {
  await main?.quit()
  home?.cleanup()
})

describe('the built main process under the Electron double', () => {
  it('opens its window on the app protocol with the secure preferences and a real preload', () => {
    expect(state.errorBoxes).toEqual([])
    expect(state.windows).toHaveLength(1)
    const [window] = state.windows
    expect(window.url).toBe('warraq://app/index.html')
    expect(window.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false
    })
    expect(window.preloadExists).toBe(true)
    expect(String(window.webPreferences.preload)).toMatch(/out[\\/]preload[\\/]index\.cjs$/)
    expect(state.schemesRegisteredAfterReady).toBe(false)
    expect(state.privilegedSchemes.map((s) => s.scheme)).toEqual(['warraq'])
    expect(state.ipcChannels).toEqual([IPC_CHANNEL])
  })

  it('serves index.html with the CSP, and every script and style it references', async () => {
    const page = await fetchApp('warraq://app/index.html')
    expect(page.status).toBe(200)
    expect(page.headers['content-type']).toMatch(/text\/html/)
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/)
    const html = text(page)
    const assets = [...html.matchAll(/(?:src|href)="(\.?\/?assets\/[^"]+)"/g)].map((m) => m[1])
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true)
    for (const asset of assets) {
      const got = await fetchApp(new URL(asset, 'warraq://app/index.html').href)
      expect(got.status, asset).toBe(200)
      expect(got.headers['content-security-policy']).toBe(page.headers['content-security-policy'])
      if (asset.endsWith('.js')) expect(got.headers['content-type']).toMatch(/javascript/)
    }
    expect((await fetchApp('warraq://app/no-such-file.js')).status).toBe(404)
    expect((await fetchApp('warraq://elsewhere/index.html')).status).toBe(404)
    expect((await fetchApp('warraq://app/../../package.json')).status).toBe(404)
  })

  it("answers a contract call from the app's frame and refuses one from any other frame", async () => {
    const made = await call(APP_FRAME, 'articles.create', {
      title: 'افتتاح مكتبة عامة',
      body: 'افتتحت البلدية مكتبة عامة في الحي الشمالي.'
    })
    expect(made.ok).toBe(true)
    expect(await call(APP_FRAME, 'articles.get', { uid: 7 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' }
    })
    for (const foreign of [
      'https://evil.example/',
      'warraq://other/index.html',
      'file:///x',
      null
    ]) {
      const refused = await call(foreign, 'archive.stats')
      expect(refused, String(foreign)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' }
      })
    }
  })

  it('denies navigation away and new windows; sends https links to the system browser', async () => {
    expect(await main.send('navigate', { url: 'https://evil.example/' })).toEqual({
      prevented: true
    })
    expect(await main.send('navigate', { url: 'warraq://app/index.html#/search' })).toEqual({
      prevented: false
    })
    expect(await main.send('windowOpen', { url: 'https://example.org/a' })).toEqual({
      action: 'deny'
    })
    expect(await main.send('windowOpen', { url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(await main.send('permission', { permission: 'media' })).toBe(false)
    const after = await main.send<State>('state')
    expect(after.openedExternally).toEqual(['https://example.org/a'])
  })

  it('imports what the open dialog chose, read from disk by the worker; a cancelled dialog does nothing', async () => {
    const folder = join(home.home, 'incoming')
    mkdirSync(folder, { recursive: true })
    const articles = [1, 2, 3].map((n) => ({
      source: 'الواحة',
      url: `https://alwaha.example/${n}`,
      title: `خبر ${n} عن المكتبة`,
      content: `نص الخبر ${n} عن افتتاح المكتبة.`
    }))
    writeFileSync(join(folder, 'batch.json'), JSON.stringify(articles))
    expect(await call(APP_FRAME, 'desktop.importChosen', { pick: 'folder' })).toEqual({
      ok: true,
      value: { chosen: false }
    })
    await main.send('dialog', { kind: 'open', answer: { canceled: false, filePaths: [folder] } })
    const imported = await call(APP_FRAME, 'desktop.importChosen', { pick: 'folder' })
    expect(imported).toMatchObject({ ok: true, value: { chosen: true, result: { imported: 3 } } })
    // between imports the progress is idle and there is nothing to cancel
    expect(await call(APP_FRAME, 'desktop.importProgress')).toMatchObject({
      ok: true,
      value: { running: false }
    })
    expect(await call(APP_FRAME, 'desktop.importCancel')).toEqual({
      ok: true,
      value: { cancelled: false }
    })
    const dialogs = (await main.send<State>('state')).dialogCalls
    expect(dialogs.at(-1)).toMatchObject({
      kind: 'open',
      options: { properties: ['openDirectory'] }
    })
  })

  it('exports and backs up to the paths the save dialog gave, which asks before replacing', async () => {
    const csv = join(home.home, 'out.csv')
    writeFileSync(csv, 'an older file the user agreed to replace')
    await main.send('dialog', { kind: 'save', answer: { canceled: false, filePath: csv } })
    const exported = await call(APP_FRAME, 'desktop.exportChosen', {
      format: 'csv',
      selection: { kind: 'all' }
    })
    expect(exported).toMatchObject({ ok: true, value: { chosen: true, result: { rows: 4 } } })
    expect(readFileSync(csv, 'utf8')).toContain('افتتاح مكتبة عامة')
    const backup = join(home.home, 'copy.db')
    await main.send('dialog', { kind: 'save', answer: { canceled: false, filePath: backup } })
    expect(await call(APP_FRAME, 'desktop.backupChosen')).toMatchObject({
      ok: true,
      value: { chosen: true }
    })
    expect(existsSync(backup)).toBe(true)
    const saves = (await main.send<State>('state')).dialogCalls.filter((d) => d.kind === 'save')
    expect(saves).toHaveLength(2)
    for (const save of saves) expect(save.options.properties).toContain('showOverwriteConfirmation')
  })

  it('restores the backup file the open dialog chose, keeping the archive as it was', async () => {
    await call(APP_FRAME, 'articles.create', { title: 'خبر بعد النسخة', body: 'نص لاحق.' })
    expect((await call(APP_FRAME, 'archive.stats')).value).toMatchObject({ articles: 5 })
    const backup = join(home.home, 'copy.db')
    await main.send('dialog', { kind: 'open', answer: { canceled: false, filePaths: [backup] } })
    const restored = await call(APP_FRAME, 'desktop.restoreChosen')
    expect(restored).toMatchObject({
      ok: true,
      value: { chosen: true, result: { restoredFrom: backup, reopened: true } }
    })
    const undo = (restored.value?.result as { undoBackup: string | null }).undoBackup
    expect(undo && existsSync(undo)).toBe(true)
    // the worker reopened the archive under the same handlers: calls go on working
    expect((await call(APP_FRAME, 'archive.stats')).value).toMatchObject({ articles: 4 })
  })

  it("opened the CLI's default archive for the same home folder", async () => {
    const stats = await call(APP_FRAME, 'archive.stats')
    expect(await main.quit()).toBe(0)
    // the app let go of the archive when it quit: the CLI may open it now
    const cli = spawnSync(process.execPath, [join(ROOT, 'bin', 'warraq.mjs'), 'stats', '--json'], {
      cwd: ROOT,
      env: home.env,
      encoding: 'utf8'
    })
    expect(cli.status, cli.stderr).toBe(0)
    const fromCli = JSON.parse(cli.stdout) as { file: string; articles: number }
    expect(fromCli.file).toBe(stats.value?.file)
    expect(fromCli.file.startsWith(home.home)).toBe(true)
    expect(fromCli.articles).toBe(4)
  })
})
