/**
 * The built preload (`out/preload/index.cjs`) run as a sandboxed preload runs: in a context of
 * its own whose `require` knows only 'electron' (here the double's contextBridge/ipcRenderer).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runInNewContext } from 'node:vm'
import { beforeAll, describe, expect, it } from 'vitest'
import { CALL_NAMES } from '../../src/shared/contract'
import { BRIDGE_NAME, IPC_CHANNEL } from '../../src/shared/ipc'
import { ROOT } from './drive'

interface Double {
  recorded: { exposed: Record<string, unknown>; invoked: { channel: string; args: unknown[] }[] }
  contextBridge: unknown
  ipcRenderer: unknown
}

const PRELOAD = join(ROOT, 'out', 'preload', 'index.cjs')
let double: Double
let required: string[]

beforeAll(async () => {
  if (!existsSync(PRELOAD)) {
    throw new Error('The app is not built: run `npx electron-vite build` (npm test does it first).')
  }
  double = (await import('./electron.mjs')) as unknown as Double
  required = []
  const sandboxRequire = (id: string): unknown => {
    required.push(id)
    if (id === 'electron')
      return { contextBridge: double.contextBridge, ipcRenderer: double.ipcRenderer }
    throw new Error(`module not found: ${id} (a sandboxed preload can require only electron)`)
  }
  const module = { exports: {} }
  runInNewContext(readFileSync(PRELOAD, 'utf8'), {
    require: sandboxRequire,
    module,
    exports: module.exports,
    console
  })
})

describe('the built preload', () => {
  it('needs nothing but electron, as a sandboxed preload must', () => {
    expect([...new Set(required)]).toEqual(['electron'])
  })

  it("exposes exactly the contract's calls under one name", () => {
    expect(Object.keys(double.recorded.exposed)).toEqual([BRIDGE_NAME])
    const bridge = double.recorded.exposed[BRIDGE_NAME] as Record<string, unknown>
    expect(Object.keys(bridge).sort()).toEqual([...CALL_NAMES].sort())
    expect(Object.values(bridge).every((f) => typeof f === 'function')).toBe(true)
  })

  it('sends each call over the one channel with its name and input, nothing else', async () => {
    const bridge = double.recorded.exposed[BRIDGE_NAME] as Record<string, (i: unknown) => unknown>
    await bridge['articles.get']({ uid: 'x' })
    expect(double.recorded.invoked.at(-1)).toEqual({
      channel: IPC_CHANNEL,
      args: ['articles.get', { uid: 'x' }]
    })
  })
})
