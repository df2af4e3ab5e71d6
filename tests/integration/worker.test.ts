import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ImportProgress, ImportSummary } from '../../src/shared/contract/imports'
import type { Article } from '../../src/shared/domain'
import { dispatch } from '../../src/main/core/api/dispatch'
import { startSession } from '../../src/main/core/api/session'
import { startArchiveWorker, type ArchiveWorker } from '../../src/main/worker/client'
import { tempDir } from '../helpers/archive'

let temp: ReturnType<typeof tempDir>
let worker: ArchiveWorker | null = null

beforeEach(() => {
  temp = tempDir('warraq-worker-')
})
afterEach(async () => {
  await worker?.close()
  worker = null
  temp.cleanup()
})

/** A folder of JSON files, `perFile` short articles in each, every one with its own words. */
function articleFolder(files: number, perFile: number): string {
  const dir = join(temp.dir, 'incoming')
  mkdirSync(dir, { recursive: true })
  for (let f = 0; f < files; f++) {
    const articles = Array.from({ length: perFile }, (_, i) => ({
      source: 'الواحة',
      url: `https://alwaha.example/${f}/${i}`,
      title: `خبر رقم ${f}-${i} عن افتتاح مكتبة`,
      content: `افتتحت البلدية المكتبة ${f} في الحي ${i}.\nوتضم المكتبة قاعة مطالعة وكتبا للأطفال ${f * 1000 + i}.`
    }))
    writeFileSync(join(dir, `batch-${String(f).padStart(3, '0')}.json`), JSON.stringify(articles))
  }
  return dir
}

/** Counts turns of this thread's event loop until `work` settles. */
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ value: T; turns: number }> {
  let turns = 0
  let running = true
  const spin = (): void => {
    if (!running) return
    turns++
    setImmediate(spin)
  }
  setImmediate(spin)
  const value = await work()
  running = false
  return { value, turns }
}

async function start(): Promise<ArchiveWorker> {
  const started = await startArchiveWorker({ file: join(temp.dir, 'archive.db') })
  expect(started.status.state).toBe('open')
  worker = started.worker
  return worker
}

describe('the archive worker', () => {
  it('answers contract calls through the Handlers proxy', async () => {
    const w = await start()
    const made = (await w.handlers['articles.create']({
      title: 'افتتاح مكتبة عامة',
      body: 'افتتحت البلدية مكتبة عامة.'
    } as never)) as Article
    const got = (await w.handlers['articles.get']({ uid: made.uid })) as Article
    expect(got.title).toBe('افتتاح مكتبة عامة')
    const stats = await w.call('archive.stats', {})
    expect(stats).toMatchObject({ ok: true, value: { articles: 1 } })
  })

  it('validates input in the worker and returns errors as data', async () => {
    const w = await start()
    const invalid = await w.call('articles.get', { uid: 42 })
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const missing = await w.call('articles.get', { uid: 'no-such-article' })
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(await w.call('articles.nope', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_call' }
    })
    // through a host's own dispatch the proxy's rejection becomes the same error data
    const viaHost = await dispatch(w.handlers, 'articles.get', { uid: 'no-such-article' })
    expect(viaHost).toEqual(missing)
  })

  it('imports paths read from disk by the worker, reporting progress per file', async () => {
    const w = await start()
    const folder = articleFolder(5, 3)
    const seen: ImportProgress[] = []
    const result = await w.run({ op: 'importPaths', paths: [folder] }, (p) => seen.push(p))
    expect(result.ok).toBe(true)
    const summary = (result as { value: ImportSummary }).value
    expect(summary.imported).toBe(15)
    // a line per finished file (progress inside a file repeats the count of files done)
    const filesDone = seen.map((p) => p.filesDone)
    expect([...new Set(filesDone)].filter((n) => n > 0)).toEqual([1, 2, 3, 4, 5])
    expect(filesDone).toEqual([...filesDone].sort((a, b) => a - b))
    expect(seen.at(-1)?.articles).toBe(15)
    // a path operation that fails answers with error data too
    const wrong = await w.run({
      op: 'exportTo',
      options: { format: 'csv', selection: { kind: 'all' } },
      path: join(temp.dir, 'out.exe')
    })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('stops an import between two files when its signal aborts; what landed is reported', async () => {
    const w = await start()
    const folder = articleFolder(60, 2)
    const controller = new AbortController()
    const result = await w.run(
      { op: 'importPaths', paths: [folder] },
      (p) => p.filesDone === 2 && controller.abort(),
      controller.signal
    )
    expect(result.ok).toBe(true)
    const summary = (result as { value: ImportSummary }).value
    expect(summary.cancelled).toBe(true)
    expect(summary.files.length).toBeGreaterThanOrEqual(2)
    expect(summary.files.length).toBeLessThan(60)
    expect(summary.imported).toBe(summary.files.length * 2)
  })

  it('keeps the host thread free during a long check, unlike the same call on this thread', async () => {
    const w = await start()
    await w.run({ op: 'importPaths', paths: [articleFolder(20, 100)] })
    const off = await turnsDuring(() => w.call('archive.check', {}))
    expect(off.value).toMatchObject({ ok: true, value: { ok: true } })
    expect(off.turns).toBeGreaterThan(0)
    await w.close()
    worker = null
    // the measure can fail: on this thread the same check holds the event loop throughout
    const session = startSession(join(temp.dir, 'archive.db'))
    try {
      const on = await turnsDuring(() => dispatch(session.handlers, 'archive.check', {}))
      expect(on.value.ok).toBe(true)
      expect(on.turns).toBe(0)
    } finally {
      session.close()
    }
  })

  it('answers a call the worker died in with an error, restarts it, then reports it stopped', async () => {
    const crashes: boolean[] = []
    const started = await startArchiveWorker({
      file: join(temp.dir, 'archive.db'),
      entry: new URL('../helpers/crashing-worker.mjs', import.meta.url),
      onCrash: (_error, restarted) => crashes.push(restarted)
    })
    worker = started.worker
    const results = []
    for (let i = 0; i < 5; i++) results.push(await worker.call('archive.stats', {}))
    expect(results.every((r) => !r.ok && r.error.code === 'internal')).toBe(true)
    const keys = results.map((r) => (r.ok ? null : r.error.key))
    expect(keys.slice(0, 3)).toEqual(Array(3).fill('archive.worker_restarted'))
    expect(keys[3]).toBe('archive.worker_stopped')
    expect(keys[4]).toBe('archive.worker_stopped')
    expect(crashes).toEqual([true, true, true, false])
  })

  it('refuses to start with the reason when the archive cannot be opened', async () => {
    const notADir = join(temp.dir, 'file')
    writeFileSync(notADir, 'x')
    await expect(startArchiveWorker({ file: join(notADir, 'archive.db') })).rejects.toThrow()
  })
})
