/**
 * The CSV export read back by a strict RFC 4180 parser written here, independent of
 * src/shared/csv (a bug shared by Warraq's writer and reader would cancel out otherwise).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createArticle } from '../../src/main/core/articles/service'
import { createAnnotation } from '../../src/main/core/annotations/service'
import { exportPreview, exportToFile } from '../../src/main/core/export/service'
import { DEFAULT_ARTICLE_COLUMNS } from '../../src/shared/contract/exports'
import { createTestArchive, type TestArchive } from '../helpers/archive'
import { HOSTILE_ARTICLES } from '../helpers/export-fixtures'

/**
 * Strict reading: every field must be quoted, inner quotes doubled, fields separated by
 * `delimiter`, rows ended by CRLF (a bare CR or LF is only allowed inside quotes).
 */
function parseStrictCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = []
  let i = 0
  while (i < text.length) {
    const row: string[] = []
    for (;;) {
      if (text[i] !== '"')
        throw new Error(`unquoted field at ${i}: ${JSON.stringify(text.slice(i, i + 20))}`)
      i++
      let field = ''
      for (;;) {
        const close = text.indexOf('"', i)
        if (close === -1) throw new Error('unclosed quote')
        field += text.slice(i, close)
        i = close + 1
        if (text[i] === '"') {
          field += '"'
          i++
        } else break
      }
      row.push(field)
      if (text[i] === delimiter) {
        i++
        continue
      }
      if (text.slice(i, i + 2) === '\r\n') {
        i += 2
        break
      }
      throw new Error(
        `expected delimiter or CRLF at ${i}: ${JSON.stringify(text.slice(i, i + 10))}`
      )
    }
    rows.push(row)
  }
  return rows
}

let t: TestArchive
beforeEach(() => {
  t = createTestArchive()
  for (const article of HOSTILE_ARTICLES) createArticle(t.archive, article)
})
afterEach(() => t.cleanup())

const ALL = { kind: 'all' } as const

