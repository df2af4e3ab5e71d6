import Database from 'better-sqlite3'
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  CHECKSUM_COLUMNS,
  CHECKSUM_EXPR,
  articleChecksum
} from '../../src/main/core/articles/fixity'
import { createArticle, getArticle, updateArticle } from '../../src/main/core/articles/service'
import { applyBulk } from '../../src/main/core/bulk/service'
import { backupNow } from '../../src/main/core/backup/backup'
import { checkArchive } from '../../src/main/core/backup/check'
import { openArchive } from '../../src/main/core/db/open'
import { createTestArchive, type TestArchive } from '../helpers/archive'

const ROOT = resolve(import.meta.dirname, '..', '..')

function warraq(args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'warraq.mjs'), ...args], {
    encoding: 'utf8',
    timeout: 60_000
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

// an ASCII run inside Arabic text: its bytes are easy to find in the file, and the search index
// holds it folded to lower case, so the only copy of these bytes is the article's row
const MARKER = 'FIXITYMARKERQZ'

/** Changes one byte of the only place `needle` is stored in the (closed) database file. */
function flipByteOf(file: string, needle: string): void {
  const bytes = readFileSync(file)
  const at = bytes.indexOf(Buffer.from(needle, 'utf8'))
  expect(at).toBeGreaterThan(0)
  expect(bytes.indexOf(Buffer.from(needle, 'utf8'), at + 1)).toBe(-1)
  // 'Q' → 'R': still valid UTF-8, same length, so every page and record header stays valid
  bytes[at + needle.indexOf('Q')] = 'R'.charCodeAt(0)
  writeFileSync(file, bytes)
}

let t: TestArchive
beforeEach(() => {
  t = createTestArchive()
})
afterEach(() => t.cleanup())

describe('fixity', () => {
  it('writes a checksum with every save that the check verifies', () => {
    const a = createArticle(t.archive, { title: 'مقال أول', body: 'نص المقال', source: 'عكاظ' })
    updateArticle(t.archive, { uid: a.uid, version: a.version, status: 'reviewed' })
    applyBulk(t.archive, {
      selection: { kind: 'uids', uids: [a.uid] },
      set: { status: 'catalogued' },
      addTags: [],
      removeTags: [],
      addCollections: [],
      removeCollections: [],
      linkEntities: [],
      unlinkEntities: []
    })
    const nulls = t.archive.sqlite
      .prepare('SELECT count(*) FROM articles WHERE checksum IS NULL')
      .pluck()
      .get()
    expect(nulls).toBe(0)
    expect(checkArchive(t.archive)).toMatchObject({ ok: true, damaged: [] })
  })

  it('finds a changed byte inside an article that SQLite’s checks pass, and restores it from a backup', async () => {
    const good = createArticle(t.archive, { title: 'خبر سليم', body: 'نص لم يتغير' })
    const hit = createArticle(t.archive, {
      title: 'خبر أصابه العطب',
      body: `فقرة أولى عن الاقتصاد.\nرمز ${MARKER} في وسط النص.\nفقرة أخيرة.`
    })
    const backup = await backupNow(t.archive, 'manual')
    t.archive.close()
    flipByteOf(t.file, MARKER)

    // SQLite's own checks see nothing wrong
    const raw = new Database(t.file)
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok')
    raw.close()

    const cli = warraq(['--db', t.file, 'check'])
    expect(cli.code).toBe(1)
    expect(cli.stdout).toContain('خبر أصابه العطب')
    expect(cli.stdout).toContain(hit.uid)
    expect(cli.stdout).toContain(`restore-article ${hit.uid} --from ${backup.file}`)
    expect(cli.stdout).not.toContain(good.uid)

    const restored = warraq(['--db', t.file, 'restore-article', hit.uid, '--json'])
    expect(restored.code).toBe(0)
    expect(JSON.parse(restored.stdout)).toMatchObject({ uid: hit.uid, from: backup.file })

    t.archive = openArchive(t.file)
    expect(getArticle(t.archive, hit.uid).body).toContain(MARKER)
    expect(checkArchive(t.archive)).toMatchObject({ ok: true, damaged: [] })
  })

  it('backfills the checksums of articles written before they existed', () => {
    createArticle(t.archive, { title: 'قديم', body: 'نص' })
    t.archive.sqlite.exec(
      "UPDATE articles SET checksum = NULL; DELETE FROM settings WHERE key = 'checksums_backfilled'"
    )
    t.archive.close()
    t.archive = openArchive(t.file)
    expect(checkArchive(t.archive)).toMatchObject({ ok: true, damaged: [] })
    const nulls = t.archive.sqlite
      .prepare('SELECT count(*) FROM articles WHERE checksum IS NULL')
      .pluck()
      .get()
    expect(nulls).toBe(0)
  })

  it('computes the same checksum in SQL as in TypeScript, whatever the body holds', () => {
    const { sqlite } = t.archive
    const a = createArticle(t.archive, { title: 'نص', body: 'نص' })
    const controls = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('')
    const bodies = [
      '',
      'قال: "نعم" \\ لا\nسطر ثانٍ\r\n\tمسافة',
      `كل المحارف الخفية ${controls} والحذف \u007f`,
      'فاصل السطر \u2028 والفقرة \u2029 و/شرطة',
      'رموز 😀 𝔸 \u{10FFFF} وأرقام ١٢٣'
    ]
    const read = sqlite.prepare(
      `SELECT ${CHECKSUM_COLUMNS.join(', ')}, ${CHECKSUM_EXPR} AS inSql FROM articles WHERE uid = ?`
    )
    for (const body of bodies) {
      sqlite.prepare('UPDATE articles SET body = ? WHERE uid = ?').run(body, a.uid)
      const row = read.get(a.uid) as Record<string, unknown>
      expect(row.body).toBe(body)
      expect(row.inSql).toBe(articleChecksum(CHECKSUM_COLUMNS.map((c) => row[c])))
    }
    // bytes that are not UTF-8 (written by another tool): both sides read them as U+FFFD
    sqlite
      .prepare("UPDATE articles SET body = CAST(x'd8a7c3220a41ff42e0' AS TEXT) WHERE uid = ?")
      .run(a.uid)
    const row = read.get(a.uid) as Record<string, unknown>
    expect(row.body).toBe('ا\ufffd"\nA\ufffdB\ufffd')
    expect(row.inSql).toBe(articleChecksum(CHECKSUM_COLUMNS.map((c) => row[c])))
  })
})
