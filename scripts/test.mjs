#!/usr/bin/env node
// `npm test`: builds the interface, then runs the unit and integration tests, then the
// end-to-end tests in Chromium against the browser host. Stops at the first failing step.
import { spawnSync } from 'node:child_process'

const steps = [
  ['Building the app', 'npx', ['electron-vite', 'build']],
  ['Unit and integration tests', 'npx', ['vitest', 'run']],
  [
    'End-to-end tests (Chromium through `warraq serve`)',
    'npx',
    ['vitest', 'run', '--config', 'vitest.e2e.config.ts']
  ]
]

for (const [title, command, args] of steps) {
  process.stdout.write(`\n▶ ${title}\n`)
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' })
  if (result.status !== 0) {
    process.stderr.write(`\n✗ ${title} failed.\n`)
    process.exit(result.status ?? 1)
  }
}
process.stdout.write('\n✓ All tests passed.\n')
