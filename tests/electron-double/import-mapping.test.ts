/**
 * The desktop import's mapping step, through the built main process under the Electron double:
 * the open dialog chooses a folder with a JSON and a CSV file whose keys Warraq does not know;
 * main answers with a handle for each (never asked for a path by the page), previews a file's
 * fields by its handle and imports it again with the user's mapping. Build first
 * (`npx electron-vite build`).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CSV_TEXT, CSV_TITLES, JSON_RECORDS, JSON_TEXT, MAPPING } from '../fixtures/import/unmapped'
import { openApp, type OpenApp } from './drive'

type Answer<T = Record<string, unknown>> = {
  ok: boolean
  value?: T
  error?: { code: string; key?: string }
}
interface Mappable {
  handle: string
  path: string
}
interface Result {
  imported: number
  failed: number
  files: { path: string; status: string; uids: string[] }[]
  mappable: Mappable[]
}

let app: OpenApp
const call = <T>(name: string, input: unknown = {}): Promise<Answer<T>> =>
  app.call<Answer<T>>(name, input)

beforeAll(async () => {
  app = await openApp()
}, 120_000)

afterAll(async () => {
  await app?.close()
})

describe('the desktop import with a field mapping', () => {
  it('previews and imports dialog-chosen files by the handles main keeps', async () => {
    const folder = join(app.home, 'unmapped')
    mkdirSync(folder, { recursive: true })
    writeFileSync(join(folder, 'dump.json'), JSON_TEXT)
    writeFileSync(join(folder, 'sheet.csv'), CSV_TEXT)
    await app.main.send('dialog', {
      kind: 'open',
      answer: { canceled: false, filePaths: [folder] }
    })
    const first = await call<{ chosen: boolean; result: Result }>('desktop.importChosen', {
      pick: 'folder'
    })
    expect(first.ok).toBe(true)
    const result = first.value!.result
    expect(result).toMatchObject({ imported: 0, failed: 2 })
    expect(result.mappable.map((m) => m.path).sort()).toEqual(
      [join(folder, 'dump.json'), join(folder, 'sheet.csv')].sort()
    )
    // a handle names no path: the page cannot point main at a file of its own choosing
    for (const m of result.mappable) expect(m.handle).not.toContain('/')
    const json = result.mappable.find((m) => m.path.endsWith('dump.json'))!
    const csv = result.mappable.find((m) => m.path.endsWith('sheet.csv'))!

    const preview = await call<{ fields: { name: string }[]; records: Record<string, string>[] }>(
      'desktop.previewFields',
      { handle: json.handle }
    )
    expect(preview.value?.fields.map((f) => f.name)).toEqual([
      'headline_x',
      'txt_y',
      'outlet_z',
      'views_w'
    ])
    expect(preview.value?.records[0].headline_x).toBe(JSON_RECORDS[0].headline_x)

    // a path, or a handle main never gave, is refused
    for (const handle of [join(folder, 'dump.json'), 'no-such-handle']) {
      const refused = await call('desktop.previewFields', { handle })
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'not_found', key: 'import.handle_unknown' }
      })
    }

    const mapped = await call<Result>('desktop.importMapped', {
      handle: json.handle,
      mapping: MAPPING
    })
    expect(mapped.value).toMatchObject({ imported: 3, failed: 0 })
    // the CSV file, untouched by this import, keeps its handle
    expect(mapped.value?.mappable).toEqual([csv])
    const uid = mapped.value!.files[0].uids[0]
    const article = await call<{
      title: string
      source: string
      body: string
      extra: Record<string, string>
    }>('articles.get', { uid })
    expect(article.value).toMatchObject({
      title: JSON_RECORDS[0].headline_x,
      source: JSON_RECORDS[0].outlet_z,
      body: JSON_RECORDS[0].txt_y,
      extra: { views_w: JSON_RECORDS[0].views_w }
    })

    const second = await call<Result>('desktop.importMapped', {
      handle: csv.handle,
      mapping: MAPPING
    })
    expect(second.value).toMatchObject({ imported: 3, mappable: [] })
    const list = await call<{ items: { title: string }[] }>('articles.list', {})
    expect(list.value?.items.map((a) => a.title).sort()).toEqual(
      [...JSON_RECORDS.map((r) => r.headline_x), ...CSV_TITLES].sort()
    )
  })
})
