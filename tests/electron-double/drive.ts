import { fork, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { IPC_CHANNEL } from '../../src/shared/ipc'

export const ROOT = resolve(import.meta.dirname, '..', '..')
const REGISTER = join(ROOT, 'tests', 'electron-double', 'register.mjs')

interface Reply {
  id?: number
  ok?: boolean
  value?: unknown
  error?: string
  event?: string
}

/** A home folder of its own: the per-user data folder of every platform points inside it. */
export function tempHome(): { home: string; env: NodeJS.ProcessEnv; cleanup(): void } {
  const home = mkdtempSync(join(tmpdir(), 'warraq-double-'))
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    USERPROFILE: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    APPDATA: join(home, 'AppData', 'Roaming')
  }
  delete env.WARRAQ_DB
  delete env.ELECTRON_RENDERER_URL
  return { home, env, cleanup: () => rmSync(home, { recursive: true, force: true }) }
}

export interface DrivenMain {
  child: ChildProcess
  send<T>(cmd: string, args?: Record<string, unknown>): Promise<T>
  /** waits (polling the double) until `check` holds */
  until<T>(cmd: string, check: (value: T) => boolean, what: string): Promise<T>
  stderr(): string
  /** asks main to quit the way a user does, and waits for the process to end */
  quit(): Promise<number | null>
}

/** Starts the built main process under Node with the Electron double in place of the binary. */
export async function startMain(env: NodeJS.ProcessEnv): Promise<DrivenMain> {
  const child = fork(join(ROOT, 'out', 'main', 'index.js'), [], {
    cwd: ROOT,
    env: { ...env, WARRAQ_ELECTRON_DOUBLE: 'control' },
    execArgv: ['--import', REGISTER],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc']
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  child.stdout?.resume()
  const waiting = new Map<number, (reply: Reply) => void>()
  let nextId = 1
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)))
  await new Promise<void>((loaded, failed) => {
    child.on('message', (reply: Reply) => {
      if (reply.event === 'loaded') loaded()
      if (reply.id !== undefined) waiting.get(reply.id)?.(reply)
    })
    void exited.then((code) => failed(new Error(`main exited (${code}) at start:\n${stderr}`)))
  })
  const send = <T>(cmd: string, args: Record<string, unknown> = {}): Promise<T> =>
    new Promise((done, failed) => {
      const id = nextId++
      waiting.set(id, (reply) => {
        waiting.delete(id)
        if (reply.ok) done(reply.value as T)
        else failed(new Error(`${cmd}: ${reply.error}\n${stderr}`))
      })
      child.send({ id, cmd, ...args })
      void exited.then((code) =>
        failed(new Error(`main exited (${code}) during ${cmd}:\n${stderr}`))
      )
    })
  return {
    child,
    send,
    async until<T>(cmd: string, check: (value: T) => boolean, what: string): Promise<T> {
      for (let i = 0; i < 600; i++) {
        const value = await send<T>(cmd)
        if (check(value)) return value
        await new Promise((r) => setTimeout(r, 50))
      }
      throw new Error(`main never reached: ${what}\n${stderr}`)
    },
    stderr: () => stderr,
    async quit() {
      if (child.exitCode !== null) return child.exitCode
      await send('quit')
      return exited
    }
  }
}

export const APP_FRAME = 'warraq://app/index.html'

export interface OpenApp {
  main: DrivenMain
  /** the home folder it runs in (its archive and backups are inside) */
  home: string
  /** a contract call from the app's own frame, as the preload sends it */
  call<T>(name: string, input?: unknown): Promise<T>
  /** quits main and removes the home folder */
  close(): Promise<void>
}

/**
 * The built app (`out/main/index.js`), started in a home folder of its own with `env` added,
 * once its window is open.
 */
export async function openApp(env: NodeJS.ProcessEnv = {}): Promise<OpenApp> {
  if (!existsSync(join(ROOT, 'out', 'main', 'index.js'))) {
    throw new Error('The app is not built: run `npx electron-vite build` (npm test does it first).')
  }
  const home = tempHome()
  const main = await startMain({ ...home.env, ...env })
  await main.until<{ windows: unknown[] }>('state', (s) => s.windows.length > 0, 'its window open')
  return {
    main,
    home: home.home,
    call: <T>(name: string, input: unknown = {}) =>
      main.send<T>('invoke', { channel: IPC_CHANNEL, frameUrl: APP_FRAME, args: [name, input] }),
    async close() {
      await main.quit()
      home.cleanup()
    }
  }
}