describe('CSV export', () => {
  it('writes a UTF-8 BOM, CRLF rows, every field quoted, quotes doubled', async () => {
    const path = join(t.dir, 'out.csv')
    const result = await exportToFile(t.archive, { format: 'csv', selection: ALL, path })
    const bytes = readFileSync(path)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(result).toEqual({ path, rows: HOSTILE_ARTICLES.length, bytes: bytes.length })
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3))
    expect(text.endsWith('\r\n')).toBe(true)
    const rows = parseStrictCsv(text)
    expect(rows[0]).toEqual([...DEFAULT_ARTICLE_COLUMNS])
    expect(rows).toHaveLength(1 + HOSTILE_ARTICLES.length)
    for (const row of rows) expect(row).toHaveLength(DEFAULT_ARTICLE_COLUMNS.length)
    // the doubled quotes are in the raw bytes, and read back as single quotes
    expect(text).toContain('"""quoted"" title, with a comma"')
    const col = (name: string): number => rows[0].indexOf(name)
    const third = rows.find((r) => r[col('lang')] === 'en')!
    expect(third[col('title')]).toBe('"quoted" title, with a comma')
    // line breaks inside a field stay inside it, as LF
    expect(third[col('body')]).toBe(HOSTILE_ARTICLES[2].body)
  })

  it('guards cells that begin with = + - @ TAB or CR, and only those', async () => {
    const a = createArticle(t.archive, {
      title: 'guard probe',
      body: '\rCR first',
      subtitle: '\tTAB first',
      caption: 'plain - dash later',
      notes: '@mention',
      section: '-1'
    })
    const path = join(t.dir, 'guard.csv')
    await exportToFile(t.archive, {
      format: 'csv',
      selection: { kind: 'uids', uids: [a.uid] },
      columns: ['title', 'body', 'subtitle', 'caption', 'notes', 'section'],
      path
    })
    const rows = parseStrictCsv(readFileSync(path, 'utf8').slice(1))
    expect(rows[1]).toEqual([
      'guard probe',
      "'\rCR first",
      "'\tTAB first",
      'plain - dash later',
      "'@mention",
      "'-1"
    ])
    const all = join(t.dir, 'all.csv')
    await exportToFile(t.archive, { format: 'csv', selection: ALL, path: all })
    const cells = parseStrictCsv(readFileSync(all, 'utf8').slice(1)).flat()
    expect(cells).toContain("'-مقال يبدأ بشرطة")
    expect(cells).toContain("'=1+1")
    expect(cells).toContain("'+966 رقم هاتف")
    expect(cells).toContain("'@reporter")
    // a value that already looks guarded gets one more quote, so the import strips exactly one
    expect(cells).toContain("''=already guarded looking")
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
  })

  it('keeps Arabic text byte for byte', async () => {
    const path = join(t.dir, 'ar.csv')
    await exportToFile(t.archive, {
      format: 'csv',
      selection: ALL,
      columns: ['title', 'body'],
      path
    })
    const bytes = readFileSync(path)
    const body = HOSTILE_ARTICLES[3].body
    const expected = Buffer.from(`"${HOSTILE_ARTICLES[3].title}","${body}"\r\n`, 'utf8')
    expect(bytes.indexOf(expected)).toBeGreaterThan(0)
    // و + ص + ل: the exact UTF-8 bytes of Arabic letters, no normalisation on the way
    expect(bytes.indexOf(Buffer.from([0xd9, 0x88, 0xd8, 0xb5, 0xd9, 0x84]))).toBeGreaterThan(0)
  })

  it('writes without BOM, and as TAB-separated UTF-16LE with its BOM', async () => {
    const plain = join(t.dir, 'plain.csv')
    await exportToFile(t.archive, { format: 'csv', encoding: 'utf8', selection: ALL, path: plain })
    expect(readFileSync(plain).subarray(0, 5).toString('latin1')).toBe('"uid"')

    const wide = join(t.dir, 'wide.csv')
    await exportToFile(t.archive, {
      format: 'csv',
      encoding: 'utf16le',
      selection: ALL,
      path: wide
    })
    const bytes = readFileSync(wide)
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe])
    const rows = parseStrictCsv(new TextDecoder('utf-16le').decode(bytes.subarray(2)), '\t')
    expect(rows[0]).toEqual([...DEFAULT_ARTICLE_COLUMNS])
    expect(rows.flat()).toContain(HOSTILE_ARTICLES[0].body)
  })

  it('writes the columns the user chose, in their order, with multi-values joined by " | "', async () => {
    const path = join(t.dir, 'cols.csv')
    await exportToFile(t.archive, {
      format: 'csv',
      selection: { kind: 'collection', name: 'مكتبات' },
      columns: ['authors', 'title', 'tags', 'collections', 'published', 'dateText'],
      path
    })
    const rows = parseStrictCsv(readFileSync(path, 'utf8').slice(1))
    expect(rows).toEqual([
      ['authors', 'title', 'tags', 'collections', 'published', 'dateText'],
      [
        'سلمى الراشد | Fahd, Al-Otaibi',
        "'-مقال يبدأ بشرطة",
        'بلديات | ثقافة/مكتبات',
        'مكتبات | ملف الاختبار',
        '2015-07-21',
        HOSTILE_ARTICLES[0].dateText!
      ],
      ['فريق التحرير', HOSTILE_ARTICLES[3].title, '', 'مكتبات', '2017-03-05', '5 مارس 2017']
    ])
  })

  it('writes one row per annotation', async () => {
    const [first] = t.archive.sqlite
      .prepare('SELECT uid FROM articles ORDER BY id')
      .pluck()
      .all() as string[]
    const body = HOSTILE_ARTICLES[0].body
    const start = body.indexOf('مكتبة')
    createAnnotation(t.archive, {
      articleUid: first,
      start,
      end: start + 'مكتبة الحي'.length,
      note: '=ملاحظة تبدو صيغة',
      tags: ['مكان', 'ثقافة'],
      color: 'green',
      author: 'سلمى'
    })
    const path = join(t.dir, 'notes.csv')
    const result = await exportToFile(t.archive, {
      format: 'csv',
      shape: 'annotations',
      selection: ALL,
      path
    })
    expect(result.rows).toBe(1)
    const [header, row] = parseStrictCsv(readFileSync(path, 'utf8').slice(1))
    const cell = (name: string): string => row[header.indexOf(name)]
    expect(cell('articleUid')).toBe(first)
    expect(cell('articleTitle')).toBe("'-مقال يبدأ بشرطة")
    expect(cell('exact')).toBe('مكتبة الحي')
    expect(cell('prefix')).toBe(body.slice(0, start))
    expect(cell('start')).toBe(String(start))
    expect(cell('note')).toBe("'=ملاحظة تبدو صيغة")
    expect(cell('tags')).toBe('ثقافة | مكان') // in name order, as the tags table keeps them
    expect(cell('color')).toBe('green')
    expect(cell('author')).toBe('سلمى')
    expect(cell('createdAt')).toMatch(/^\d{4}-\d{2}-\d{2}T/)
  })

  it('previews the first rows as the file will hold them', () => {
    const rows = exportPreview(t.archive, {
      format: 'csv',
      selection: ALL,
      columns: ['title', 'authors']
    })
    expect(rows[0]).toEqual(['title', 'authors'])
    expect(rows[1]).toEqual(["'-مقال يبدأ بشرطة", 'سلمى الراشد | Fahd, Al-Otaibi'])
    expect(rows).toHaveLength(1 + HOSTILE_ARTICLES.length)
    const ris = exportPreview(t.archive, { format: 'ris', selection: ALL })
    expect(ris[0][0]).toMatch(/^TY {2}- NEWS\r\n/)
  })

  it('refuses columns of the other shape and unknown columns', async () => {
    await expect(
      exportToFile(t.archive, {
        format: 'csv',
        selection: ALL,
        columns: ['title', 'exact'],
        path: join(t.dir, 'x.csv')
      })
    ).rejects.toThrow(/not columns of the articles shape: exact/)
    expect(() =>
      exportPreview(t.archive, { format: 'csv', selection: ALL, columns: ['nope'] })
    ).toThrow(/unknown column/)
  })
})
