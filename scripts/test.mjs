#!/usr/bin/env node
// `npm test`: builds the interface, then runs the unit and integration tests, then the
// end-to-end tests in Chromium against the browser host. Stops at the first failing step and
// ends with one plain line of counts.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'

mkdirSync('test-results', { recursive: true })
const reports = ['test-results/vitest-unit.json', 'test-results/vitest-e2e.json']
const reporters = (file) => ['--reporter=default', '--reporter=json', `--outputFile.json=${file}`]

const steps = [
  ['Building the app', 'npx', ['electron-vite', 'build']],
  [
    'Unit and integration tests, and the built main process under the Electron double',
    'npx',
    ['vitest', 'run', ...reporters(reports[0])]
  ],
  [
    'End-to-end tests (Chromium through `warraq serve`)',
    'npx',
    ['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...reporters(reports[1])]
  ]
]

function counts() {
  const total = { passed: 0, failed: 0, skipped: 0 }
  for (const file of reports) {
    if (!existsSync(file)) continue
    const report = JSON.parse(readFileSync(file, 'utf8'))
    total.passed += report.numPassedTests ?? 0
    total.failed += report.numFailedTests ?? 0
    total.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
  }
  return `Tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`
}

for (const [title, command, args] of steps) {
  process.stdout.write(`\n▶ ${title}\n`)
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' })
  if (result.status !== 0) {
    process.stderr.write(`\n✗ ${title} failed.\n`)
    process.stdout.write(`${counts()}\n`)
    process.exit(result.status ?? 1)
  }
}
process.stdout.write(`\n✓ All tests passed.\n${counts()}\n`)
