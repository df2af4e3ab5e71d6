import { backupsDir } from '../../src/main/core/backup/backup'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { dispatch } from '../../src/main/core/api/dispatch'
import { startSession, type ArchiveSession } from '../../src/main/core/api/session'
import { createArticle } from '../../src/main/core/articles/service'
import { backupNow, listBackups } from '../../src/main/core/backup/backup'
import { openArchiveSafely } from '../../src/main/core/db/open-safely'
import type { ArchiveStatus } from '../../src/shared/contract/recovery'
import type { Result } from '../../src/shared/errors'
import { tempDir } from '../helpers/archive'
import { damagedArchiveWithBackup } from '../helpers/damaged-archive'

let tmp: ReturnType<typeof tempDir>
let session: ArchiveSession | undefined
afterEach(() => {
  session?.close()
  session = undefined
  tmp?.cleanup()
})

const NOW = new Date('2026-03-03T09:00:00Z')

async function call<T>(name: string, input: unknown = {}): Promise<Result<T>> {
  if (!session) throw new Error('no session')
  return (await dispatch(session.handlers, name, input)) as Result<T>
}

async function value<T>(name: string, input: unknown = {}): Promise<T> {
  const result = await call<T>(name, input)
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`)
  return result.value
}

async function damagedSession(): Promise<{ file: string; backup: string; damaged: Buffer }> {
  tmp = tempDir('warraq-session-')
  const made = await damagedArchiveWithBackup(tmp.dir, 120, new Date('2026-03-01T08:00:00Z'))
  const damaged = readFileSync(made.file)
  session = startSession(made.file, { now: NOW })
  return { ...made, damaged }
}

describe('the archive session', () => {
  it('starts in recovery on a damaged archive and a restore brings the backup back, open', async () => {
    const { file, backup, damaged } = await damagedSession()
    expect(session?.state()).toBe('recovery')
    expect(session?.archive()).toBeNull()

    const status = await value<ArchiveStatus>('archive.status')
    const aside = `${file}.damaged-20260303-090000`
    expect(status).toMatchObject({ state: 'recovery', file, backupsDir: backupsDir(file) })
    expect(status.recovery.events).toContain('moved_aside')
    expect(status.recovery.keptAside[0]).toBe(aside)
    expect(status.recovery.messages[0]).toContain('is damaged')
    expect(status.recovery.newestGoodBackup?.file).toBe(backup)
    expect(status.backups.map((b) => b.file)).toEqual([backup])
    // the damaged bytes are kept aside, untouched
    expect(readFileSync(aside).equals(damaged)).toBe(true)
    expect(existsSync(file)).toBe(false)

    // every other call is refused with a clear 'damaged' error
    const list = await call('articles.list', {})
    expect(list.ok).toBe(false)
    if (!list.ok) {
      expect(list.error.code).toBe('damaged')
      expect(list.error.message).toContain('recovery screen')
    }
    expect((await call('backups.create')).ok).toBe(false)

    // no other Warraq can take the empty path meanwhile
    expect(() => openArchiveSafely(file)).toThrow(/already open/)

    const after = await value<ArchiveStatus>('recovery.restore', { file: backup })
    expect(after.state).toBe('open')
    expect(session?.state()).toBe('open')
    const page = await value<{ total: number }>('articles.list', { limit: 5 })
    expect(page.total).toBe(120)
    expect(existsSync(aside)).toBe(true)
    // the restored archive is a working one: it backs up, and the new backup is listed
    const made = await value<{ file: string }>('backups.create')
    expect(listBackups(file).map((b) => b.file)).toContain(made.file)
  })

  it('a backup named by its file name is found in the backups folder', async () => {
    const { backup } = await damagedSession()
    const name = backup.slice(backup.lastIndexOf('/') + 1)
    expect((await value<ArchiveStatus>('recovery.restore', { file: name })).state).toBe('open')
  })

  it('refuses a file that is not one of the listed backups, and stays in recovery', async () => {
    await damagedSession()
    const outside = join(tmp.dir, 'elsewhere.db')
    writeFileSync(outside, 'x')
    const result = await call('recovery.restore', { file: outside })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('not_found')
    expect((await call('recovery.restore', { file: '../archive.db' })).ok).toBe(false)
    expect(session?.state()).toBe('recovery')
  })

  it('a damaged backup is refused, the session stays in recovery and can still start empty', async () => {
    const { file, backup } = await damagedSession()
    writeFileSync(backup, Buffer.alloc(8192, 7))
    const result = await call('recovery.restore', { file: backup })
    expect(result.ok).toBe(false)
    expect(session?.state()).toBe('recovery')
    expect(existsSync(file)).toBe(false)

    expect((await call('recovery.startEmpty', {})).ok).toBe(false) // needs confirm: true
    const status = await value<ArchiveStatus>('recovery.startEmpty', { confirm: true })
    expect(status.state).toBe('open')
    expect((await value<{ total: number }>('articles.list', {})).total).toBe(0)
    expect(existsSync(`${file}.damaged-20260303-090000`)).toBe(true)
  })

  it('open: status says so with the open notices; recovery calls are refused; onOpen runs', async () => {
    tmp = tempDir('warraq-session-')
    const file = join(tmp.dir, 'archive.db')
    const stop = vi.fn()
    const onOpen = vi.fn(() => stop)
    session = startSession(file, { onOpen })
    expect(onOpen).toHaveBeenCalledTimes(1)
    const archive = session.archive()
    if (!archive) throw new Error('not open')
    createArticle(archive, { title: 'خبر', body: 'نص' })
    await backupNow(archive, 'manual')
    const status = await value<ArchiveStatus>('archive.status')
    expect(status).toMatchObject({ state: 'open', file })
    expect(status.recovery.messages).toEqual([])
    expect(status.backups).toHaveLength(1)
    const refused = await call('recovery.restore', { file: status.backups[0].file })
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error.code).toBe('conflict')
    session.close()
    session = undefined
    expect(stop).toHaveBeenCalledTimes(1)
  })

  it('after a restore from recovery, onOpen starts again for the restored archive', async () => {
    tmp = tempDir('warraq-session-')
    const made = await damagedArchiveWithBackup(tmp.dir, 20)
    const onOpen = vi.fn(() => undefined)
    session = startSession(made.file, { onOpen })
    expect(onOpen).not.toHaveBeenCalled()
    await value('recovery.restore', { file: made.backup })
    expect(onOpen).toHaveBeenCalledTimes(1)
  })
})
