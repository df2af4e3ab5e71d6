import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/core/api/dispatch'
import { createHandlers } from '../../src/main/core/api/handlers'
import { createArticle } from '../../src/main/core/articles/service'
import { createTestArchive, type TestArchive } from '../helpers/archive'
import { HOSTILE_ARTICLES } from '../helpers/export-fixtures'

let t: TestArchive
beforeEach(() => {
  t = createTestArchive()
  for (const article of HOSTILE_ARTICLES) createArticle(t.archive, article)
})
afterEach(() => t.cleanup())

describe('export calls of the contract', () => {
  it('previews and writes through the same gate as IPC and HTTP', async () => {
    const handlers = createHandlers(t.archive)
    const preview = await dispatch(handlers, 'export.preview', {
      format: 'csv',
      columns: ['title'],
      selection: { kind: 'query', query: 'source:"Daily Test"' }
    })
    expect(preview).toMatchObject({ ok: true })
    expect((preview as { value: string[][] }).value[0]).toEqual(['title'])

    const path = join(t.dir, 'out.csv')
    const written = await dispatch(handlers, 'export.toFile', {
      format: 'csv',
      encoding: 'utf8',
      selection: { kind: 'all' },
      path
    })
    expect(written).toEqual({
      ok: true,
      value: { path, rows: HOSTILE_ARTICLES.length, bytes: readFileSync(path).length }
    })
  })

  it('answers bad input with error data, not an exception', async () => {
    const handlers = createHandlers(t.archive)
    const wrong = await dispatch(handlers, 'export.preview', {
      format: 'csv',
      shape: 'annotations',
      columns: ['body'],
      selection: { kind: 'all' }
    })
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/annotations shape: body/) }
    })
    const missing = await dispatch(handlers, 'export.toFile', {
      format: 'ris',
      selection: { kind: 'collection', name: 'لا توجد' },
      path: join(t.dir, 'x.ris')
    })
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } })
    for (const path of ['out.csv', '../out.csv', join(t.dir, 'nul\0.csv')]) {
      const refused = await dispatch(handlers, 'export.toFile', {
        format: 'csv',
        selection: { kind: 'all' },
        path
      })
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    }
  })
})
