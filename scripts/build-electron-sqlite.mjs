#!/usr/bin/env node
// Makes better-sqlite3's addon for the installed Electron (prebuilt first, compiled as a
// fallback) in native/electron/<electron-version>-<platform>-<arch>/, leaving the Node build in
// node_modules untouched. `npm start` calls ensureFromCheckout(); run alone, it does the same and
// prints where the addon is. See lib/electron-sqlite.mjs for the decisions.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  ensureElectronSqlite,
  missingToolchain,
  nodeGypCandidates
} from './lib/electron-sqlite.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(ROOT, 'package.json'))

/** The installed Electron's version, platform and architecture (npm_config_arch overrides). */
export function installedTarget() {
  return {
    electronVersion: require('electron/package.json').version,
    platform: process.platform,
    arch: process.env.npm_config_arch || process.arch
  }
}

export function ensureFromCheckout(target = installedTarget()) {
  const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'))
  let prebuildInstall
  try {
    prebuildInstall = createRequire(join(sqliteDir, 'package.json')).resolve(
      'prebuild-install/bin.js'
    )
  } catch {
    prebuildInstall = undefined
  }
  const nodeGyp = nodeGypCandidates({ resolve: (id) => require.resolve(id) }).find((file) =>
    existsSync(file)
  )
  return ensureElectronSqlite(ROOT, target, {
    spawn: (command, args, options) => spawnSync(command, args, { ...options, stdio: 'inherit' }),
    sqliteDir,
    prebuildInstall,
    nodeGyp,
    execPath: process.execPath,
    missingToolchain: () => missingToolchain(),
    log: (line) => process.stdout.write(`${line}\n`)
  })
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  const outcome = ensureFromCheckout()
  if (!outcome.ok) {
    process.stderr.write(`${outcome.message}\n`)
    process.exit(1)
  }
  process.stdout.write(`${outcome.file}\n`)
}
