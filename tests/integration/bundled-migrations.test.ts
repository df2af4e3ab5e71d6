import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { WarraqError } from '../../src/shared/errors'
import { loadMigrations, migrationsAreBundled } from '../../src/main/core/db/bundled-migrations'
import { defaultMigrationsFolder, openArchive } from '../../src/main/core/db/open'
import { openArchiveSafely } from '../../src/main/core/db/open-safely'
import { tempDir } from '../helpers/archive'
import { migrationsUpTo } from '../helpers/migrations'

const OUT_MAIN = resolve(import.meta.dirname, '..', '..', 'out', 'main')

function recorded(file: string): { hash: string; created_at: number }[] {
  const db = new Database(file, { readonly: true })
  try {
    return db
      .prepare('SELECT hash, created_at FROM __drizzle_migrations ORDER BY created_at')
      .all() as { hash: string; created_at: number }[]
  } finally {
    db.close()
  }
}

describe('migrations bundled into the build', () => {
  let tmp: ReturnType<typeof tempDir>
  afterEach(() => tmp?.cleanup())

  it('are exactly what drizzle reads from the migrations folder, hashes included', () => {
    const fromFolder = readMigrationFiles({ migrationsFolder: defaultMigrationsFolder() })
    // vitest compiles modules as the build does: the bundled set, not the folder fallback
    expect(migrationsAreBundled()).toBe(true)
    const bundled = loadMigrations()
    expect(bundled.length).toBeGreaterThan(0)
    expect(bundled).toEqual(fromFolder)
  })

  it('open an archive made by file-based migration (the last release) without re-running', () => {
    tmp = tempDir()
    const file = join(tmp.dir, 'released.db')
    const raw = new Database(file)
    // the last release shipped the first migration only, applied from its folder
    migrate(drizzle(raw), { migrationsFolder: migrationsUpTo(tmp.dir, 1) })
    raw.close()
    const before = recorded(file)

    const archive = openArchive(file)
    archive.sqlite.prepare("INSERT INTO sources (name) VALUES ('الأهرام')").run()
    archive.close()

    // what the release applied is not applied again; only the newer migrations are added
    const after = recorded(file)
    expect(after.slice(0, before.length)).toEqual(before)
    expect(after).toHaveLength(loadMigrations().length)
    const fresh = join(tmp.dir, 'fresh.db')
    openArchive(fresh).close()
    // a new archive records the same hashes as the upgraded one
    expect(recorded(fresh)).toEqual(after)
  })

  it('refuse with one sentence, and create no file, when the migrations cannot be had', () => {
    tmp = tempDir()
    const file = join(tmp.dir, 'never.db')
    const missing = join(tmp.dir, 'no-migrations-here')
    for (const open of [openArchive, openArchiveSafely]) {
      let error: unknown
      try {
        open(file, { migrationsFolder: missing })
      } catch (err) {
        error = err
      }
      expect(error).toBeInstanceOf(WarraqError)
      expect((error as WarraqError).message).toMatch(
        /^This copy of Warraq is incomplete: its database migrations could not be read .*no archive file was created or changed\.$/
      )
      expect((error as WarraqError).detail?.key).toBe('archive.migrations_missing')
      expect(readdirSync(tmp.dir)).toEqual([])
    }
  })

  it.skipIf(!existsSync(join(OUT_MAIN, 'index.js')))(
    'are inside the built main process, with no folder beside it to look for',
    () => {
      const built = readdirSync(OUT_MAIN, { recursive: true, encoding: 'utf8' })
      expect(built.some((f) => f.includes('migrations'))).toBe(false)
      const code = built
        .filter((f) => f.endsWith('.js'))
        .map((f) => readFileSync(join(OUT_MAIN, f), 'utf8'))
        .join('\n')
      for (const migration of readMigrationFiles({ migrationsFolder: defaultMigrationsFolder() })) {
        // the first statement of each migration, as the bundle holds it (a JS string literal)
        const first = migration.sql[0].trim().split('\n')[0]
        expect(code).toContain(JSON.stringify(first).slice(1, -1))
        expect(code).toContain(String(migration.folderMillis))
      }
    }
  )
})
