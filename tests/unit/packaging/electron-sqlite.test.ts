import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  addonPath,
  copyFilter,
  ensureElectronSqlite,
  findOnPath,
  missingToolchain,
  nodeGypCandidates,
  plan,
  type Deps,
  type SpawnOptions
} from '../../../scripts/lib/electron-sqlite.mjs'

const target = { electronVersion: '39.8.10', platform: 'linux', arch: 'x64' }

interface Call {
  command: string
  args: string[]
  cwd: string
}

let scratch: string
let root: string
let sqliteDir: string
let lines: string[]
let calls: Call[]

beforeEach(() => {
  // the checkout sits under a folder named `build`, as the issue's user's did
  scratch = mkdtempSync(join(tmpdir(), 'warraq-start-'))
  root = join(scratch, 'build', 'warraq')
  sqliteDir = join(root, 'node_modules', 'better-sqlite3')
  mkdirSync(join(sqliteDir, 'src'), { recursive: true })
  mkdirSync(join(sqliteDir, 'build', 'Release'), { recursive: true })
  writeFileSync(join(sqliteDir, 'package.json'), '{"name":"better-sqlite3"}')
  writeFileSync(join(sqliteDir, 'binding.gyp'), '{}')
  writeFileSync(join(sqliteDir, 'src', 'better_sqlite3.cpp'), '// source')
  writeFileSync(join(sqliteDir, 'build', 'Release', 'better_sqlite3.node'), 'NODE-ABI')
  lines = []
  calls = []
})

afterEach(() => rmSync(scratch, { recursive: true, force: true }))

/** A spawner that plays prebuild-install and node-gyp: each succeeds or fails as told. */
function spawner(outcomes: Record<'prebuilt' | 'compile', boolean>): Deps['spawn'] {
  return (command: string, args: string[], options: SpawnOptions) => {
    calls.push({ command, args, cwd: options.cwd })
    // what the scratch copy holds when the tool starts: the sources, never the Node build
    expect(existsSync(join(options.cwd, 'binding.gyp'))).toBe(true)
    expect(existsSync(join(options.cwd, 'src', 'better_sqlite3.cpp'))).toBe(true)
    expect(existsSync(join(options.cwd, 'build'))).toBe(false)
    const method = args[0] === '/npm/node-gyp.js' ? 'compile' : 'prebuilt'
    if (!outcomes[method]) return { status: 1 }
    mkdirSync(join(options.cwd, 'build', 'Release'), { recursive: true })
    writeFileSync(
      join(options.cwd, 'build', 'Release', 'better_sqlite3.node'),
      `ELECTRON-${method}`
    )
    return { status: 0 }
  }
}

function deps(spawn: Deps['spawn'], overrides: Partial<Deps> = {}): Deps {
  return {
    spawn,
    sqliteDir,
    prebuildInstall: '/pkg/prebuild-install/bin.js',
    nodeGyp: '/npm/node-gyp.js',
    execPath: '/usr/bin/node',
    missingToolchain: () => [],
    log: (line) => lines.push(line),
    scratch,
    ...overrides
  }
}

