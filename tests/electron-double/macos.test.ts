/**
 * macOS conventions of the built main process, under the Electron double with `process.platform`
 * reading 'darwin': closing the last window keeps the app running, the Dock's `activate` opens a
 * window again, and Quit lives in the app menu.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT, startMain, tempHome, type DrivenMain } from './drive'

interface MenuItem {
  label?: string
  role?: string
  submenu?: MenuItem[]
}
interface State {
  windows: { url: string }[]
  menu: MenuItem[]
  errorBoxes: unknown[]
}

let home: ReturnType<typeof tempHome>
let main: DrivenMain

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'out', 'main', 'index.js'))) {
    throw new Error('The app is not built: run `npx electron-vite build` (npm test does it first).')
  }
  home = tempHome()
  main = await startMain({ ...home.env, WARRAQ_DOUBLE_PLATFORM: 'darwin' })
  await main.until<State>('state', (s) => s.windows.length > 0, 'its window open')
}, 120_000)

afterAll(async () => {
  await main?.quit()
  home?.cleanup()
})

describe('the built main process on macOS', () => {
  it('puts Quit in the app menu', async () => {
    const { menu, errorBoxes } = await main.send<State>('state')
    expect(errorBoxes).toEqual([])
    expect(menu[0].label).toBe('Warraq')
    expect(menu[0].submenu?.map((i) => i.role)).toContain('quit')
    expect(
      menu
        .slice(1)
        .flatMap((m) => m.submenu ?? [])
        .map((i) => i.role)
    ).not.toContain('quit')
  })

  it('keeps running with no window, and activate opens one again', async () => {
    expect(await main.send<number>('closeAllWindows')).toBe(0)
    // closing the last window did not quit the app: it still answers, and has not exited
    await main.send<State>('state')
    expect(main.child.exitCode).toBe(null)
    expect(await main.send<number>('activate')).toBe(1)
    expect(await main.quit()).toBe(0)
  })
})
