// How `npm start` gets better-sqlite3's addon for Electron's ABI, kept apart from the Node build
// in node_modules (so `npm test` keeps working in the same checkout): first the prebuilt binary
// that better-sqlite3 publishes for this Electron version, platform and architecture
// (prebuild-install), and only when none can be had, a compile from source (node-gyp). Each build
// lives in its own folder, native/electron/<electron-version>-<platform>-<arch>/, so a build made
// for another Electron version is never loaded. src/main/native-binding.ts looks in the same place.
//
// Everything that touches the outside (spawning, PATH, temporary folders) is passed in, so the
// decisions are unit-tested in tests/unit/electron-sqlite.test.ts.
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join, relative, sep } from 'node:path'

export const ADDON_FILE = 'better_sqlite3.node'
const HEADERS_URL = 'https://electronjs.org/headers'

/** `39.8.10-linux-x64`: the folder of one Electron build of the addon. */
export function buildKey(target) {
  return `${target.electronVersion}-${target.platform}-${target.arch}`
}

/** Where the Electron build for `target` lives inside the checkout `root`. */
export function addonPath(root, target) {
  return join(root, 'native', 'electron', buildKey(target), ADDON_FILE)
}

/**
 * Copies better-sqlite3's sources to a scratch folder, leaving out its own top-level `build/`
 * (the Node build) and `node_modules/`. The test is on the path *inside* the package, so a
 * checkout that sits under a folder named `build` is copied whole.
 */
export function copyFilter(sqliteDir) {
  return (src) => {
    const first = relative(sqliteDir, src).split(sep)[0]
    return first !== 'build' && first !== 'node_modules'
  }
}

/** The first file named `name` on PATH (with PATHEXT on Windows), or undefined. */
export function findOnPath(
  name,
  { env = process.env, platform = process.platform, exists = existsSync } = {}
) {
  const path = env.PATH ?? env.Path ?? ''
  const exts = platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : ['']
  const dirs = path.split(platform === 'win32' ? ';' : delimiter).filter(Boolean)
  for (const dir of dirs)
    for (const ext of exts) {
      // Windows file names are case-insensitive: `python.EXE` finds python.exe
      const file = join(dir, name + ext)
      if (exists(file)) return file
    }
  return undefined
}

/**
 * What a compile from source lacks on this machine, as words for a sentence, or an empty list.
 * On Windows node-gyp finds Visual Studio itself (it is not on PATH), so only Python is checked.
 */
export function missingToolchain({
  platform = process.platform,
  find = (n) => findOnPath(n, { platform })
} = {}) {
  const missing = []
  if (!find('python3') && !find('python')) missing.push('Python 3')
  if (platform !== 'win32') {
    if (!find('c++') && !find('g++') && !find('clang++'))
      missing.push('a C++ compiler (g++ or clang++)')
    if (!find('make')) missing.push('make')
  }
  return missing
}

/**
 * node-gyp's JS entry: the project's own copy, else the one inside npm (npm sets npm_execpath
 * for the scripts it runs), else the one beside the Node that runs us.
 */
