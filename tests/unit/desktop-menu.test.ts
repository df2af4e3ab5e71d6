import { describe, expect, it } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { menuTemplate } from '../../src/main/desktop/menu'

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])
  ])
}

describe('the application menu', () => {
  it('has the standard edit, window and help roles', () => {
    const all = roles(menuTemplate({ language: 'en', isPackaged: true, platform: 'linux' }))
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'window', 'help']) {
      expect(all).toContain(role)
    }
  })

  it('offers reload and developer tools only in a build that is not packaged', () => {
    const packaged = roles(menuTemplate({ language: 'ar', isPackaged: true, platform: 'win32' }))
    expect(packaged).not.toContain('reload')
    expect(packaged).not.toContain('toggleDevTools')
    const dev = roles(menuTemplate({ language: 'ar', isPackaged: false, platform: 'win32' }))
    expect(dev).toContain('reload')
    expect(dev).toContain('toggleDevTools')
  })

  it('follows the interface language', () => {
    const ar = menuTemplate({ language: 'ar', isPackaged: true, platform: 'linux' })
    const en = menuTemplate({ language: 'en', isPackaged: true, platform: 'linux' })
    expect(ar.map((m) => m.label)).toEqual(['ملف', 'تحرير', 'عرض', 'نافذة', 'مساعدة'])
    expect(en.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help'])
  })

  it('on macOS puts Quit in the app menu, with Hide and Bring All to Front', () => {
    const mac = menuTemplate({ language: 'en', isPackaged: true, platform: 'darwin' })
    expect(mac[0].label).toBe('Warraq')
    expect(roles([mac[0]])).toEqual(expect.arrayContaining(['about', 'hide', 'quit']))
    expect(roles(mac.slice(1))).not.toContain('quit')
    expect(roles(mac)).toContain('front')
  })
})
