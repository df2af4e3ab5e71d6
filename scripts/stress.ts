/**
 * The kill -9 tests with many more kill points than CI runs:
 *   npx tsx scripts/stress.ts [KILLS]      (default 200 per test)
 * Each test spawns the crash child KILLS times, kills it at a random point, and checks the
 * archive after every kill (see tests/integration/crash-*.test.ts).
 */
import { spawnSync } from 'node:child_process'

const kills = Number(process.argv[2] ?? 200)
if (!Number.isInteger(kills) || kills < 1) {
  process.stderr.write('Usage: npx tsx scripts/stress.ts [KILLS]\n')
  process.exit(2)
}
const result = spawnSync(
  'npx',
  [
    'vitest',
    'run',
    'tests/integration/crash-import.test.ts',
    'tests/integration/crash-annotations.test.ts',
    'tests/integration/crash-backup.test.ts'
  ],
  { stdio: 'inherit', env: { ...process.env, WARRAQ_CRASH_KILLS: String(kills) } }
)
process.exit(result.status ?? 1)
