import { openArchive } from '/work/main/src/main/core/db/open'
import { expandPaths } from '/work/main/src/main/core/import/expand'
import { importFiles } from '/work/main/src/main/core/import/pipeline'
import { rmSync } from 'node:fs'
rmSync('/tmp/b3.db', { force: true }); rmSync('/tmp/b3.db-wal', { force: true })
const a = openArchive('/tmp/b3.db')
const t0 = performance.now(); const c0 = process.cpuUsage()
const s = await importFiles(a, expandPaths(['/work/shared/corpus/saudinewsnet/2015-07-22.zip', '/work/shared/corpus/saudinewsnet/2015-07-23.zip']))
const cpu = process.cpuUsage(c0)
console.log(s.imported, Math.round(performance.now() - t0), 'ms wall', Math.round((cpu.user + cpu.system) / 1000), 'ms cpu')
a.close()
