/// <reference types="vite/client" />
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { MigrationMeta } from 'drizzle-orm/migrator'
import { WarraqError } from '@shared/errors'

interface Journal {
  entries: { idx: number; when: number; tag: string; breakpoints: boolean }[]
}

interface MigrationSource {
  journal: Journal
  /** the text of each migration by its tag (`0000_init`) */
  sql: Map<string, string>
}

/**
 * The SQL and the journal compiled into the build. Vite (electron-vite's build and vitest)
 * replaces these `import.meta.glob` calls with the files' text, so the built main process carries
 * every migration and looks for no folder at run time. Under tsx there is no Vite: the calls
 * throw a TypeError and the source folder beside this module is read instead (always present in
 * a checkout).
 */
function bundledSource(): MigrationSource | null {
  let sqlFiles: Record<string, string>
  let journals: Record<string, Journal>
  try {
    sqlFiles = import.meta.glob<string>('./migrations/*.sql', {
      query: '?raw',
      import: 'default',
      eager: true
    })
    journals = import.meta.glob<Journal>('./migrations/meta/_journal.json', {
      import: 'default',
      eager: true
    })
  } catch (err) {
    if (err instanceof TypeError) return null
    throw err
  }
  const journal = Object.values(journals)[0]
  if (!journal) return null
  const sql = new Map<string, string>()
  for (const [path, text] of Object.entries(sqlFiles)) {
    sql.set(path.replace(/^.*\//, '').replace(/\.sql$/, ''), text)
  }
  return { journal, sql }
}

/** True when this module was built by Vite with the migrations inside it (not under tsx). */
export function migrationsAreBundled(): boolean {
  return bundledSource() !== null
}

function folderSource(folder: string): MigrationSource {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as Journal
  const sql = new Map<string, string>()
  for (const entry of journal.entries) {
    sql.set(entry.tag, readFileSync(join(folder, `${entry.tag}.sql`), 'utf8'))
  }
  return { journal, sql }
}

/** The source folder of the migrations, for tests and tools that copy or trim it. */
export const SOURCE_MIGRATIONS_FOLDER = join(dirname(fileURLToPath(import.meta.url)), 'migrations')

/**
 * Builds exactly what drizzle's `readMigrationFiles` builds from a folder: one statement list per
 * journal entry, split on drizzle-kit's breakpoint marker, with the SHA-256 of the file's whole
 * text. The hash and `folderMillis` are what `__drizzle_migrations` records, so archives made by
 * file-based migration stay in step with bundled ones.
 */
function toMeta(source: MigrationSource): MigrationMeta[] {
  return source.journal.entries.map((entry) => {
    const query = source.sql.get(entry.tag)
    if (query === undefined) throw new Error(`migration ${entry.tag}.sql is missing`)
    return {
      sql: query.split('--> statement-breakpoint'),
      bps: entry.breakpoints,
      folderMillis: entry.when,
      hash: createHash('sha256').update(query).digest('hex')
    }
  })
}

let bundled: MigrationMeta[] | null = null

/**
 * Every migration this build knows, oldest first: from `folder` when one is given (tests, older
 * schemas), else the bundled ones. Throws one sentence when they cannot be had, before anything
 * touches the archive file.
 */
export function loadMigrations(folder?: string): MigrationMeta[] {
  if (!folder && bundled) return bundled
  let migrations: MigrationMeta[]
  try {
    const source = folder
      ? folderSource(folder)
      : (bundledSource() ?? folderSource(SOURCE_MIGRATIONS_FOLDER))
    migrations = toMeta(source)
  } catch (err) {
    throw new WarraqError(
      'internal',
      `This copy of Warraq is incomplete: its database migrations could not be read (${(err as Error).message}). Reinstall or rebuild Warraq; no archive file was created or changed.`,
      { key: 'archive.migrations_missing' }
    )
  }
  // a folder given by a test may change between opens; the bundled set never does
  if (!folder) bundled = migrations
  return migrations
}

/** The newest migration's timestamp: an archive with a newer one was written by a newer Warraq. */
export function newestMigrationMillis(migrations: MigrationMeta[]): number {
  return Math.max(0, ...migrations.map((m) => m.folderMillis))
}
