import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { caller } from '../helpers/call'
import { createTestArchive, type TestArchive } from '../helpers/archive'
import { dispatch } from '../../src/main/core/api/dispatch'
import { createHandlers } from '../../src/main/core/api/handlers'
import { CHUNK_ARTICLES } from '../../src/main/core/import/chunks'

let t: TestArchive
let call: ReturnType<typeof caller>
beforeEach(() => {
  t = createTestArchive()
  call = caller(t.archive)
})
afterEach(() => t.cleanup())

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64')
const LONG = 'نص طويل جداً عن اجتماع المجلس البلدي. '.repeat(20)
/** Keys no default name knows, plus one it does (`date`), in the shape of a scraped dump. */
const records = [1, 2, 3, 4, 5, 6].map((n) => ({
  headline_x: `عنوان الخبر رقم ${n}`,
  txt_y: `${LONG} الفقرة ${n}`,
  outlet_z: 'جريدة المدينة',
  date: '2019-03-0' + n,
  misc_w: { views: n }
}))
const jsonFile = { name: 'dump.json', base64: b64(JSON.stringify(records)) }

describe('import.previewFields', () => {
  it('lists the fields of a JSON file with guesses and its first records cut short', async () => {
    const preview = await call('import.previewFields', jsonFile)
    expect(preview.format).toBe('json')
    expect(preview.total).toBe(6)
    expect(preview.fields).toEqual([
      { name: 'headline_x', guess: null },
      { name: 'txt_y', guess: null },
      { name: 'outlet_z', guess: null },
      { name: 'date', guess: 'published' },
      { name: 'misc_w', guess: null }
    ])
    expect(preview.records).toHaveLength(5)
    expect(preview.records[0].headline_x).toBe('عنوان الخبر رقم 1')
    expect(preview.records[0].txt_y.length).toBeLessThan(LONG.length)
    expect(preview.records[0].txt_y.endsWith('…')).toBe(true)
    expect(preview.records[0].misc_w).toBe('{"views":1}')
  })

  it('reads a CSV header whatever its columns are called, Arabic guesses included', async () => {
    const csv = 'عمود_أ,المصدر,نص_غريب\nعنوان أول,الصباح,متن الخبر الأول\n'
    const preview = await call('import.previewFields', { name: 'x.csv', base64: b64(csv) })
    expect(preview.format).toBe('csv')
    expect(preview.fields.map((f) => [f.name, f.guess])).toEqual([
      ['عمود_أ', null],
      ['المصدر', 'source'],
      ['نص_غريب', null]
    ])
    expect(preview.records).toEqual([
      { عمود_أ: 'عنوان أول', المصدر: 'الصباح', نص_غريب: 'متن الخبر الأول' }
    ])
  })

  it('refuses a plain-text file as data, with a key', async () => {
    const result = await dispatch(createHandlers(t.archive), 'import.previewFields', {
      name: 'a.txt',
      base64: b64('عنوان\n\nنص الخبر')
    })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_input')
      expect(result.error.key).toBe('import.preview_not_structured')
    }
  })
})

describe('import.files with a mapping', () => {
  it('fails without one, then imports every record with it, the rest kept as metadata', async () => {
    const before = await call('import.files', { files: [jsonFile] })
    expect(before.files[0].status).toBe('failed')
    expect(before.files[0].format).toBe('json')

    const summary = await call('import.files', {
      files: [jsonFile],
      mapping: { headline_x: 'title', txt_y: 'body', outlet_z: 'source' }
    })
    expect(summary.files[0].status).toBe('imported')
    expect(summary.imported).toBe(6)
    const article = await call('articles.get', { uid: summary.files[0].uids[0] })
    expect(article.title).toBe('عنوان الخبر رقم 1')
    expect(article.source).toBe('جريدة المدينة')
    expect(article.body).toContain('الفقرة 1')
    expect(article.published).toBe('2019-03-01')
    expect(JSON.stringify(article.extra)).toContain('misc_w')
  })

  it('rejects a mapping to a field Warraq does not have, and an over-long name', async () => {
    const handlers = createHandlers(t.archive)
    const bad = await dispatch(handlers, 'import.files', {
      files: [jsonFile],
      mapping: { headline_x: 'uid' as 'title' }
    })
    expect(bad.ok).toBe(false)
    const long = await dispatch(handlers, 'import.files', {
      files: [jsonFile],
      mapping: { ['x'.repeat(201)]: 'title' }
    })
    expect(long.ok).toBe(false)
    if (!bad.ok && !long.ok) {
      expect(bad.error.code).toBe('invalid_input')
      expect(long.error.code).toBe('invalid_input')
    }
  })
})

describe('import.progress', () => {
  it('reports the records written inside one big file while import.files runs', async () => {
    const records = CHUNK_ARTICLES * 3 + 200
    const many = Array.from({ length: records }, (_, i) => ({
      title: `خبر ${i}`,
      body: `متن الخبر رقم ${i} عن موضوع مختلف كل مرة ${i * 7}`
    }))
    const big = { name: 'big.json', base64: b64(JSON.stringify(many)) }
    expect(await call('import.progress', {})).toEqual({ running: false, progress: null })
    const seen: { done: number; total: number }[] = []
    let finished = false
    const running = call('import.files', { files: [big] }).finally(() => (finished = true))
    // the pipeline yields between chunks of records: poll the way the page does, in turn
    while (!finished) {
      const p = await call('import.progress', {})
      if (p.running && p.progress?.recordsDone !== undefined)
        seen.push({ done: p.progress.recordsDone, total: p.progress.recordsTotal ?? 0 })
      await new Promise((resolve) => setImmediate(resolve))
    }
    const summary = await running
    expect(summary.imported).toBe(records)
    expect(seen.length).toBeGreaterThan(0)
    expect(seen.some((s) => s.done < s.total && s.total === records)).toBe(true)
    expect(await call('import.progress', {})).toEqual({ running: false, progress: null })
  })
})
