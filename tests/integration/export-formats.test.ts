import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createArticle } from '../../src/main/core/articles/service'
import { createAnnotation } from '../../src/main/core/annotations/service'
import { exportToFile } from '../../src/main/core/export/service'
import type { ExportOptionsInput } from '../../src/shared/contract/exports'
import type { Article } from '../../src/shared/domain'
import { createTestArchive, type TestArchive } from '../helpers/archive'
import { HOSTILE_ARTICLES } from '../helpers/export-fixtures'

let t: TestArchive
let articles: Article[]
beforeEach(() => {
  t = createTestArchive()
  articles = HOSTILE_ARTICLES.map((input) => createArticle(t.archive, input))
})
afterEach(() => t.cleanup())

async function exported(options: ExportOptionsInput, name: string): Promise<string> {
  const path = join(t.dir, name)
  await exportToFile(t.archive, { ...options, path })
  return readFileSync(path, 'utf8')
}

const ALL = { kind: 'all' } as const
const MOTIVATIONS = new Set([
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging'
])
const IRI = /^[a-z][a-z0-9+.-]*:\S+$/i

type Json = Record<string, unknown>

/** The requirements of the W3C Web Annotation Data Model that apply to what Warraq writes. */
function assertWebAnnotation(a: Json): void {
  const context = a['@context']
  expect(Array.isArray(context) ? context : [context]).toContain('http://www.w3.org/ns/anno.jsonld')
  expect(a.id).toMatch(IRI)
  expect(a.type).toBe('Annotation')
  expect(a.target).toBeDefined()
  if (a.motivation !== undefined) expect(MOTIVATIONS.has(a.motivation as string)).toBe(true)
  const bodies = a.body === undefined ? [] : Array.isArray(a.body) ? a.body : [a.body]
  for (const body of bodies as Json[]) {
    if (body.purpose !== undefined) expect(MOTIVATIONS.has(body.purpose as string)).toBe(true)
    if (body.type === 'TextualBody') expect(typeof body.value).toBe('string')
    if (body.textDirection !== undefined)
      expect(['ltr', 'rtl', 'auto']).toContain(body.textDirection)
  }
  const target = a.target as Json
  expect(target.source).toMatch(IRI)
  if (target.textDirection !== undefined)
    expect(['ltr', 'rtl', 'auto']).toContain(target.textDirection)
  for (const selector of target.selector as Json[]) {
    expect(['TextQuoteSelector', 'TextPositionSelector']).toContain(selector.type)
    if (selector.type === 'TextQuoteSelector') expect(typeof selector.exact).toBe('string')
    if (selector.type === 'TextPositionSelector') {
      expect(Number.isInteger(selector.start) && (selector.start as number) >= 0).toBe(true)
      expect(
        Number.isInteger(selector.end) && (selector.end as number) >= (selector.start as number)
      ).toBe(true)
    }
  }
  expect(a.created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/)
}

describe('W3C Web Annotation export', () => {
  it('writes valid annotations with code point offsets, direction and language', async () => {
    const emoji = articles[3]
    const word = 'الوفد'
    const start = emoji.body.indexOf(word)
    const note = createAnnotation(t.archive, {
      articleUid: emoji.uid,
      start,
      end: start + word.length,
      note: 'من هم أعضاء الوفد؟',
      tags: ['زيارات'],
      color: 'blue',
      author: 'نورة'
    })
    const english = articles[2]
    createAnnotation(t.archive, { articleUid: english.uid, start: 8, end: 13 })
    const text = await exported({ format: 'annotations', selection: ALL }, 'notes.jsonld')
    const list = JSON.parse(text) as Json[]
    expect(list).toHaveLength(2)
    list.forEach(assertWebAnnotation)

    const arabic = list.find((a) => a.id === `urn:uuid:${note.uid}`)!
    expect(arabic.motivation).toBe('commenting')
    expect(arabic.creator).toEqual({ type: 'Person', name: 'نورة' })
    expect(arabic.body).toEqual([
      expect.objectContaining({
        type: 'TextualBody',
        purpose: 'commenting',
        value: 'من هم أعضاء الوفد؟',
        textDirection: 'rtl'
      }),
      { type: 'TextualBody', purpose: 'tagging', value: 'زيارات' }
    ])
    const target = arabic.target as Json
    expect(target).toMatchObject({
      source: `urn:uuid:${emoji.uid}`,
      textDirection: 'rtl',
      language: 'ar',
      styleClass: 'blue'
    })
    const [quote, position] = target.selector as Json[]
    expect(quote).toMatchObject({ type: 'TextQuoteSelector', exact: word })
    expect(quote.prefix).toBe(emoji.body.slice(Math.max(0, start - 32), start))
    // 📰 before the quote is two UTF-16 units but one code point
    expect(position).toEqual({
      type: 'TextPositionSelector',
      start: start - 1,
      end: start - 1 + word.length
    })
    const points = Array.from(emoji.body)
    expect(points.slice(position.start as number, position.end as number).join('')).toBe(word)

    const latin = list.find((a) => (a.target as Json).source === `urn:uuid:${english.uid}`)!
    expect(latin.motivation).toBe('highlighting')
    expect(latin.body).toBeUndefined()
    expect(latin.target).toMatchObject({ textDirection: 'ltr', language: 'en' })
  })

  it('gives an orphaned annotation by its quote alone', async () => {
    const a = articles[0]
    const n = createAnnotation(t.archive, { articleUid: a.uid, start: 0, end: 6 })
    t.archive.sqlite.prepare("UPDATE annotations SET status = 'orphaned' WHERE uid = ?").run(n.uid)
    const [only] = JSON.parse(
      await exported({ format: 'annotations', selection: ALL }, 'o.jsonld')
    ) as Json[]
    assertWebAnnotation(only)
    expect(((only.target as Json).selector as Json[]).map((s) => s.type)).toEqual([
      'TextQuoteSelector'
    ])
  })
})

