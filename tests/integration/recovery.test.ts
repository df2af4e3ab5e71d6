import Database from 'better-sqlite3'
import { existsSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { backupNow } from '../../src/main/core/backup/backup'
import { checkArchive } from '../../src/main/core/backup/check'
import { restoreArchive } from '../../src/main/core/backup/restore'
import { openArchive } from '../../src/main/core/db/open'
import { DamagedArchiveError, openArchiveSafely } from '../../src/main/core/db/open-safely'
import { tempDir } from '../helpers/archive'
import { flipPageBytes, middlePageOf, populate } from '../helpers/damage'

let tmp: ReturnType<typeof tempDir>
afterEach(() => tmp?.cleanup())

/** A populated archive with one good backup, closed (no -wal left). */
async function archiveWithBackup(): Promise<{ file: string; backup: string; bytes: Buffer }> {
  tmp = tempDir('warraq-recovery-')
  const file = join(tmp.dir, 'archive.db')
  const archive = openArchive(file)
  populate(archive)
  const backup = await backupNow(archive, 'auto', new Date('2026-01-01T10:00:00Z'))
  archive.close()
  return { file, backup: backup.file, bytes: readFileSync(file) }
}

function openDamaged(file: string): DamagedArchiveError {
  try {
    openArchiveSafely(file, { now: new Date('2026-02-02T12:00:00Z') }).close()
  } catch (err) {
    expect(err).toBeInstanceOf(DamagedArchiveError)
    return err as DamagedArchiveError
  }
  throw new Error('the damaged archive opened')
}

describe('opening a damaged archive', () => {
  it('flipped bytes in a page: moved aside byte for byte, never deleted, backup offered', async () => {
    const { file, backup } = await archiveWithBackup()
    const { pageno, pageSize } = middlePageOf(file, 'articles')
    flipPageBytes(file, pageno, pageSize)
    const damaged = readFileSync(file)
    const err = openDamaged(file)
    const aside = `${file}.damaged-20260202-120000`
    expect(err.code).toBe('damaged')
    expect(err.recovery.events).toContain('moved_aside')
    expect(err.recovery.keptAside[0]).toBe(aside)
    expect(readFileSync(aside).equals(damaged)).toBe(true)
    expect(existsSync(file)).toBe(false)
    expect(err.recovery.newestGoodBackup?.file).toBe(backup)
    expect(err.message).toContain('is damaged')
    expect(err.message).toContain(aside)
    expect(err.message).toContain(backup)
    expect(err.message).toContain('nothing in it is lost')
    // the same for the interface, as a catalogue key with the paths and SQLite's detail
    expect(err.toData()).toMatchObject({
      key: 'recovery.moved_aside_with_backup',
      params: { file, path: aside, backup }
    })
    expect(err.recovery.notices.map((n) => n.key)).toEqual(['recovery.moved_aside_with_backup'])

    // the offered restore brings the archive back
    const restored = restoreArchive(file, backup)
    expect(restored.undoBackup).toBeNull()
    const archive = openArchiveSafely(file)
    expect(archive.sqlite.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(120)
    expect(checkArchive(archive).ok).toBe(true)
    archive.close()
    expect(existsSync(aside)).toBe(true)
  })

  it('a truncated file: detected and moved aside whole', async () => {
    const { file, backup } = await archiveWithBackup()
    truncateSync(file, Math.floor(statSync(file).size / 2))
    const truncated = readFileSync(file)
    const err = openDamaged(file)
    expect(readFileSync(err.recovery.keptAside[0]).equals(truncated)).toBe(true)
    expect(err.recovery.newestGoodBackup?.file).toBe(backup)
  })

  it('a file that is not a database at all: moved aside, not overwritten by a new archive', async () => {
    const { file } = await archiveWithBackup()
    const garbage = randomBytes(64 * 1024)
    writeFileSync(file, garbage)
    const err = openDamaged(file)
    expect(readFileSync(err.recovery.keptAside[0]).equals(garbage)).toBe(true)
  })

  it('a garbage -wal: kept aside byte for byte, the archive opens from its main file', async () => {
    const { file, backup } = await archiveWithBackup()
    const garbage = randomBytes(40 * 1024)
    writeFileSync(`${file}-wal`, garbage)
    const archive = openArchiveSafely(file, { now: new Date('2026-02-02T12:00:00Z') })
    try {
      expect(archive.recovery.events).toEqual(['wal_kept_aside'])
      const aside = archive.recovery.keptAside[0]
      expect(aside).toBe(`${file}-wal.unreadable-20260202-120000`)
      expect(readFileSync(aside).equals(garbage)).toBe(true)
      expect(archive.recovery.messages[0]).toContain('could not be read')
      expect(archive.recovery.notices).toEqual([
        { key: 'recovery.wal_kept_aside', params: { path: aside } }
      ])
      expect(archive.recovery.newestGoodBackup?.file).toBe(backup)
      expect(archive.sqlite.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(120)
    } finally {
      archive.close()
    }
  })

  it('damage only in the search index: rebuilt on a copy, articles intact, original kept', async () => {
    const { file } = await archiveWithBackup()
    const before = new Database(file, { readonly: true })
    const revisionsBefore = before.prepare('SELECT count(*) FROM revisions').pluck().get()
    before.close()
    const { pageno, pageSize } = middlePageOf(file, 'articles_fts_data')
    flipPageBytes(file, pageno, pageSize)
    const damaged = readFileSync(file)
    const archive = openArchiveSafely(file, { now: new Date('2026-02-02T12:00:00Z') })
    try {
      expect(archive.recovery.events).toEqual(['index_rebuilt'])
      const aside = archive.recovery.keptAside[0]
      expect(readFileSync(aside).equals(damaged)).toBe(true)
      expect(archive.recovery.messages[0]).toContain('search index')
      expect(archive.recovery.notices).toEqual([
        { key: 'recovery.index_rebuilt', params: { path: aside } }
      ])
      expect(checkArchive(archive)).toMatchObject({ ok: true, index: 'ok' })
      expect(archive.sqlite.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(120)
      expect(archive.sqlite.prepare('SELECT count(*) FROM revisions').pluck().get()).toBe(
        revisionsBefore
      )
      const hits = archive.sqlite
        .prepare("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'body_s:الرياض'")
        .pluck()
        .get()
      expect(hits).toBe(120)
    } finally {
      archive.close()
    }
  })

  it('logical damage in the index (pages sound): seen at open through FTS5, rebuilt', async () => {
    const { file } = await archiveWithBackup()
    zeroIndexBlocks(file)
    const archive = openArchiveSafely(file)
    try {
      expect(archive.recovery.events).toEqual(['index_rebuilt'])
      expect(checkArchive(archive).ok).toBe(true)
    } finally {
      archive.close()
    }
  })

  it('archive.check on demand reports index damage that appears while the archive is open', async () => {
    const { file } = await archiveWithBackup()
    const archive = openArchiveSafely(file)
    try {
      expect(checkArchive(archive).ok).toBe(true)
      zeroIndexBlocks(file)
      const result = checkArchive(archive)
      expect(result.ok).toBe(false)
      expect(result.index).toContain('corrupt')
    } finally {
      archive.close()
    }
  })
})

/** Zeroes the index's data blocks, leaving every page well-formed. */
function zeroIndexBlocks(file: string): void {
  // shadow tables are write-protected unless the connection is in unsafe mode
  const raw = new Database(file)
  raw.unsafeMode(true)
  raw.exec('UPDATE articles_fts_data SET block = zeroblob(length(block)) WHERE id > 10')
  raw.close()
}
