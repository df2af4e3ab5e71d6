/**
 * Measures what near-duplicate detection costs on the corpus: a full import (signatures written
 * in the import's transactions), then the hook alone, re-run over every article in one pass.
 * Usage: npx tsx --tsconfig tsconfig.node.json bench/near-duplicates.ts [CORPUS_DIR]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { openArchive } from '../src/main/core/db/open'
import { expandPaths } from '../src/main/core/import/expand'
import { bandsOf, shingleSet } from '../src/main/core/import/minhash'
import { recordNearDuplicates } from '../src/main/core/import/near-duplicates'
import { importFiles } from '../src/main/core/import/pipeline'

const dir = resolve(
  process.argv[2] ?? join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'saudinewsnet')
)
const work = mkdtempSync(join(tmpdir(), 'warraq-neardup-'))
const archive = openArchive(join(work, 'a.db'))
try {
  // CPU time beside wall time: on a shared machine the wall clock mostly measures the neighbours
  const cpu = (since?: NodeJS.CpuUsage): number => {
    const u = process.cpuUsage(since)
    return (u.user + u.system) / 1e6
  }
  let c0 = process.cpuUsage()
  let t0 = performance.now()
  const summary = await importFiles(archive, expandPaths([dir]))
  const importSeconds = (performance.now() - t0) / 1000
  const importCpu = cpu(c0)
  const { sqlite } = archive
  const count = (sql: string): number => sqlite.prepare(sql).pluck().get() as number
  const articles = count('SELECT count(*) FROM articles')
  console.log(
    `import: ${articles} articles (${summary.duplicates} exact duplicates skipped, ${summary.failed} failed files) in ${importSeconds.toFixed(1)} s = ${Math.round(articles / importSeconds)}/s (CPU ${importCpu.toFixed(1)} s = ${Math.round(articles / importCpu)}/s)`
  )
  console.log(
    `signature rows: ${count('SELECT count(*) FROM article_signatures')}, possible-duplicate pairs: ${count('SELECT count(*) FROM duplicate_candidates')}`
  )

  const rows = sqlite.prepare('SELECT id, body FROM articles ORDER BY id').all() as {
    id: number
    body: string
  }[]
  t0 = performance.now()
  for (const row of rows) bandsOf(shingleSet(row.body))
  const computeSeconds = (performance.now() - t0) / 1000

  sqlite.exec('DELETE FROM article_signatures; DELETE FROM duplicate_candidates')
  c0 = process.cpuUsage()
  t0 = performance.now()
  sqlite.transaction(() => {
    for (const row of rows) recordNearDuplicates(archive, row.id, row.body)
  })()
  const hookSeconds = (performance.now() - t0) / 1000
  const hookCpu = cpu(c0)
  console.log(
    `shingles + MinHash only: ${computeSeconds.toFixed(2)} s (${Math.round((computeSeconds / rows.length) * 1e6)} µs/article)`
  )
  console.log(
    `whole hook (compute, lookup, verify, insert): ${hookSeconds.toFixed(2)} s (${Math.round((hookSeconds / rows.length) * 1e6)} µs/article), ${((hookSeconds / importSeconds) * 100).toFixed(0)}% of the import; CPU ${hookCpu.toFixed(2)} s = ${((hookCpu / importCpu) * 100).toFixed(0)}% of the import's CPU`
  )
} finally {
  archive.close()
  rmSync(work, { recursive: true, force: true })
}
