/**
 * A big import through the built main process under the Electron double: the archive worker
 * (out/main/worker.js) starts the import's analysis thread from the built out/main/analysis.js,
 * not from the TypeScript source, and the import completes on it. Were the thread's file missing
 * from the build, the import would still complete, analysed on the archive's thread, and say so
 * on stderr: that line must not appear. Build first (`npx electron-vite build`).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WORKER_AFTER_RECORDS } from '../../src/main/core/import/analysis/analyzer'
import { CHUNK_ARTICLES } from '../../src/main/core/import/chunks'
import { bigJson } from '../fixtures/import/unmapped'
import { openApp, type OpenApp } from './drive'

type Answer<T> = { ok: boolean; value?: T; error?: { code: string } }

let app: OpenApp
const call = <T>(name: string, input: unknown = {}): Promise<Answer<T>> =>
  app.call<Answer<T>>(name, input)

beforeAll(async () => {
  app = await openApp()
}, 120_000)

afterAll(async () => {
  await app?.close()
})

describe('a big desktop import', () => {
  it('is analysed on the built analysis thread, every record written and searchable', async () => {
    // the first chunk is analysed on the import's thread, the rest on the analysis thread
    const records = CHUNK_ARTICLES * 4
    expect(CHUNK_ARTICLES).toBeGreaterThanOrEqual(WORKER_AFTER_RECORDS)
    const folder = join(app.home, 'big')
    mkdirSync(folder, { recursive: true })
    writeFileSync(join(folder, 'bulletins.json'), bigJson(records))
    await app.main.send('dialog', {
      kind: 'open',
      answer: { canceled: false, filePaths: [folder] }
    })
    const imported = await call<{ result: { imported: number; failed: number } }>(
      'desktop.importChosen',
      { pick: 'folder' }
    )
    expect(imported).toMatchObject({
      ok: true,
      value: { result: { imported: records, failed: 0 } }
    })
    expect(app.main.stderr()).not.toContain('analysis thread')
    // record 5,001 by the number only it holds, and a word of every seventh bulletin
    const found = await call<{ total: number; hits: { title: string }[] }>('search.query', {
      query: String(5001 * 7919),
      limit: 5,
      offset: 0
    })
    expect(found.value?.hits.map((h) => h.title)).toEqual(['نشرة رقم 5001 عن الصحة'])
    const water = await call<{ total: number }>('search.query', {
      query: 'الماء',
      limit: 1,
      offset: 0
    })
    expect(water.value?.total).toBe(Math.ceil(records / 7))
  }, 180_000)
})
