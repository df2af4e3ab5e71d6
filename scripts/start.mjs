#!/usr/bin/env node
// `npm start`: builds the app, makes sure better-sqlite3 has an Electron build beside the Node
// one (native/electron/), then starts Electron. Fails with one clear sentence when Electron's
// binary is not installed.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

function electronBinary() {
  try {
    const path = require('electron')
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    return null
  }
}

const electron = electronBinary()
if (!electron) {
  process.stderr.write(
    'Warraq cannot start: the Electron binary is not installed (it is skipped when ELECTRON_SKIP_BINARY_DOWNLOAD is set); run `npm install` with network access, or use `npm run warraq -- serve` to open Warraq in a browser.\n'
  )
  process.exit(1)
}

const run = (command, args) => {
  const result = spawnSync(command, args, { stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

if (!existsSync('native/electron/better_sqlite3.node'))
  run(process.execPath, ['scripts/build-electron-sqlite.mjs'])
run('npx', ['electron-vite', 'build'])
run(electron, ['.', ...process.argv.slice(2)])
