import Database from 'better-sqlite3'
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createArticle } from '../../src/main/core/articles/service'
import { backupHandlers } from '../../src/main/core/backup/api'
import { backupArchive, backupsDir, listBackups } from '../../src/main/core/backup/backup'
import { restoreArchive } from '../../src/main/core/backup/restore'
import { maybeAutoBackup } from '../../src/main/core/backup/schedule'
import { defaultMigrationsFolder } from '../../src/main/core/db/open'
import { openArchiveSafely, type SafeArchive } from '../../src/main/core/db/open-safely'
import { tempDir } from '../helpers/archive'
import { populate } from '../helpers/damage'

let tmp: ReturnType<typeof tempDir>
let open: SafeArchive | undefined
afterEach(() => {
  open?.close()
  open = undefined
  tmp?.cleanup()
})

function fresh(): SafeArchive {
  tmp = tempDir('warraq-backup-')
  open = openArchiveSafely(join(tmp.dir, 'archive.db'))
  return open
}

function countIn(file: string, sql = 'SELECT count(*) FROM articles'): number {
  const db = new Database(file, { readonly: true })
  try {
    return db.prepare(sql).pluck().get() as number
  } finally {
    db.close()
  }
}

function integrity(file: string): string {
  const db = new Database(file, { readonly: true })
  try {
    return db.pragma('integrity_check', { simple: true }) as string
  } finally {
    db.close()
  }
}

