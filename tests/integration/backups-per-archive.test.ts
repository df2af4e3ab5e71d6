import { existsSync, mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createArticle } from '../../src/main/core/articles/service'
import {
  backupArchive,
  backupFileName,
  backupsDir,
  listBackups
} from '../../src/main/core/backup/backup'
import { restoreArchive } from '../../src/main/core/backup/restore'
import { maybeAutoBackup } from '../../src/main/core/backup/schedule'
import { openArchive } from '../../src/main/core/db/open'
import { openArchiveSafely } from '../../src/main/core/db/open-safely'
import { tempDir } from '../helpers/archive'

let tmp: ReturnType<typeof tempDir>
afterEach(() => tmp?.cleanup())

const DAY = 24 * 60 * 60 * 1000

describe('each archive its own backups', () => {
  it('two archives in one folder list only their own backups and each gets its automatic backup', async () => {
    tmp = tempDir()
    const a = join(tmp.dir, 'a.db')
    const b = join(tmp.dir, 'b.db')
    const shared = join(tmp.dir, 'backups')
    mkdirSync(shared)
    // the layout of older Warraq: both archives' backups in one shared folder, b's the newest
    const old = new Date(Date.now() - 3 * DAY)
    for (const [file, title, at] of [
      [a, 'مقال أ', old],
      [b, 'مقال ب', new Date(Date.now() - 1000)]
    ] as const) {
      const archive = openArchive(file)
      createArticle(archive, { title, body: 'نص' })
      await backupArchive(archive, join(shared, backupFileName(at, 'auto')))
      archive.close()
    }
    const unknown = join(shared, backupFileName(new Date(Date.now() - 5 * DAY), 'auto'))
    const stranger = openArchive(join(tmp.dir, 'elsewhere.db'))
    await backupArchive(stranger, unknown)
    stranger.close()

    for (const [file, title] of [
      [a, 'مقال أ'],
      [b, 'مقال ب']
    ] as const) {
      const archive = openArchiveSafely(file)
      const before = listBackups(file)
      expect(before).toHaveLength(1)
      expect(before[0].file.startsWith(backupsDir(file))).toBe(true)
      // its newest backup is its own: a is 3 days old, so a gets its automatic backup now
      const made = await maybeAutoBackup(archive)
      expect(made === null).toBe(file === b)
      const db = openArchive(listBackups(file)[0].file, { readonly: true })
      expect(db.sqlite.prepare('SELECT title FROM articles').pluck().all()).toEqual([title])
      db.close()
      archive.close()
    }
    expect(backupsDir(a)).not.toBe(backupsDir(b))
    // the backup of an archive neither of them is stays where it was, not deleted
    expect(existsSync(unknown)).toBe(true)
    expect(readdirSync(shared).filter((n) => n.endsWith('.db'))).toEqual([
      unknown.slice(shared.length + 1)
    ])
  })

  it('refuses to restore a backup of another archive unless forced', async () => {
    tmp = tempDir()
    const a = openArchive(join(tmp.dir, 'a.db'))
    createArticle(a, { title: 'أ', body: 'نص' })
    const b = openArchive(join(tmp.dir, 'b.db'))
    const ofB = await backupArchive(b, join(tmp.dir, 'b-copy.db'))
    a.close()
    b.close()
    expect(() => restoreArchive(join(tmp.dir, 'a.db'), ofB.file)).toThrow(/another archive/)
    const still = openArchive(join(tmp.dir, 'a.db'))
    expect(still.sqlite.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(1)
    still.close()
    restoreArchive(join(tmp.dir, 'a.db'), ofB.file, { force: true })
    const replaced = openArchive(join(tmp.dir, 'a.db'))
    expect(replaced.sqlite.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(0)
    replaced.close()
  })
})
