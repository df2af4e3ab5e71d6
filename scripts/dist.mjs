#!/usr/bin/env node
// `npm run dist [-- electron-builder options]`: builds the app, then makes the installers of
// electron-builder.yml into dist/ (by default for this machine's platform: AppImage and deb on
// Linux, NSIS on Windows, dmg on macOS). It downloads Electron for the target, so it needs network.
//
// electron-builder rebuilds better-sqlite3 for Electron in node_modules itself (npmRebuild), which
// would leave `npm test` (Node) with an addon it cannot load: the Node build is set aside first
// and put back afterwards, whatever happens.
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(ROOT, 'package.json'))
const entry = (pkg, file) => join(dirname(require.resolve(`${pkg}/package.json`)), file)

// JS entries run with this Node: no shell needed for .cmd shims on Windows
const run = (args) => spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' }).status ?? 1

const nodeBuild = join(
  dirname(require.resolve('better-sqlite3/package.json')),
  'build',
  'Release',
  'better_sqlite3.node'
)
const aside = mkdtempSync(join(tmpdir(), 'warraq-dist-'))
const kept = join(aside, 'better_sqlite3.node')
if (existsSync(nodeBuild)) copyFileSync(nodeBuild, kept)

let status = run([entry('electron-vite', 'bin/electron-vite.js'), 'build'])
try {
  if (status === 0)
    status = run([
      entry('electron-builder', 'cli.js'),
      '--config',
      'electron-builder.yml',
      ...process.argv.slice(2)
    ])
} finally {
  if (existsSync(kept)) copyFileSync(kept, nodeBuild)
  rmSync(aside, { recursive: true, force: true })
}
process.exit(status)
