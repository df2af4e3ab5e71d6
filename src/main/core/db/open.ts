import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { WarraqError } from '@shared/errors'
import { normalizeText } from '@shared/text/normalize'
import { backfillChecksums, registerChecksumFunction } from '../articles/fixity'
import { ensureArchiveId } from '../backup/identity'
import { FTS_SQL } from './fts.sql'
import * as schema from './schema'

export type Db = BetterSQLite3Database<typeof schema>

export interface Archive {
  /** the raw connection: prepared statements on hot paths, pragmas, backups */
  sqlite: Database.Database
  db: Db
  file: string
  close(): void
}

export interface OpenOptions {
  /** folder holding drizzle-kit's migrations; found next to this module by default */
  migrationsFolder?: string
  /** path of a better-sqlite3 addon built for another runtime (Electron's ABI) */
  nativeBinding?: string
  readonly?: boolean
}

const HERE = dirname(fileURLToPath(import.meta.url))

/** Where drizzle-kit's migrations are, from source (tsx, vitest) or from the built app. */
export function defaultMigrationsFolder(): string {
  const candidates = [join(HERE, 'migrations'), join(HERE, 'db', 'migrations')]
  for (const dir of candidates) {
    if (existsSync(join(dir, 'meta', '_journal.json'))) return dir
  }
  throw new Error(`Migrations not found (looked in ${candidates.join(', ')})`)
}

interface Journal {
  entries: { idx: number; when: number; tag: string }[]
}

/** Refuses an archive written by a newer Warraq: its schema is one this build does not know. */
function refuseNewerSchema(sqlite: Database.Database, migrationsFolder: string): void {
  const table = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type='table' AND name='__drizzle_migrations'")
    .get()
  if (!table) return
  const journal = JSON.parse(
    readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')
  ) as Journal
  const newestKnown = Math.max(0, ...journal.entries.map((e) => e.when))
  const row = sqlite
    .prepare('SELECT max(created_at) AS newest FROM __drizzle_migrations')
    .get() as {
    newest: number | null
  }
  if (row.newest !== null && Number(row.newest) > newestKnown) {
    throw new WarraqError(
      'schema_too_new',
      'This archive was written by a newer version of Warraq. Update Warraq to open it; the file has not been changed.'
    )
  }
}

/**
 * Opens (or creates) an archive file. The sequence is the design's:
 * 1. pragmas, 2. refuse a newer schema, 3. migrate with foreign keys off *outside* drizzle's
 * transaction (inside it the pragma is ignored and table rebuilds cascade-delete children),
 * 4. foreign_key_check, 5. custom SQL (FTS), 6. quick_check.
 */
export function openArchive(file: string, options: OpenOptions = {}): Archive {
  const sqlite = new Database(file, {
    nativeBinding: options.nativeBinding,
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false
  })
  try {
    sqlite.pragma('busy_timeout = 5000')
    // the search filters compare names with the same normaliser as the index
    sqlite.function('warraq_norm', { deterministic: true }, (value: unknown) =>
      typeof value === 'string' ? normalizeText(value) : value
    )
    registerChecksumFunction(sqlite)
    if (!options.readonly) {
      sqlite.pragma('journal_mode = WAL')
      sqlite.pragma('synchronous = NORMAL')
      // 64 MB of page cache (the default is 2 MB): imports insert into large, randomly ordered
      // index b-trees (the search index, near-duplicate bands) that thrash a small cache
      sqlite.pragma('cache_size = -65536')
    }
    const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder()
    refuseNewerSchema(sqlite, migrationsFolder)
    const db = drizzle(sqlite, { schema })
    if (!options.readonly) {
      sqlite.pragma('foreign_keys = OFF')
      migrate(db, { migrationsFolder })
      const broken = sqlite.pragma('foreign_key_check') as unknown[]
      if (broken.length > 0) {
        throw new WarraqError(
          'damaged',
          `The archive has ${broken.length} rows that point to missing records after upgrading.`
        )
      }
      sqlite.exec(FTS_SQL)
      backfillChecksums(sqlite)
      ensureArchiveId(sqlite)
    }
    sqlite.pragma('foreign_keys = ON')
    const check = sqlite.pragma('quick_check', { simple: true })
    if (check !== 'ok') {
      throw new WarraqError('damaged', `The archive file is damaged (${String(check)}).`)
    }
    return { sqlite, db, file, close: () => sqlite.close() }
  } catch (err) {
    sqlite.close()
    if (err instanceof WarraqError) throw err
    const code = (err as { code?: string }).code
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
      throw new WarraqError('damaged', `The archive file is damaged: ${(err as Error).message}`)
    }
    throw err
  }
}
