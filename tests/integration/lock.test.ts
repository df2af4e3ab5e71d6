import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { acquireLock, lockFileFor } from '../../src/main/core/backup/lock'
import { openArchiveSafely } from '../../src/main/core/db/open-safely'
import { tempDir } from '../helpers/archive'
import { runChild } from '../helpers/crash'

let tmp: ReturnType<typeof tempDir>
afterEach(() => tmp?.cleanup())

function refusal(fn: () => unknown): { code: string; message: string } {
  try {
    fn()
  } catch (err) {
    return err as { code: string; message: string }
  }
  throw new Error('was not refused')
}

/** The pid of a process that has exited: a lock it left behind is stale. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'])
  return Number(child.stdout.toString())
}

describe('the archive lock', () => {
  it('refuses a second open in the same process, and allows it after close', () => {
    tmp = tempDir('warraq-lock-')
    const file = join(tmp.dir, 'archive.db')
    const first = openArchiveSafely(file)
    const lock = JSON.parse(readFileSync(lockFileFor(file), 'utf8')) as Record<string, unknown>
    expect(lock).toMatchObject({ pid: process.pid, host: hostname() })
    expect(typeof lock.startedAt).toBe('string')
    expect(refusal(() => openArchiveSafely(file))).toMatchObject({ code: 'locked' })
    first.close()
    expect(existsSync(lockFileFor(file))).toBe(false)
    openArchiveSafely(file).close()
  })

  it('refuses while another process has the archive open, naming its pid; takes over after kill -9', async () => {
    tmp = tempDir('warraq-lock-')
    const file = join(tmp.dir, 'archive.db')
    let holderPid = 0
    let refused: { code: string; message: string } | undefined
    const run = await runChild(['hold', file], {
      killWhen: (line) => {
        if (line !== 'ready') return false
        holderPid = (JSON.parse(readFileSync(lockFileFor(file), 'utf8')) as { pid: number }).pid
        refused = refusal(() => openArchiveSafely(file))
        return true
      }
    })
    expect(run.killed).toBe(true)
    expect(holderPid).toBeGreaterThan(0)
    expect(holderPid).not.toBe(process.pid)
    expect(refused).toMatchObject({
      code: 'locked',
      message: `This archive is open in another Warraq (pid ${holderPid}). Close it first.`
    })
    // the killed holder's lock is still there, and stale: taken over
    expect(existsSync(lockFileFor(file))).toBe(true)
    const archive = openArchiveSafely(file)
    expect(JSON.parse(readFileSync(lockFileFor(file), 'utf8'))).toMatchObject({ pid: process.pid })
    archive.close()
  })

  it('takes over a stale lock and a half-written old one, refuses one from another host', () => {
    tmp = tempDir('warraq-lock-')
    const file = join(tmp.dir, 'archive.db')
    const lockFile = lockFileFor(file)
    writeFileSync(lockFile, JSON.stringify({ pid: deadPid(), host: hostname(), startedAt: 'x' }))
    acquireLock(file).release()
    writeFileSync(lockFile, '')
    // an empty lock is left alone for a moment (its writer may be filling it)…
    expect(refusal(() => acquireLock(file))).toMatchObject({ code: 'locked' })
    // …and taken over once it is clearly abandoned
    const old = new Date(Date.now() - 60_000)
    utimesSync(lockFile, old, old)
    acquireLock(file).release()
    writeFileSync(lockFile, JSON.stringify({ pid: 1, host: 'other-machine', startedAt: 'x' }))
    expect(refusal(() => acquireLock(file)).message).toContain('another computer (other-machine')
  })

  it('read-only opens take no lock', () => {
    tmp = tempDir('warraq-lock-')
    const file = join(tmp.dir, 'archive.db')
    const writer = openArchiveSafely(file)
    const reader = openArchiveSafely(file, { readonly: true })
    expect(reader.sqlite.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(0)
    reader.close()
    writer.close()
  })
})
