import Database from 'better-sqlite3'
import { loadMigrations } from './bundled-migrations'
import { rawOptions } from './open-options'

/** How many migrations this build knows (from `migrationsFolder` if given, else bundled). */
export function journalCount(migrationsFolder?: string): number {
  return loadMigrations(migrationsFolder).length
}

/** Migrations recorded as applied in an open database (0 when it has none yet). */
export function appliedCount(sqlite: Database.Database): number {
  const table = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='__drizzle_migrations'")
    .get()
  if (!table) return 0
  return sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get() as number
}

/**
 * How many migrations the next open will run on an existing file, or null when the file cannot
 * be read (then the open itself will say what is wrong). An empty database needs no backup: it
 * holds nothing yet.
 */
export function pendingMigrations(
  file: string,
  migrationsFolder: string | undefined,
  nativeBinding?: string
): number | null {
  let db: Database.Database
  try {
    db = new Database(file, rawOptions(nativeBinding, true))
  } catch {
    return null
  }
  try {
    const tables = db
      .prepare("SELECT count(*) FROM sqlite_master WHERE type='table'")
      .pluck()
      .get() as number
    if (tables === 0) return 0
    return Math.max(0, journalCount(migrationsFolder) - appliedCount(db))
  } catch {
    return null
  } finally {
    db.close()
  }
}
