/**
 * CSV export figures for the bench line: the whole archive without bodies (goal ≤ 3 s at 31k
 * articles) and with bodies (≤ 10 s), and the resident memory before and at its peak (goal:
 * flat, i.e. independent of the archive's size). Called by bench/run.ts; asserts nothing.
 */
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { DEFAULT_ARTICLE_COLUMNS } from '../src/shared/contract/exports'
import type { Archive } from '../src/main/core/db/open'
import { exportToFile } from '../src/main/core/export/service'

export interface ExportBench {
  csvNoBodyMs: number
  csvWithBodyMs: number
  rows: number
  csvNoBodyBytes: number
  csvWithBodyBytes: number
  rssBeforeMB: number
  rssPeakMB: number
}

const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10

export async function benchExport(archive: Archive, outDir: string): Promise<ExportBench> {
  global.gc?.()
  const rssBefore = process.memoryUsage.rss()
  let rssPeak = rssBefore
  const sample = (): void => {
    rssPeak = Math.max(rssPeak, process.memoryUsage.rss())
  }
  // sampled between writes (the timer) and between batches (the progress callback), since a
  // batch of rows is built synchronously and a timer alone could miss its peak
  const timer = setInterval(sample, 20)
  try {
    const noBody = join(outDir, 'bench-no-body.csv')
    let t0 = performance.now()
    const without = await exportToFile(
      archive,
      {
        format: 'csv',
        selection: { kind: 'all' },
        columns: DEFAULT_ARTICLE_COLUMNS.filter((c) => c !== 'body'),
        path: noBody
      },
      { onProgress: sample }
    )
    const csvNoBodyMs = performance.now() - t0

    const withBody = join(outDir, 'bench-with-body.csv')
    t0 = performance.now()
    const withBodies = await exportToFile(
      archive,
      { format: 'csv', selection: { kind: 'all' }, path: withBody },
      { onProgress: sample }
    )
    const csvWithBodyMs = performance.now() - t0
    sample()
    rmSync(noBody, { force: true })
    rmSync(withBody, { force: true })
    return {
      csvNoBodyMs: Math.round(csvNoBodyMs),
      csvWithBodyMs: Math.round(csvWithBodyMs),
      rows: withBodies.rows,
      csvNoBodyBytes: without.bytes,
      csvWithBodyBytes: withBodies.bytes,
      rssBeforeMB: mb(rssBefore),
      rssPeakMB: mb(rssPeak)
    }
  } finally {
    clearInterval(timer)
  }
}
