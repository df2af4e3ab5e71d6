import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import type { MigrationMeta } from 'drizzle-orm/migrator'
import { WarraqError } from '@shared/errors'
import { normalizeText } from '@shared/text/normalize'
import { sortKey, sourceSortKey } from '@shared/text/sortKey'
import { backfillChecksums, registerChecksumFunction } from '../articles/fixity'
import { ensureArchiveId } from '../backup/identity'
import {
  loadMigrations,
  newestMigrationMillis,
  SOURCE_MIGRATIONS_FOLDER
} from './bundled-migrations'
import { restoreDeferredIndexes } from './deferred-indexes'
import { FTS_SQL, tuneSearchIndex } from './fts.sql'
import * as schema from './schema'

export type Db = BetterSQLite3Database<typeof schema>

/** The page size of a new archive (see the open sequence). */
export const PAGE_SIZE = 16_384

/**
 * One open archive: its file, how it was opened, and its connection. Hosts and services keep
 * this object for the archive's whole life; a restore replaces the file under it through
 * `reopenAfter`, so everything bound to it (handlers, the backup schedule) goes on working.
 */
export interface Archive {
  /** the raw connection: prepared statements on hot paths, pragmas, backups. A reopen replaces
   * it: read it at each use, never keep it */
  readonly sqlite: Database.Database
  readonly db: Db
  readonly file: string
  /** how it was opened: a backup opens its copy with the same addon, a reopen the same way */
  readonly options: OpenOptions
  /**
   * Closes the connection, runs `work` (which may replace the file: a restore), then opens the
   * file again the same way, whether `work` succeeded or not.
   */
  reopenAfter<T>(work: () => T): T
  close(): void
  /** runs `release` when the archive is closed for good (not at a reopen), before its connection */
  onClose(release: () => void): void
}

export interface OpenOptions {
  /** folder holding drizzle-kit's migrations (tests, older schemas); the bundled ones by default */
  migrationsFolder?: string
  /** path of a better-sqlite3 addon built for another runtime (Electron's ABI) */
  nativeBinding?: string
  readonly?: boolean
}

/** The source folder of drizzle-kit's migrations (tests copy and trim it); builds bundle it. */
export function defaultMigrationsFolder(): string {
  return SOURCE_MIGRATIONS_FOLDER
}

/** Refuses an archive written by a newer Warraq: its schema is one this build does not know. */
function refuseNewerSchema(sqlite: Database.Database, migrations: MigrationMeta[]): void {
  const table = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type='table' AND name='__drizzle_migrations'")
    .get()
  if (!table) return
  const newestKnown = newestMigrationMillis(migrations)
  const row = sqlite
    .prepare('SELECT max(created_at) AS newest FROM __drizzle_migrations')
    .get() as {
    newest: number | null
  }
  if (row.newest !== null && Number(row.newest) > newestKnown) {
    throw new WarraqError(
      'schema_too_new',
      'This archive was written by a newer version of Warraq. Update Warraq to open it; the file has not been changed.',
      { key: 'archive.schema_too_new' }
    )
  }
}

/**
 * drizzle's own `migrate()` only reads a folder; this is what it does with the list it reads
 * (`dialect.migrate`), given the bundled list instead, so the SQL drizzle runs and the rows it
 * records in `__drizzle_migrations` are the same as with file-based migration.
 */
interface SyncMigrator {
  dialect: { migrate(migrations: MigrationMeta[], session: unknown, config: object): void }
  session: unknown
}

function runMigrations(db: Db, migrations: MigrationMeta[]): void {
  const internals = db as unknown as SyncMigrator
  internals.dialect.migrate(migrations, internals.session, {})
}

/**
 * Opens (or creates) an archive file. The sequence is the design's:
 * 1. pragmas, 2. refuse a newer schema, 3. migrate with foreign keys off *outside* drizzle's
 * transaction (inside it the pragma is ignored and table rebuilds cascade-delete children),
 * 4. foreign_key_check, 5. custom SQL (FTS), 6. quick_check.
 */
