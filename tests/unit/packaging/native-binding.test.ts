import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { WarraqError } from '../../../src/shared/errors'
import { bindingCandidates, findNativeBinding } from '../../../src/main/native-binding'
import { addonPath } from '../../../scripts/lib/electron-sqlite.mjs'

const checkout = {
  electronVersion: '39.8.10',
  platform: 'linux',
  arch: 'x64',
  appRoot: '/home/ana/build/warraq',
  // in a checkout, Electron's resources are its own, under node_modules/electron/dist
  resourcesPath: '/home/ana/build/warraq/node_modules/electron/dist/resources'
}
const ownBuild = join('/home/ana/build/warraq', 'native', 'electron', '39.8.10-linux-x64')

describe('the Electron build of better-sqlite3, found in each layout', () => {
  it('is not looked for under plain Node, where better-sqlite3 loads its own build', () => {
    const place = { ...checkout, electronVersion: undefined, resourcesPath: undefined }
    expect(bindingCandidates(place)).toEqual([])
    expect(findNativeBinding({ ...place, exists: () => false })).toBeUndefined()
  })

  it('finds the per-version build of a source checkout', () => {
    const file = join(ownBuild, 'better_sqlite3.node')
    expect(findNativeBinding({ ...checkout, exists: (f) => f === file })).toBe(file)
  })

  it('looks where scripts/build-electron-sqlite.mjs puts it', () => {
    const target = { electronVersion: '39.8.10', platform: 'linux', arch: 'x64' }
    expect(bindingCandidates(checkout)).toContain(addonPath(checkout.appRoot, target))
  })

  it('never takes a build made for another Electron version or architecture', () => {
    const others = [
      join('/home/ana/build/warraq/native/electron/38.2.0-linux-x64/better_sqlite3.node'),
      join('/home/ana/build/warraq/native/electron/39.8.10-linux-arm64/better_sqlite3.node'),
      join('/home/ana/build/warraq/native/electron/better_sqlite3.node')
    ]
    expect(() => findNativeBinding({ ...checkout, exists: (f) => others.includes(f) })).toThrow(
      WarraqError
    )
  })

  it('finds the module unpacked from the asar in a packaged app', () => {
    const resources = 'C:\\Program Files\\Warraq\\resources'
    const packaged = {
      ...checkout,
      platform: 'win32',
      appRoot: join(resources, 'app.asar'),
      resourcesPath: resources
    }
    const file = join(
      resources,
      'app.asar.unpacked',
      'node_modules',
      'better-sqlite3',
      'build',
      'Release',
      'better_sqlite3.node'
    )
    expect(findNativeBinding({ ...packaged, exists: (f) => f === file })).toBe(file)
  })

  it('says in a sentence what is missing and where it looked', () => {
    let error: unknown
    try {
      findNativeBinding({ ...checkout, exists: () => false })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(WarraqError)
    const { message, detail } = error as WarraqError
    expect(message).toMatch(/^Warraq cannot open its archive: .*Electron 39\.8\.10 \(linux-x64\)/)
    expect(message).toContain(join(ownBuild, 'better_sqlite3.node'))
    expect(message).toMatch(/run `npm start`, which makes it\.$/)
    expect(detail).toMatchObject({
      key: 'app.native_binding_missing',
      params: { target: 'Electron 39.8.10 (linux-x64)' }
    })
  })
})
