import { spawnSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/archive'

const ROOT = resolve(import.meta.dirname, '..', '..')

function warraq(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'warraq.mjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

let tmp: ReturnType<typeof tempDir>
let db: string
beforeAll(() => {
  tmp = tempDir()
  db = join(tmp.dir, 'cli.db')
  writeFileSync(
    join(tmp.dir, 'a.json'),
    JSON.stringify([
      {
        title: 'الأمم المتحدة تدعو إلى وقف إطلاق النار',
        content:
          'دعت الأمم المتحدة إلى وقف إطلاق النار في سورية.\nوقال المتحدث إن المفاوضات مستمرة.',
        source: 'وكالة الأنباء',
        url: 'https://example.org/un',
        date: '2016-02-29',
        author: 'ليلى حسن'
      },
      { title: 'خبر رياضي', body: 'فاز الفريق في المباراة النهائية.', source: 'الملاعب' }
    ])
  )
})
afterAll(() => tmp.cleanup())

describe('warraq CLI', () => {
  it('imports a JSON array, then shows and searches what it imported', () => {
    const imported = warraq(['--db', db, 'import', join(tmp.dir, 'a.json'), '--json'])
    expect(imported.code, imported.stderr).toBe(0)
    const summary = JSON.parse(imported.stdout) as {
      imported: number
      files: { status: string; uids: string[] }[]
    }
    expect(summary.imported).toBe(2)
    expect(summary.files[0].status).toBe('imported')
    const uid = summary.files[0].uids[0]

    const shown = warraq(['show', uid, '--json', '--db', db])
    expect(shown.code, shown.stderr).toBe(0)
    const article = JSON.parse(shown.stdout) as Record<string, unknown>
    expect(article).toMatchObject({
      uid,
      title: 'الأمم المتحدة تدعو إلى وقف إطلاق النار',
      source: 'وكالة الأنباء',
      url: 'https://example.org/un',
      published: '2016-02-29',
      datePrecision: 'day',
      authors: ['ليلى حسن']
    })

    const human = warraq(['--db', db, 'show', uid])
    expect(human.stdout).toContain('الأمم المتحدة تدعو إلى وقف إطلاق النار')

    const found = warraq(['--db', db, 'search', 'سوريا', '--json'])
    expect(found.code, found.stderr).toBe(0)
    const result = JSON.parse(found.stdout) as {
      total: number
      hits: { uid: string; snippet: string; highlights: [number, number][] }[]
    }
    expect(result.total).toBe(1)
    expect(result.hits[0].uid).toBe(uid)
    const [s, e] = result.hits[0].highlights[0]
    expect(result.hits[0].snippet.slice(s, e)).toBe('سورية')

    const stats = JSON.parse(warraq(['stats', '--json', '--db', db]).stdout) as { articles: number }
    expect(stats.articles).toBe(2)
  })

  it('takes the archive from WARRAQ_DB', () => {
    const stats = warraq(['stats', '--json'], { WARRAQ_DB: db })
    expect(JSON.parse(stats.stdout).file).toBe(db)
  })

  it('reports errors on stderr with a non-zero exit and keeps stdout clean', () => {
    const missing = warraq(['--db', db, 'show', 'no-such-uid', '--json'])
    expect(missing.code).toBe(1)
    expect(missing.stdout).toBe('')
    expect(missing.stderr).toMatch(/No article with uid no-such-uid/)
    const bad = warraq(['--db', db, 'search', 'x:y', '--json'])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/filter/i)
    const unknown = warraq(['frobnicate'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/unknown command/)
    const failedFile = warraq(['--db', db, 'import', join(tmp.dir, 'nothing-here.json'), '--json'])
    expect(JSON.parse(failedFile.stdout).files[0]).toMatchObject({
      status: 'failed',
      reason: 'No such file or folder.'
    })
  })

  it('reading commands on a path with no archive say so and create nothing', () => {
    const absent = join(tmp.dir, 'absent', 'nowhere.db')
    for (const command of [['stats'], ['show', 'x'], ['search', 'سوريا'], ['check']]) {
      const run = warraq(['--db', absent, ...command])
      expect(run.code, command[0]).toBe(1)
      expect(run.stderr).toBe(`warraq: No archive at ${absent}.\n`)
    }
    expect(existsSync(dirname(absent))).toBe(false)
  }, 120_000)

  it('prints help for each command', () => {
    for (const command of ['import', 'search', 'show', 'stats', 'serve']) {
      const help = warraq([command, '--help'])
      expect(help.code).toBe(0)
      expect(help.stdout).toMatch(new RegExp(`Usage: warraq ${command}`))
    }
  })
})