export function openArchive(file: string, options: OpenOptions = {}): Archive {
  let connection = openConnection(file, options)
  const releases: (() => void)[] = []
  return {
    get sqlite() {
      return connection.sqlite
    },
    get db() {
      return connection.db
    },
    file,
    options,
    reopenAfter(work) {
      connection.sqlite.close()
      try {
        return work()
      } finally {
        connection = openConnection(file, options)
      }
    },
    close() {
      // first: the archive's own connection must close last, so SQLite checkpoints and removes
      // the -wal (a reader left open, like the lexicon's, would keep it)
      for (const release of releases.splice(0)) release()
      connection.sqlite.close()
    },
    onClose(release) {
      releases.push(release)
    }
  }
}

function openConnection(file: string, options: OpenOptions): { sqlite: Database.Database; db: Db } {
  // first, so a build without its migrations says so and leaves no empty file behind
  const migrations = loadMigrations(options.migrationsFolder)
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
    // the migration that added the alphabetical sort keys fills them with these (writers call
    // the same functions in TypeScript)
    sqlite.function('warraq_sort_key', { deterministic: true }, (value: unknown) =>
      sortKey(typeof value === 'string' ? value : null)
    )
    sqlite.function('warraq_source_key', { deterministic: true }, (value: unknown) =>
      sourceSortKey(typeof value === 'string' ? value : '')
    )
    registerChecksumFunction(sqlite)
    if (!options.readonly) {
      // 16 KB pages for a new archive (an existing one keeps its own; the pragma does nothing
      // once the file has a table): an article and its body fit in one page instead of a chain
      // of four, and an import's commit writes fewer, fuller pages. Importing 124,000 articles
      // took 86–88 s against 95 s with 4 KB pages (bench/import-profile.ts --scale 4).
      sqlite.pragma(`page_size = ${PAGE_SIZE}`)
      sqlite.pragma('journal_mode = WAL')
      sqlite.pragma('synchronous = NORMAL')
      // 64 MB of page cache (the default is 2 MB): imports insert into large, randomly ordered
      // index b-trees (the search index, near-duplicate bands) that thrash a small cache
      sqlite.pragma('cache_size = -65536')
      // checkpoint every ~40 MB of WAL rather than 4 MB: an import's chunks rewrite the same
      // index pages, and each checkpoint wrote them to the file again (the bytes written per
      // archive byte fell by a tenth); the WAL is cut back to 64 MB after a checkpoint
      sqlite.pragma('wal_autocheckpoint = 10000')
      sqlite.pragma('journal_size_limit = 67108864')
    }
    refuseNewerSchema(sqlite, migrations)
    const db = drizzle(sqlite, { schema })
    if (!options.readonly) {
      sqlite.pragma('foreign_keys = OFF')
      // an import killed while its sort indexes were out: built back before the migrations,
      // which may expect them (db/deferred-indexes.ts). If that fails (a full disk), the archive
      // still opens: the library sorts without them, and the next open tries again.
      try {
        restoreDeferredIndexes(sqlite)
      } catch {
        // the saved SQL stays in settings
      }
      runMigrations(db, migrations)
      const broken = sqlite.pragma('foreign_key_check') as unknown[]
      if (broken.length > 0) {
        throw new WarraqError(
          'damaged',
          `The archive has ${broken.length} rows that point to missing records after upgrading.`,
          { key: 'archive.broken_links', params: { count: broken.length } }
        )
      }
      sqlite.exec(FTS_SQL)
      tuneSearchIndex(sqlite)
      backfillChecksums(sqlite)
      ensureArchiveId(sqlite)
    }
    sqlite.pragma('foreign_keys = ON')
    const check = sqlite.pragma('quick_check', { simple: true })
    if (check !== 'ok') {
      throw new WarraqError('damaged', `The archive file is damaged (${String(check)}).`, {
        key: 'archive.damaged_detail',
        params: { detail: String(check) }
      })
    }
    return { sqlite, db }
  } catch (err) {
    sqlite.close()
    if (err instanceof WarraqError) throw err
    const code = (err as { code?: string }).code
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
      throw new WarraqError('damaged', `The archive file is damaged: ${(err as Error).message}`, {
        key: 'archive.damaged_detail',
        params: { detail: (err as Error).message }
      })
    }
    throw err
  }
}