describe('JSON export', () => {
  it('writes full records with their annotations, in export order', async () => {
    createAnnotation(t.archive, { articleUid: articles[0].uid, start: 0, end: 6, note: 'ملاحظة' })
    const list = JSON.parse(
      await exported(
        { format: 'json', selection: { kind: 'uids', uids: [articles[1].uid, articles[0].uid] } },
        'a.json'
      )
    ) as Json[]
    expect(list.map((r) => r.uid)).toEqual([articles[1].uid, articles[0].uid])
    const full = list[1]
    for (const field of [
      'title',
      'body',
      'authors',
      'tags',
      'collections',
      'dateText',
      'datePrecision',
      'notes'
    ] as const) {
      expect(full[field]).toEqual(articles[0][field])
    }
    expect(full.annotations).toEqual([
      expect.objectContaining({ exact: articles[0].body.slice(0, 6), note: 'ملاحظة' })
    ])
  })

  it('writes an empty array for an empty selection', async () => {
    expect(
      JSON.parse(
        await exported({ format: 'json', selection: { kind: 'uids', uids: [] } }, 'e.json')
      )
    ).toEqual([])
  })
})

describe('citations', () => {
  it('writes CSL-JSON items honouring the date precision', async () => {
    const items = JSON.parse(await exported({ format: 'csl', selection: ALL }, 'c.json')) as Json[]
    expect(items).toHaveLength(articles.length)
    expect(items[0]).toEqual({
      id: articles[0].uid,
      type: 'article-newspaper',
      title: articles[0].title,
      'container-title': 'صحيفة المدينة',
      author: [{ literal: 'سلمى الراشد' }, { literal: 'Fahd, Al-Otaibi' }],
      issued: { 'date-parts': [[2015, 7, 21]] },
      URL: articles[0].url,
      language: 'ar',
      section: 'محليات'
    })
    expect(items[1].issued).toEqual({ 'date-parts': [[2016, 2]] })
    expect(items[2].issued).toEqual({ 'date-parts': [[2014]] })
  })

  it('writes RIS records with CRLF lines, one AU per author, and the date parts known', async () => {
    const text = await exported({ format: 'ris', selection: ALL }, 'c.ris')
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    const records = text.split('ER  - \r\n').filter((r) => r.trim())
    expect(records).toHaveLength(articles.length)
    const first = records[0].trim().split('\r\n')
    expect(first).toEqual([
      'TY  - NEWS',
      `TI  - ${articles[0].title}`,
      'AU  - سلمى الراشد',
      'AU  - Fahd, Al-Otaibi',
      'T2  - صحيفة المدينة',
      'PY  - 2015',
      'DA  - 2015/07/21/',
      'SE  - محليات',
      `UR  - ${articles[0].url}`,
      'LA  - ar',
      `ID  - ${articles[0].uid}`
    ])
    expect(records[1]).toContain('DA  - 2016/02//\r\n')
    expect(records[2]).toContain('DA  - 2014///\r\n')
  })
})
