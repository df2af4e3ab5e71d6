import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { defaultMigrationsFolder } from '../../src/main/core/db/open'

export interface Journal {
  version: string
  dialect: string
  entries: { idx: number; when: number; tag: string; version: string; breakpoints: boolean }[]
}

export function readJournal(): Journal {
  return JSON.parse(
    readFileSync(join(defaultMigrationsFolder(), 'meta', '_journal.json'), 'utf8')
  ) as Journal
}

/** A copy of the real migrations holding only the first `count` of them: an older Warraq. */
export function migrationsUpTo(dir: string, count: number): string {
  const source = defaultMigrationsFolder()
  const target = join(dir, `migrations-${count}`)
  mkdirSync(join(target, 'meta'), { recursive: true })
  const journal = readJournal()
  journal.entries = journal.entries.slice(0, count)
  writeFileSync(join(target, 'meta', '_journal.json'), JSON.stringify(journal))
  for (const entry of journal.entries)
    cpSync(join(source, `${entry.tag}.sql`), join(target, `${entry.tag}.sql`))
  return target
}

/**
 * The migrations of the Warraq before the one named `…_<name>` (tags are renumbered when
 * migrations are merged; the name stays).
 */
export function migrationsBefore(dir: string, name: string): string {
  const at = readJournal().entries.findIndex((e) => e.tag.endsWith(`_${name}`))
  if (at < 0) throw new Error(`No migration named ${name}`)
  return migrationsUpTo(dir, at)
}
