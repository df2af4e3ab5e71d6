/**
 * Where the Electron build of better-sqlite3's addon is, in each way Warraq runs:
 * - a source checkout (`npm start`): `native/electron/<electron-version>-<platform>-<arch>/`,
 *   made by scripts/build-electron-sqlite.mjs beside the Node build, which `npm test` keeps using;
 * - a packaged app: electron-builder rebuilt the module for Electron and unpacked it from the asar
 *   (a `.node` file cannot be loaded from inside one), under `resources/app.asar.unpacked/`.
 * Under plain Node (the CLI, the browser host, the tests) there is nothing to find: better-sqlite3
 * loads its own Node build.
 */
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { WarraqError } from '@shared/errors'

export const ADDON_FILE = 'better_sqlite3.node'

export interface BindingPlace {
  /** `process.versions.electron`; undefined under plain Node */
  electronVersion: string | undefined
  platform: string
  arch: string
  /** the checkout (or app) root: the folder holding package.json */
  appRoot: string
  /** Electron's `process.resourcesPath`; undefined under plain Node */
  resourcesPath: string | undefined
  exists?: (file: string) => boolean
}

/** The files that may hold the addon, packaged app first; empty under plain Node. */
export function bindingCandidates(place: BindingPlace): string[] {
  if (!place.electronVersion) return []
  const list: string[] = []
  if (place.resourcesPath)
    list.push(
      join(
        place.resourcesPath,
        'app.asar.unpacked',
        'node_modules',
        'better-sqlite3',
        'build',
        'Release',
        ADDON_FILE
      )
    )
  const key = `${place.electronVersion}-${place.platform}-${place.arch}`
  list.push(join(place.appRoot, 'native', 'electron', key, ADDON_FILE))
  return list
}

/**
 * The addon to pass as better-sqlite3's `nativeBinding`: undefined under plain Node (its own
 * build), else the first candidate that exists. Under Electron with none, it throws a sentence
 * naming what is missing rather than letting better-sqlite3 load the Node build and fail with
 * an ABI number.
 */
export function findNativeBinding(place: BindingPlace): string | undefined {
  const candidates = bindingCandidates(place)
  if (candidates.length === 0) return undefined
  const exists = place.exists ?? existsSync
  const found = candidates.find((file) => exists(file))
  if (found) return found
  const target = `Electron ${place.electronVersion} (${place.platform}-${place.arch})`
  throw new WarraqError(
    'internal',
    `Warraq cannot open its archive: better-sqlite3 has no build for ${target} (looked for ${candidates.join(' and ')}); from a checkout, run \`npm start\`, which makes it.`,
    {
      key: 'app.native_binding_missing',
      params: { target, looked: candidates.join(', ') }
    }
  )
}

/**
 * The root of the app from the built main process: `out/main/index.js` (or `out/main/chunks/…`)
 * sits two or three folders below it, so walk up to the folder with package.json.
 */
function appRootFrom(start: string, exists: (file: string) => boolean): string {
  let dir = start
  for (;;) {
    if (exists(join(dir, 'package.json'))) return dir
    const parent = dirname(dir)
    if (parent === dir) return start
    dir = parent
  }
}

/** This process's addon: see findNativeBinding. */
export function electronNativeBinding(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url))
  return findNativeBinding({
    electronVersion: process.versions.electron,
    platform: process.platform,
    arch: process.arch,
    appRoot: appRootFrom(here, existsSync),
    resourcesPath: (process as { resourcesPath?: string }).resourcesPath
  })
}
