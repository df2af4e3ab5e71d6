import { WarraqError } from '@shared/errors'
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs'
import { appliedCount, journalCount } from '../db/migration-state'
import { openArchive, type Archive, type OpenOptions } from '../db/open'
import { rebuildIndex } from '../search/indexer'
import { indexIntegrity, isIndexTable } from './check'
import { COMPANIONS, freeName, fsyncDir, moveAside, stamp } from './fsutil'

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}

function columns(archive: Archive, schema: 'main' | 'old', table: string): string[] {
  const rows = archive.sqlite.pragma(`${schema}.table_info(${quote(table)})`) as { name: string }[]
  return rows.map((r) => r.name)
}

/** Copies every table except the index from the attached `old` into a fresh archive. */
function copyTables(fresh: Archive, migrationsFolder: string | undefined): void {
  const { sqlite } = fresh
  const oldApplied = sqlite.prepare('SELECT count(*) FROM old.__drizzle_migrations').pluck().get()
  if (oldApplied !== journalCount(migrationsFolder) || appliedCount(sqlite) !== oldApplied) {
    throw new WarraqError('damaged', 'The damaged archive is at another schema version.', {
      key: 'recovery.rebuild_other_schema'
    })
  }
  const tables = sqlite
    .prepare("SELECT name FROM old.sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[]
  sqlite.transaction(() => {
    for (const table of tables.filter((t) => !isIndexTable(t))) {
      const wanted = new Set(columns(fresh, 'main', table))
      const cols = columns(fresh, 'old', table)
        .filter((c) => wanted.has(c))
        .map(quote)
        .join(', ')
      sqlite.exec(`DELETE FROM main.${quote(table)}`)
      sqlite.exec(
        `INSERT INTO main.${quote(table)} (${cols}) SELECT ${cols} FROM old.${quote(table)}`
      )
    }
    const hasSequence = sqlite
      .prepare("SELECT 1 FROM old.sqlite_master WHERE name = 'sqlite_sequence'")
      .get()
    if (hasSequence) {
      sqlite.exec('DELETE FROM main.sqlite_sequence')
      sqlite.exec(
        'INSERT INTO main.sqlite_sequence (name, seq) SELECT name, seq FROM old.sqlite_sequence'
      )
    }
  })()
}

function removeWithCompanions(file: string): void {
  for (const f of [file, ...COMPANIONS.map((c) => file + c)]) rmSync(f, { force: true })
}

/**
 * Rebuilds the full-text index of an archive whose damage is only in the index, without ever
 * writing to the damaged file: its rows (all but the index) go into a new archive built from the
 * migrations, the index is rebuilt there, and the new file takes the archive's place only after
 * integrity_check and the index check pass. The damaged original is kept aside.
 * Returns the paths the original was moved to.
 */
export function rebuildIndexOnCopy(file: string, options: OpenOptions, now: Date): string[] {
  const migrationsFolder = options.migrationsFolder
  const work = freeName(`${file}.rebuilding-${stamp(now)}`)
  const source = `${work}.source`
  let fresh: Archive | null = null
  try {
    // a copy of the damaged file (and its -wal) to read from: the original stays untouched
    copyFileSync(file, source)
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${source}-wal`)
    fresh = openArchive(work, { migrationsFolder, nativeBinding: options.nativeBinding })
    fresh.sqlite.pragma('foreign_keys = OFF')
    fresh.sqlite.prepare('ATTACH DATABASE ? AS old').run(source)
    copyTables(fresh, migrationsFolder)
    fresh.sqlite.exec('DETACH DATABASE old')
    fresh.sqlite.pragma('foreign_keys = ON')
    rebuildIndex(fresh)
    const integrity = fresh.sqlite.pragma('integrity_check', { simple: true })
    const index = indexIntegrity(fresh.sqlite)
    if (integrity !== 'ok' || index !== 'ok') {
      throw new WarraqError(
        'damaged',
        `The rebuilt copy failed its check (${String(integrity)}; ${index}).`,
        {
          key: 'recovery.rebuild_failed_check',
          params: { detail: `${String(integrity)}; ${index}` }
        }
      )
    }
    fresh.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    fresh.close()
    fresh = null
    const aside = moveAside(file, 'damaged', now)
    renameSync(work, file)
    for (const suffix of COMPANIONS) {
      if (existsSync(work + suffix)) renameSync(work + suffix, file + suffix)
    }
    fsyncDir(file)
    return aside
  } catch (err) {
    fresh?.close()
    removeWithCompanions(work)
    throw err
  } finally {
    removeWithCompanions(source)
  }
}
