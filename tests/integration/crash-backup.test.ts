import Database from 'better-sqlite3'
import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { backupsDir, listBackups } from '../../src/main/core/backup/backup'
import { pruneBackups } from '../../src/main/core/backup/rotation'
import { openArchive } from '../../src/main/core/db/open'
import { tempDir } from '../helpers/archive'
import { randomInt, runChild } from '../helpers/crash'
import { populate } from '../helpers/damage'

const KILLS = Number(process.env.WARRAQ_CRASH_KILLS ?? 25)

const tmp = tempDir('warraq-crash-backup-')
afterAll(() => tmp.cleanup())

function check(file: string): { integrity: string; articles: number } {
  const db = new Database(file, { readonly: true })
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }) as string,
      articles: db.prepare('SELECT count(*) FROM articles').pluck().get() as number
    }
  } finally {
    db.close()
  }
}

describe('kill -9 during a backup', () => {
  it(
    'never leaves a half file under a backup name',
    async () => {
      const file = join(tmp.dir, 'archive.db')
      const setup = openArchive(file)
      populate(setup, 40)
      // a few MB, so a backup takes long enough to be killed half-way
      setup.sqlite.exec('CREATE TABLE filler (b BLOB)')
      for (let i = 0; i < 12; i++)
        setup.sqlite.prepare('INSERT INTO filler VALUES (randomblob(400000))').run()
      setup.close()
      let partialsSeen = 0
      let whole = 0
      for (let i = 0; i < KILLS; i++) {
        const run = await runChild(['backup', file], {
          killWhen: (line) => line === 'ready',
          extraDelayMs: randomInt(250)
        })
        expect(run.killed).toBe(true)
        for (const backup of listBackups(file)) {
          expect(check(backup.file), backup.name).toEqual({ integrity: 'ok', articles: 40 })
          rmSync(backup.file)
          whole++
        }
        const left = readdirSync(backupsDir(file))
        expect(
          left.every((name) => /\.partial-\d+(-wal|-shm|-journal)?$/.test(name)),
          left.join(', ')
        ).toBe(true)
        if (left.length > 0) partialsSeen++
      }
      // the kills landed both mid-copy and between backups
      expect(partialsSeen).toBeGreaterThan(0)
      expect(whole).toBeGreaterThan(0)
      // partial files of dead writers are cleared by the next rotation
      pruneBackups(file)
      expect(readdirSync(backupsDir(file))).toEqual([])
    },
    Math.max(120_000, KILLS * 5_000)
  )
})
