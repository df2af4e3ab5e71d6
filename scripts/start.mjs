#!/usr/bin/env node
// `npm start`: makes sure better-sqlite3 has an Electron build beside the Node one
// (native/electron/<electron-version>-<platform>-<arch>/, prebuilt first), builds the app, then
// starts Electron on it. Says in one sentence what is missing when it cannot.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureFromCheckout } from './build-electron-sqlite.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(resolve(ROOT, 'package.json'))

function electronBinary() {
  try {
    const path = require('electron')
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    return null
  }
}

function fail(sentence) {
  process.stderr.write(`${sentence}\n`)
  process.exit(1)
}

const electron = electronBinary()
if (!electron)
  fail(
    'Warraq cannot start: the Electron binary is not installed (it is skipped when ELECTRON_SKIP_BINARY_DOWNLOAD is set); run `npm install` with network access, or use `npm run warraq -- serve` to open Warraq in a browser.'
  )

const sqlite = ensureFromCheckout()
if (!sqlite.ok) fail(sqlite.message)

// JS entries run with this Node, the Electron binary directly: no shell, so the same on Windows
const run = (command, args) => {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' })
  if (result.error)
    fail(`Warraq cannot start: ${command} could not be run (${result.error.message}).`)
  if (result.status !== 0) process.exit(result.status ?? 1)
}

const electronVite = resolve(
  dirname(require.resolve('electron-vite/package.json')),
  'bin',
  'electron-vite.js'
)
run(process.execPath, [electronVite, 'build'])
run(electron, ['.', ...process.argv.slice(2)])
