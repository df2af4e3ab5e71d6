import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, matchesGlob, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const ROOT = resolve(import.meta.dirname, '..', '..', '..')
const read = (file: string): Buffer => readFileSync(join(ROOT, file))

interface BuilderConfig {
  appId: string
  productName: string
  files: string[]
  extraMetadata: { main: string }
  asar: boolean
  asarUnpack: string[]
  npmRebuild: boolean
  buildDependenciesFromSource: boolean
  directories: { output: string; buildResources: string }
  linux: { target: string[]; category: string; maintainer: string; icon: string }
  win: { target: string[]; icon: string }
  mac: { target: string[]; icon: string }
}
const config = parse(read('electron-builder.yml').toString('utf8')) as BuilderConfig
const pkg = JSON.parse(read('package.json').toString('utf8')) as {
  main: string
  scripts: Record<string, string>
  devDependencies: Record<string, string>
  allowScripts: Record<string, boolean>
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  expect(png.toString('latin1', 12, 16)).toBe('IHDR')
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) }
}

describe('electron-builder configuration', () => {
  it('passes electron-builder’s own schema, which refuses an unknown option', async () => {
    // app-builder-lib does not export its validator in its types: load it as electron-builder does
    const require = createRequire(join(ROOT, 'package.json'))
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>
    }
    const logger = { isEnabled: false, add: () => undefined }
    await expect(validateConfiguration(config, logger)).resolves.toBeUndefined()
    const wrong = { ...config, linux: { ...config.linux, maintainr: 'typo' } }
    await expect(validateConfiguration(wrong, logger)).rejects.toThrow(/configuration/)
  }, 90_000)

  it('names the app Warraq with one appId', () => {
    expect(config.appId).toBe('org.warraq.app')
    expect(config.productName).toBe('Warraq')
  })

  it('makes AppImage and deb, NSIS and dmg installers', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.linux.category).toBe('Office')
    expect(config.linux.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/)
    expect(config.win.target).toEqual(['nsis'])
    expect(config.mac.target).toEqual(['dmg'])
  })

  it('packs only what runs, from the built main process', () => {
    expect(config.files).toContain('out/**')
    expect(config.files.filter((pattern) => !pattern.startsWith('!'))).toEqual([
      'out/**',
      'package.json',
      'resources/icons/512x512.png'
    ])
    expect(config.extraMetadata.main).toBe(pkg.main.replace(/^\.\//, ''))
  })

  it('unpacks better-sqlite3’s addon from the asar where native-binding.ts looks for it', () => {
    expect(config.asar).toBe(true)
    const addon = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'
    expect(config.asarUnpack.some((pattern) => matchesGlob(addon, pattern))).toBe(true)
    expect(config.asarUnpack.some((pattern) => matchesGlob('out/main/index.js', pattern))).toBe(
      false
    )
  })

  it('rebuilds native modules for Electron from prebuilt binaries first', () => {
    expect(config.npmRebuild).toBe(true)
    expect(config.buildDependenciesFromSource).toBe(false)
  })

  it('adds no install step that downloads: no install-app-deps, Squirrel’s script not run', () => {
    expect(pkg.devDependencies['electron-builder']).toMatch(/^\d+\.\d+\.\d+$/)
    for (const hook of ['install', 'postinstall', 'preinstall'])
      expect(pkg.scripts[hook] ?? '').not.toMatch(/install-app-deps|electron-builder/)
    expect(pkg.allowScripts['electron-winstaller']).toBe(false)
    expect(pkg.scripts.dist).toBe('node scripts/dist.mjs')
  })
})

describe('icons under resources/', () => {
  it('has a 1024×1024 PNG source and 512 and 256 PNGs for Linux', () => {
    expect(config.directories.buildResources).toBe('resources')
    expect(pngSize(read('resources/icon.png'))).toEqual({ width: 1024, height: 1024 })
    expect(config.linux.icon).toBe('resources/icons')
    expect(pngSize(read('resources/icons/512x512.png'))).toEqual({ width: 512, height: 512 })
    expect(pngSize(read('resources/icons/256x256.png'))).toEqual({ width: 256, height: 256 })
  })

  it('has a Windows .ico with a 256 px image among its sizes', () => {
    expect(config.win.icon).toBe('resources/icon.ico')
    const ico = read(config.win.icon)
    expect(ico.readUInt16LE(0)).toBe(0) // reserved
    expect(ico.readUInt16LE(2)).toBe(1) // type: icon
    const count = ico.readUInt16LE(4)
    // each 16-byte entry: width, height (0 means 256), …, size, offset
    const widths = Array.from({ length: count }, (_, i) => ico[6 + 16 * i] || 256)
    expect(widths).toContain(256)
    expect(widths).toContain(16)
    const last = 6 + 16 * (count - 1)
    expect(ico.readUInt32LE(last + 12) + ico.readUInt32LE(last + 8)).toBeLessThanOrEqual(ico.length)
  })

  it('has a macOS .icns whose length matches and that holds the 1024 px image', () => {
    expect(config.mac.icon).toBe('resources/icon.icns')
    const icns = read(config.mac.icon)
    expect(icns.toString('latin1', 0, 4)).toBe('icns')
    expect(icns.readUInt32BE(4)).toBe(icns.length)
    const types: string[] = []
    for (let at = 8, size = 8; at < icns.length && size >= 8; at += size) {
      types.push(icns.toString('latin1', at, at + 4))
      size = icns.readUInt32BE(at + 4)
    }
    expect(types).toContain('ic10') // 1024×1024 (512@2x)
    expect(types).toContain('ic08') // 256×256
  })
})