export function nodeGypCandidates({
  resolve,
  env = process.env,
  execPath = process.execPath,
  platform = process.platform
}) {
  const list = []
  try {
    list.push(resolve('node-gyp/bin/node-gyp.js'))
  } catch {
    // not installed in the project: look inside npm
  }
  const inNpm = (npmDir) => join(npmDir, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')
  if (env.npm_execpath) list.push(inNpm(join(dirname(env.npm_execpath), '..')))
  const nodeDir = dirname(execPath)
  list.push(
    platform === 'win32'
      ? inNpm(join(nodeDir, 'node_modules', 'npm'))
      : inNpm(join(nodeDir, '..', 'lib', 'node_modules', 'npm'))
  )
  return list
}

/**
 * The attempts, in order: each runs a JS entry with this Node (`process.execPath`), so nothing
 * needs a shell to start on Windows, where npm's tools are `.cmd` files.
 */
export function plan({ target, work, execPath, prebuildInstall, nodeGyp }) {
  const steps = []
  if (prebuildInstall)
    steps.push({
      method: 'prebuilt',
      command: execPath,
      args: [
        prebuildInstall,
        '--runtime=electron',
        `--target=${target.electronVersion}`,
        `--platform=${target.platform}`,
        `--arch=${target.arch}`
      ],
      cwd: work
    })
  if (nodeGyp)
    steps.push({
      method: 'compile',
      command: execPath,
      args: [
        nodeGyp,
        'rebuild',
        '--release',
        '--runtime=electron',
        `--target=${target.electronVersion}`,
        `--arch=${target.arch}`,
        `--dist-url=${HEADERS_URL}`
      ],
      cwd: work
    })
  return steps
}

const where = (target) => `Electron ${target.electronVersion} (${target.platform}-${target.arch})`

export const messages = {
  prebuiltFailed: (target) =>
    `No prebuilt better-sqlite3 for ${where(target)} could be downloaded; compiling it from source instead.`,
  noToolchain: (target, missing) =>
    `Warraq cannot start: no prebuilt better-sqlite3 for ${where(target)} could be downloaded, and compiling it needs ${missing.join(', ')}, which ${missing.length > 1 ? 'are' : 'is'} not installed.`,
  noNodeGyp: (target) =>
    `Warraq cannot start: no prebuilt better-sqlite3 for ${where(target)} could be downloaded, and node-gyp (which ships with npm) was not found to compile it; run \`npm start\` through npm.`,
  compileFailed: (target) =>
    `Warraq cannot start: no prebuilt better-sqlite3 for ${where(target)} could be downloaded, and compiling it failed (it needs Electron's headers, downloaded once from electronjs.org, a C++ toolchain and Python; node-gyp's output above says which).`,
  built: (target, method, file) =>
    `${method === 'prebuilt' ? 'Installed the prebuilt' : 'Compiled'} better-sqlite3 for ${where(target)}: ${file}`
}

/**
 * Makes the Electron build of the addon for `target` in `root`/native/electron/…, unless it is
 * there already. Returns `{ ok: true, file, method }` or `{ ok: false, message }`; `log` gets the
 * progress lines, including the sentence that says the prebuilt binary could not be had.
 *
 * deps: { spawn(command, args, { cwd, env }) → { status }, sqliteDir, prebuildInstall?, nodeGyp?,
 * execPath, missingToolchain() → string[], log(line), scratch? }
 */
export function ensureElectronSqlite(root, target, deps) {
  const file = addonPath(root, target)
  if (existsSync(file)) return { ok: true, file, method: 'cached' }
  const work = mkdtempSync(join(deps.scratch ?? tmpdir(), 'warraq-electron-sqlite-'))
  try {
    cpSync(deps.sqliteDir, work, { recursive: true, filter: copyFilter(deps.sqliteDir) })
    const built = join(work, 'build', 'Release', ADDON_FILE)
    const steps = plan({ target, work, ...deps })
    for (const step of steps) {
      if (step.method === 'compile') {
        const missing = deps.missingToolchain()
        if (missing.length > 0) return { ok: false, message: messages.noToolchain(target, missing) }
        deps.log(`Compiling better-sqlite3 for ${where(target)}…`)
      } else deps.log(`Fetching the prebuilt better-sqlite3 for ${where(target)}…`)
      // npm exports npm_config_* to scripts: drop the ones that would redirect the build
      const env = { ...process.env }
      for (const key of ['npm_config_build_from_source', 'npm_config_nodedir', 'npm_config_target'])
        delete env[key]
      const result = deps.spawn(step.command, step.args, { cwd: step.cwd, env })
      if (result.status === 0 && existsSync(built)) {
        mkdirSync(dirname(file), { recursive: true })
        // copy beside, then rename: an interrupted copy never leaves a half addon under its name
        const partial = `${file}.partial`
        cpSync(built, partial)
        renameSync(partial, file)
        deps.log(messages.built(target, step.method, file))
        return { ok: true, file, method: step.method }
      }
      if (step.method === 'prebuilt') deps.log(messages.prebuiltFailed(target))
      else return { ok: false, message: messages.compileFailed(target) }
    }
    return { ok: false, message: messages.noNodeGyp(target) }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
