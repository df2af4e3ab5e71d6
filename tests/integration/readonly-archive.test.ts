import { spawnSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createArticle } from '../../src/main/core/articles/service'
import { openArchive } from '../../src/main/core/db/open'
import { tempDir } from '../helpers/archive'

const ROOT = resolve(import.meta.dirname, '..', '..')

function run(command: string, args: string[]) {
  return spawnSync(command, args, { encoding: 'utf8', timeout: 60_000 })
}

function warraq(args: string[]) {
  return run(process.execPath, [join(ROOT, 'bin', 'warraq.mjs'), ...args])
}

// Tests run as root, which ignores chmod: a read-only bind mount of the archive's folder is
// what really refuses writes (the file, its -wal/-shm and the lock alike)
let tmp: ReturnType<typeof tempDir>
let mounted = false
let readOnlyDb = ''
beforeAll(() => {
  tmp = tempDir()
  const src = join(tmp.dir, 'src')
  const ro = join(tmp.dir, 'ro')
  mkdirSync(src)
  mkdirSync(ro)
  const archive = openArchive(join(src, 'a.db'))
  createArticle(archive, { title: 'مقال للقراءة فقط', body: 'نص عن الرياض' })
  archive.close()
  mounted =
    run('mount', ['--bind', src, ro]).status === 0 &&
    run('mount', ['-o', 'remount,bind,ro', ro]).status === 0
  readOnlyDb = join(ro, 'a.db')
})
afterAll(() => {
  if (mounted) run('umount', [join(tmp.dir, 'ro')])
  tmp.cleanup()
})

describe('a read-only archive', () => {
  it('opens read-only for reading commands with a one-line notice', (ctx) => {
    if (!mounted) {
      console.warn('skipped: cannot make a read-only bind mount here (needs root and mount)')
      ctx.skip()
    }
    const stats = warraq(['--db', readOnlyDb, 'stats', '--json'])
    expect(stats.status).toBe(0)
    expect(JSON.parse(stats.stdout)).toMatchObject({ articles: 1 })
    expect(stats.stderr).toMatch(/read-only/)
    expect(stats.stderr.trim().split('\n')).toHaveLength(1)
    const search = warraq(['--db', readOnlyDb, 'search', 'الرياض', '--json'])
    expect(search.status).toBe(0)
    expect(JSON.parse(search.stdout)).toMatchObject({ total: 1 })
    // a writing command is still refused, with a sentence rather than a crash
    const write = warraq(['--db', readOnlyDb, 'rebuild-index'])
    expect(write.status).toBe(1)
    expect(write.stderr).toMatch(/^warraq: /)
  })
})