describe('backups', () => {
  it('an online backup taken while the app writes is whole, checked, one file, listed', async () => {
    const archive = fresh()
    populate(archive, 60)
    const dest = join(backupsDir(archive.file), 'warraq-20260101-100000.db')
    const backup = backupArchive(archive, dest)
    // keep writing while the backup copies pages between turns of the event loop
    let written = 0
    for (let i = 0; i < 20; i++) {
      createArticle(archive, { title: `أثناء النسخ ${i}`, body: `كتب أثناء النسخ الاحتياطي ${i}` })
      written++
      await new Promise((r) => setImmediate(r))
    }
    const info = await backup
    expect(integrity(dest)).toBe('ok')
    expect(countIn(dest)).toBeGreaterThanOrEqual(60)
    expect(countIn(dest)).toBeLessThanOrEqual(60 + written)
    expect(existsSync(`${dest}-wal`)).toBe(false)
    expect(readdirSync(backupsDir(archive.file)).filter((n) => n.includes('partial'))).toEqual([])
    expect(info).toMatchObject({
      file: dest,
      reason: 'auto',
      createdAt: '2026-01-01T10:00:00.000Z'
    })
    expect(listBackups(archive.file)).toEqual([info])
    expect(info.bytes).toBeGreaterThan(0)
    await expect(backupArchive(archive, dest)).rejects.toMatchObject({ code: 'conflict' })
  })

  it('automatic backups: one a day, then rotated', async () => {
    const archive = fresh()
    const day = 24 * 60 * 60 * 1000
    const start = new Date('2026-03-01T09:00:00Z').getTime()
    expect(await maybeAutoBackup(archive, new Date(start))).not.toBeNull()
    expect(await maybeAutoBackup(archive, new Date(start + 3_600_000))).toBeNull()
    for (let d = 1; d <= 40; d++) await maybeAutoBackup(archive, new Date(start + d * day))
    const names = listBackups(archive.file).map((b) => b.name)
    // 7 dailies and at most 4 weekly ones beyond them
    expect(names.length).toBeGreaterThanOrEqual(7)
    expect(names.length).toBeLessThanOrEqual(11)
    expect(names[0]).toBe('warraq-20260410-090000.db')
  })

  it('a pre-migration backup is made before an open changes the schema', () => {
    tmp = tempDir('warraq-backup-')
    const file = join(tmp.dir, 'archive.db')
    const old = openArchiveSafely(file)
    populate(old, 10)
    old.close()
    // a newer Warraq: the real migrations plus one more
    const newer = join(tmp.dir, 'migrations-next')
    cpSync(defaultMigrationsFolder(), newer, { recursive: true })
    const journalFile = join(newer, 'meta', '_journal.json')
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as {
      entries: { idx: number; when: number; tag: string; version: string; breakpoints: boolean }[]
    }
    const last = journal.entries.at(-1)!
    journal.entries.push({
      ...last,
      idx: last.idx + 1,
      when: last.when + 1000,
      tag: '9999_backup_test'
    })
    writeFileSync(journalFile, JSON.stringify(journal))
    writeFileSync(
      join(newer, '9999_backup_test.sql'),
      'CREATE TABLE `backup_test` (`id` integer PRIMARY KEY);'
    )

    const upgraded = openArchiveSafely(file, {
      migrationsFolder: newer,
      now: new Date('2026-05-05T05:05:05Z')
    })
    const backup = upgraded.recovery.preMigrationBackup
    expect(upgraded.recovery.events).toEqual(['pre_migration_backup'])
    expect(backup).toBe(join(backupsDir(file), 'warraq-20260505-050505-pre-migration.db'))
    upgraded.close()
    expect(integrity(backup!)).toBe('ok')
    expect(countIn(backup!)).toBe(10)
    expect(countIn(backup!, "SELECT count(*) FROM sqlite_master WHERE name = 'backup_test'")).toBe(
      0
    )
    expect(countIn(file, "SELECT count(*) FROM sqlite_master WHERE name = 'backup_test'")).toBe(1)
    // nothing pending any more: no second backup
    const again = openArchiveSafely(file, { migrationsFolder: newer })
    expect(again.recovery.events).toEqual([])
    again.close()
  })

  it('restore from the UI: the archive comes back, the current one is kept to undo, calls keep working', async () => {
    const archive = fresh()
    const api = backupHandlers(archive)
    createArticle(archive, { title: 'قبل', body: 'مقال قبل النسخة' })
    const made = await api['backups.create'](undefined)
    expect(made.reason).toBe('manual')
    createArticle(archive, { title: 'بعد', body: 'مقال بعد النسخة' })

    const result = await api['backups.restore']({ file: made.name })
    expect(result).toMatchObject({ restoredFrom: made.file, reopened: true })
    expect(archive.sqlite.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(1)
    expect(countIn(result.undoBackup!)).toBe(2)
    const list = await api['backups.list'](undefined)
    expect(list.backups.map((b) => b.reason).sort()).toEqual(['manual', 'pre-restore'])
    expect((await api['archive.check'](undefined)).ok).toBe(true)

    // undo
    const undo = await api['backups.restore']({ file: result.undoBackup! })
    expect(undo.restoredFrom).toBe(result.undoBackup)
    expect(archive.sqlite.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(2)

    // only listed backups can be restored through the contract
    const outside = join(tmp.dir, 'elsewhere.db')
    await backupArchive(archive, outside)
    await expect(async () => api['backups.restore']({ file: outside })).rejects.toMatchObject({
      code: 'not_found'
    })
    await expect(async () =>
      api['backups.restore']({ file: '../elsewhere.db' })
    ).rejects.toMatchObject({ code: 'not_found' })
  })

  it('restore refuses a damaged backup or a file that is not an archive, changing nothing', async () => {
    const archive = fresh()
    createArticle(archive, { title: 'باق', body: 'يبقى كما هو' })
    const file = archive.file
    archive.close()
    open = undefined
    const junk = join(tmp.dir, 'junk.db')
    writeFileSync(junk, 'not a database at all, just text '.repeat(200))
    expect(() => restoreArchive(file, junk)).toThrow()
    const other = join(tmp.dir, 'other.db')
    new Database(other).exec('CREATE TABLE t (x)')
    expect(() => restoreArchive(file, other)).toThrow(/not a Warraq archive/)
    expect(countIn(file)).toBe(1)
    expect(listBackups(file)).toEqual([])
    expect(readdirSync(tmp.dir).filter((n) => n.includes('restoring'))).toEqual([])
  })
})
