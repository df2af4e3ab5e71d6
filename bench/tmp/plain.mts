import { plainImport } from '/work/main/bench/plain'
import { readCorpus } from '/work/main/bench/corpus'
import { rmSync, mkdtempSync, cpSync } from 'node:fs'
const dir = mkdtempSync('/tmp/pc-'); for (const f of ['2015-07-22.zip','2015-07-23.zip']) cpSync('/work/shared/corpus/saudinewsnet/'+f, dir+'/'+f)
rmSync('/tmp/p3.db', { force: true })
const t0 = performance.now(); const c0 = process.cpuUsage()
const { articles } = readCorpus(dir)
const r = plainImport('/tmp/p3.db', articles)
const cpu = process.cpuUsage(c0)
console.log(r.count, Math.round(performance.now() - t0), 'ms wall', Math.round((cpu.user + cpu.system) / 1000), 'ms cpu')
