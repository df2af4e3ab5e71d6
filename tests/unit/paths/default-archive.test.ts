import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  APP_NAME,
  defaultArchivePath,
  defaultDataDir,
  resolveArchivePath
} from '../../../src/main/core/paths'

describe('the one default archive', () => {
  it('is where Electron keeps userData for productName Warraq, on each platform', () => {
    expect(defaultArchivePath({ platform: 'linux', env: {}, home: '/home/huda' })).toBe(
      '/home/huda/.config/Warraq/archive.warraq.db'
    )
    expect(
      defaultArchivePath({ platform: 'linux', env: { XDG_CONFIG_HOME: '/x/cfg' }, home: '/home/h' })
    ).toBe('/x/cfg/Warraq/archive.warraq.db')
    expect(defaultArchivePath({ platform: 'darwin', env: {}, home: '/Users/huda' })).toBe(
      '/Users/huda/Library/Application Support/Warraq/archive.warraq.db'
    )
    expect(
      defaultArchivePath({
        platform: 'win32',
        env: { APPDATA: 'C:\\Users\\huda\\AppData\\Roaming' },
        home: 'C:\\Users\\huda'
      })
    ).toBe('C:\\Users\\huda\\AppData\\Roaming\\Warraq\\archive.warraq.db')
    // without %APPDATA% Electron falls back to the roaming folder under the profile
    expect(defaultDataDir({ platform: 'win32', env: {}, home: 'C:\\Users\\huda' })).toBe(
      'C:\\Users\\huda\\AppData\\Roaming\\Warraq'
    )
  })

  it('ignores an empty XDG_CONFIG_HOME or APPDATA, as Electron does', () => {
    expect(defaultDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: '' }, home: '/h' })).toBe(
      '/h/.config/Warraq'
    )
    expect(defaultDataDir({ platform: 'win32', env: { APPDATA: '' }, home: 'D:\\h' })).toBe(
      'D:\\h\\AppData\\Roaming\\Warraq'
    )
  })

  it('is WARRAQ_DB when set, and --db before both', () => {
    const context = { platform: 'linux' as const, env: { WARRAQ_DB: '/data/a.db' }, home: '/h' }
    expect(defaultArchivePath(context)).toBe('/data/a.db')
    expect(resolveArchivePath('/b.db', context)).toBe('/b.db')
    expect(resolveArchivePath(undefined, context)).toBe('/data/a.db')
  })

  it('uses the productName Electron reads from package.json', () => {
    const pkg = JSON.parse(
      readFileSync(resolve(import.meta.dirname, '..', '..', '..', 'package.json'), 'utf8')
    ) as { productName?: string }
    expect(pkg.productName).toBe(APP_NAME)
  })
})