describe('npm start: better-sqlite3 for Electron', () => {
  it('takes the prebuilt binary for the installed Electron version, platform and arch first', () => {
    const outcome = ensureElectronSqlite(
      root,
      target,
      deps(spawner({ prebuilt: true, compile: true }))
    )
    expect(outcome).toEqual({ ok: true, method: 'prebuilt', file: addonPath(root, target) })
    expect(calls).toHaveLength(1)
    expect(calls[0].command).toBe('/usr/bin/node')
    expect(calls[0].args).toEqual([
      '/pkg/prebuild-install/bin.js',
      '--runtime=electron',
      '--target=39.8.10',
      '--platform=linux',
      '--arch=x64'
    ])
    expect(readFileSync(addonPath(root, target), 'utf8')).toBe('ELECTRON-prebuilt')
  })

  it('keeps the Node build in node_modules untouched', () => {
    ensureElectronSqlite(root, target, deps(spawner({ prebuilt: true, compile: true })))
    const nodeBuild = join(sqliteDir, 'build', 'Release', 'better_sqlite3.node')
    expect(readFileSync(nodeBuild, 'utf8')).toBe('NODE-ABI')
  })

  it('compiles from source when no prebuilt binary can be downloaded, and says so', () => {
    const outcome = ensureElectronSqlite(
      root,
      target,
      deps(spawner({ prebuilt: false, compile: true }))
    )
    expect(outcome).toMatchObject({ ok: true, method: 'compile' })
    expect(calls.map((call) => call.args[0])).toEqual([
      '/pkg/prebuild-install/bin.js',
      '/npm/node-gyp.js'
    ])
    expect(calls[1].args).toEqual([
      '/npm/node-gyp.js',
      'rebuild',
      '--release',
      '--runtime=electron',
      '--target=39.8.10',
      '--arch=x64',
      '--dist-url=https://electronjs.org/headers'
    ])
    expect(lines).toContain(
      'No prebuilt better-sqlite3 for Electron 39.8.10 (linux-x64) could be downloaded; compiling it from source instead.'
    )
    expect(readFileSync(addonPath(root, target), 'utf8')).toBe('ELECTRON-compile')
  })

  it('names the missing compiler in one sentence instead of starting node-gyp', () => {
    const outcome = ensureElectronSqlite(
      root,
      target,
      deps(spawner({ prebuilt: false, compile: true }), {
        missingToolchain: () => ['a C++ compiler (g++ or clang++)', 'make']
      })
    )
    expect(outcome).toEqual({
      ok: false,
      message:
        'Warraq cannot start: no prebuilt better-sqlite3 for Electron 39.8.10 (linux-x64) could be downloaded, and compiling it needs a C++ compiler (g++ or clang++), make, which are not installed.'
    })
    expect(calls).toHaveLength(1)
    expect(existsSync(addonPath(root, target))).toBe(false)
  })

  it('says what failed when the compile fails too, and leaves no addon behind', () => {
    const outcome = ensureElectronSqlite(
      root,
      target,
      deps(spawner({ prebuilt: false, compile: false }))
    )
    expect(outcome.ok).toBe(false)
    expect(!outcome.ok && outcome.message).toMatch(
      /^Warraq cannot start: .* compiling it failed \(it needs Electron's headers/
    )
    expect(existsSync(addonPath(root, target))).toBe(false)
  })

  it('says node-gyp is missing when there is nothing to compile with', () => {
    const outcome = ensureElectronSqlite(
      root,
      target,
      deps(spawner({ prebuilt: false, compile: true }), { nodeGyp: undefined })
    )
    expect(outcome.ok).toBe(false)
    expect(!outcome.ok && outcome.message).toContain(
      'node-gyp (which ships with npm) was not found'
    )
  })

  it('reuses the build of the same Electron version and arch, and never another one', () => {
    const spawn = spawner({ prebuilt: true, compile: true })
    ensureElectronSqlite(root, target, deps(spawn))
    expect(ensureElectronSqlite(root, target, deps(spawn))).toMatchObject({ method: 'cached' })
    expect(calls).toHaveLength(1)

    const newer = { ...target, electronVersion: '40.0.1' }
    const arm = { ...target, arch: 'arm64' }
    expect(ensureElectronSqlite(root, newer, deps(spawn))).toMatchObject({ method: 'prebuilt' })
    expect(ensureElectronSqlite(root, arm, deps(spawn))).toMatchObject({ method: 'prebuilt' })
    expect(calls.map((call) => call.args.slice(2))).toEqual([
      ['--target=39.8.10', '--platform=linux', '--arch=x64'],
      ['--target=40.0.1', '--platform=linux', '--arch=x64'],
      ['--target=39.8.10', '--platform=linux', '--arch=arm64']
    ])
    expect(addonPath(root, newer)).not.toBe(addonPath(root, target))
  })

  it('runs every tool as a JS entry under Node, so Windows needs no shell for .cmd files', () => {
    const win = { ...target, platform: 'win32' }
    for (const step of plan({
      target: win,
      work: 'C:\\t',
      execPath: 'C:\\node\\node.exe',
      prebuildInstall: 'C:\\p\\bin.js',
      nodeGyp: 'C:\\g\\node-gyp.js'
    })) {
      expect(step.command).toBe('C:\\node\\node.exe')
      expect(step.args[0]).toMatch(/\.js$/)
    }
  })
})

describe('npm start: the pieces it relies on', () => {
  it('copies better-sqlite3 whole when the checkout sits under a folder named build', () => {
    const keep = copyFilter('/home/ana/build/warraq/node_modules/better-sqlite3')
    expect(keep('/home/ana/build/warraq/node_modules/better-sqlite3/src/x.cpp')).toBe(true)
    expect(keep('/home/ana/build/warraq/node_modules/better-sqlite3/deps/sqlite3.c')).toBe(true)
    expect(keep('/home/ana/build/warraq/node_modules/better-sqlite3/build/Release/a.node')).toBe(
      false
    )
  })

  it('finds tools on PATH, with PATHEXT on Windows', () => {
    const files = new Set(['/usr/bin/g++', join('C:\\Python', 'python.EXE')])
    const exists = (file: string) => files.has(file)
    expect(findOnPath('g++', { env: { PATH: '/bin:/usr/bin' }, platform: 'linux', exists })).toBe(
      '/usr/bin/g++'
    )
    expect(findOnPath('clang++', { env: { PATH: '/usr/bin' }, platform: 'linux', exists })).toBe(
      undefined
    )
    expect(
      findOnPath('python', {
        env: { Path: 'C:\\Windows;C:\\Python', PATHEXT: '.COM;.EXE' },
        platform: 'win32',
        exists
      })
    ).toBe(join('C:\\Python', 'python.EXE'))
  })

  it('names what a compile lacks: Python, a C++ compiler, make (Windows: node-gyp finds VS)', () => {
    const none = () => undefined
    expect(missingToolchain({ platform: 'linux', find: none })).toEqual([
      'Python 3',
      'a C++ compiler (g++ or clang++)',
      'make'
    ])
    expect(missingToolchain({ platform: 'win32', find: none })).toEqual(['Python 3'])
    expect(missingToolchain({ platform: 'darwin', find: (name) => `/usr/bin/${name}` })).toEqual([])
  })

  it('looks for node-gyp in the project, then inside npm, then beside node', () => {
    const list = nodeGypCandidates({
      resolve: () => {
        throw new Error('not installed')
      },
      env: { npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js' },
      execPath: '/usr/bin/node',
      platform: 'linux'
    })
    expect(list).toEqual([
      join('/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js'),
      join('/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js')
    ])
  })
})

describe('npm start: with the real prebuild-install', () => {
  it('installs the prebuilt binary, or, where it cannot be fetched, falls back and says so', () => {
    const require = createRequire(import.meta.url)
    const realSqlite = dirname(require.resolve('better-sqlite3/package.json'))
    const prebuildInstall = createRequire(join(realSqlite, 'package.json')).resolve(
      'prebuild-install/bin.js'
    )
    const compiles: string[][] = []
    const outcome = ensureElectronSqlite(root, target, {
      ...deps(() => ({ status: 1 }), { sqliteDir: realSqlite, prebuildInstall }),
      spawn: (command, args, options) => {
        if (args[0] !== prebuildInstall) {
          compiles.push(args)
          return { status: 1 }
        }
        // a network that drops packets must not hang the test: a timeout counts as a failure
        return spawnSync(command, args, { ...options, stdio: 'ignore', timeout: 60_000 })
      }
    })
    if (outcome.ok) {
      // the machine could download it (or had it in npm's cache): a real ELF addon
      expect(outcome.method).toBe('prebuilt')
      expect(readFileSync(outcome.file).subarray(0, 4)).toEqual(Buffer.from('\x7fELF', 'latin1'))
      expect(compiles).toEqual([])
    } else {
      expect(lines).toContain(
        'No prebuilt better-sqlite3 for Electron 39.8.10 (linux-x64) could be downloaded; compiling it from source instead.'
      )
      expect(compiles).toHaveLength(1)
      expect(outcome.message).toMatch(/^Warraq cannot start: .*compiling it failed/)
    }
    // the Node build the tests use is the one it always was
    expect(existsSync(join(realSqlite, 'build', 'Release', 'better_sqlite3.node'))).toBe(true)
  }, 120_000)
})
