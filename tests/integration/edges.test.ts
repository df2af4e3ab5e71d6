import Database from 'better-sqlite3'
import { renameSync, rmSync, writeFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/core/api/dispatch'
import { createHandlers } from '../../src/main/core/api/handlers'
import { parseFile } from '../../src/main/core/import/parse-file'
import { createTestArchive, type TestArchive } from '../helpers/archive'

let t: TestArchive
beforeEach(() => {
  t = createTestArchive()
})
afterEach(() => t.cleanup())

describe('tidy edges of the contract', () => {
  it('refuses a lone surrogate anywhere in the input, with a sentence naming the field', async () => {
    const handlers = createHandlers(t.archive)
    const result = await dispatch(handlers, 'articles.create', {
      title: 'عنوان',
      body: 'نص \ud83d مقطوع'
    })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', key: 'input.lone_surrogate', params: { field: 'body' } }
    })
    const count = t.archive.sqlite.prepare('SELECT count(*) FROM articles').pluck().get()
    expect(count).toBe(0)
    // a whole pair is a character like any other
    const ok = await dispatch(handlers, 'articles.create', { title: 'عنوان', body: 'نص 😀' })
    expect(ok).toMatchObject({ ok: true, value: { body: 'نص 😀' } })
  })

  it('replaces a lone surrogate in an imported file by one U+FFFD', () => {
    const json = JSON.stringify([{ title: 'x', content: 'a' }]).replace('"a"', '"a\\ud800b"')
    const parsed = parseFile({
      path: '/in/a.json',
      name: 'a.json',
      bytes: new TextEncoder().encode(json)
    })
    expect(parsed.articles[0].body).toBe('a\ufffdb')
  })

  it('limits the length of every uid', async () => {
    const handlers = createHandlers(t.archive)
    const long = 'u'.repeat(5_000_000)
    for (const [name, input] of [
      ['articles.get', { uid: long }],
      ['articles.update', { uid: long, version: 1 }],
      ['annotations.list', { articleUid: long }],
      ['entities.update', { uid: long, name: 'x' }],
      ['search.findInArticle', { uid: long, query: 'x' }]
    ] as const) {
      const result = await dispatch(handlers, name, input)
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
      expect(JSON.stringify(result).length).toBeLessThan(2_000)
    }
  })
})

describe('a lost archive file', () => {
  it('refuses writes once the file is deleted while open, naming it, and still backs up', async () => {
    const handlers = createHandlers(t.archive)
    const made = await dispatch(handlers, 'articles.create', { title: 'قبل', body: 'نص' })
    expect(made).toMatchObject({ ok: true })
    rmSync(t.file)
    const refused = await dispatch(handlers, 'articles.create', { title: 'بعد', body: 'نص' })
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'io_error', key: 'archive.lost', params: { file: t.file } }
    })
    expect((refused as { error: { message: string } }).error.message).toContain(t.file)
    // reading still works, and a backup saves what the open connection still has
    expect(await dispatch(handlers, 'articles.list', {})).toMatchObject({ ok: true })
    const backup = await dispatch(handlers, 'backups.create', {})
    expect(backup).toMatchObject({ ok: true })
    const copy = new Database((backup as { value: { file: string } }).value.file, {
      readonly: true
    })
    expect(copy.prepare('SELECT title FROM articles').pluck().all()).toEqual(['قبل'])
    copy.close()
  })

  it('refuses writes when another file was moved under the archive’s name', async () => {
    const handlers = createHandlers(t.archive)
    renameSync(t.file, `${t.file}.moved`)
    writeFileSync(t.file, '')
    const refused = await dispatch(handlers, 'tags.create', { name: 'وسم' })
    expect(refused).toMatchObject({ ok: false, error: { key: 'archive.lost' } })
  })
})
