import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { bigJson } from '../fixtures/import/unmapped'
import { caller } from '../helpers/call'
import { createTestArchive, type TestArchive } from '../helpers/archive'
import { createHandlers } from '../../src/main/core/api/handlers'
import { CHUNK_ARTICLES } from '../../src/main/core/import/chunks'

let t: TestArchive
let call: ReturnType<typeof caller>
beforeEach(() => {
  t = createTestArchive()
  call = caller(t.archive)
})
afterEach(() => t.cleanup())

// several chunks, so the page's polls get turns between them
const RECORDS = CHUNK_ARTICLES * 3
const big = { name: 'big.json', base64: Buffer.from(bigJson(RECORDS)).toString('base64') }

describe('import.stop', () => {
  it('has nothing to stop when no import runs', async () => {
    expect(await call('import.stop', {})).toEqual({ stopping: false })
  })

  it('ends a running import.files inside its one file at the next chunk; a re-run adds the rest', async () => {
    let finished = false
    const running = call('import.files', { files: [big] }).finally(() => (finished = true))
    let stopped: { stopping: boolean } | undefined
    // wait for the first chunk, as the page does, then stop
    while (!finished && !stopped) {
      const p = await call('import.progress', {})
      if ((p.progress?.recordsDone ?? 0) > 0) stopped = await call('import.stop', {})
      await new Promise((resolve) => setImmediate(resolve))
    }
    expect(stopped).toEqual({ stopping: true })
    const summary = await running
    expect(summary.cancelled).toBe(true)
    expect(summary.imported).toBeGreaterThan(0)
    expect(summary.imported).toBeLessThan(RECORDS)
    expect(summary.files[0].status).toBe('partial')
    expect(summary.files[0].reasonRef).toEqual({
      key: 'import.stopped',
      params: { written: summary.imported, total: RECORDS }
    })
    expect((await call('archive.stats', {})).articles).toBe(summary.imported)
    const [report] = await call('import.reports', {})
    expect(report).toMatchObject({ imported: summary.imported, cancelled: true })
    expect(report.finishedAt).not.toBeNull()

    const again = await call('import.files', { files: [big] })
    expect(again.imported).toBe(RECORDS - summary.imported)
    expect(again.cancelled).toBeUndefined()
    expect((await call('archive.stats', {})).articles).toBe(RECORDS)
  })

  it('is answered as unsupported for the desktop calls outside the desktop app', async () => {
    const handlers = createHandlers(t.archive)
    await expect(
      Promise.resolve().then(() =>
        handlers['desktop.previewFields']({ handle: 'x', format: 'auto' })
      )
    ).rejects.toMatchObject({ code: 'unsupported' })
  })
})
