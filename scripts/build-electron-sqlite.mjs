#!/usr/bin/env node
// Builds better-sqlite3's addon for Electron's ABI into native/electron/, leaving the Node build
// in node_modules untouched: `npm test` (Node) and `npm start` (Electron) then share one checkout
// without rebuilding back and forth. The main process passes this file as `nativeBinding`.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
const electronVersion = require('electron/package.json').version
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'))
// node-gyp ships inside npm; npm sets npm_execpath for scripts it runs
const npmCli = process.env.npm_execpath
const nodeGyp = npmCli
  ? join(dirname(npmCli), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')
  : null
if (!nodeGyp) {
  process.stderr.write('Run this through npm (npm start), which provides node-gyp.\n')
  process.exit(1)
}

const work = mkdtempSync(join(tmpdir(), 'warraq-electron-sqlite-'))
try {
  cpSync(sqliteDir, work, {
    recursive: true,
    filter: (src) => !src.includes(`${join('build', '')}`)
  })
  process.stdout.write(`Building better-sqlite3 for Electron ${electronVersion}…\n`)
  const result = spawnSync(
    process.execPath,
    [
      nodeGyp,
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      '--dist-url=https://electronjs.org/headers',
      '--runtime=electron'
    ],
    { cwd: work, stdio: 'inherit', env: { ...process.env, npm_config_nodedir: '' } }
  )
  if (result.status !== 0) {
    process.stderr.write(
      'Could not build better-sqlite3 for Electron (Electron headers need network access once).\n'
    )
    process.exit(1)
  }
  mkdirSync('native/electron', { recursive: true })
  cpSync(
    join(work, 'build', 'Release', 'better_sqlite3.node'),
    'native/electron/better_sqlite3.node'
  )
  process.stdout.write('Built native/electron/better_sqlite3.node\n')
} finally {
  rmSync(work, { recursive: true, force: true })
}
