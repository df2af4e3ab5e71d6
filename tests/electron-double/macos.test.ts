/**
 * macOS conventions of the built main process, under the Electron double with `process.platform`
 * reading 'darwin': closing the last window keeps the app running, the Dock's `activate` opens a
 * window again, and Quit lives in the app menu.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type DrivenMain, type OpenApp } from './drive'

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

let app: OpenApp
let main: DrivenMain

beforeAll(async () => {
  app = await openApp({ WARRAQ_DOUBLE_PLATFORM: 'darwin' })
  main = app.main
}, 120_000)

afterAll(async () => {
  await app?.close()
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
