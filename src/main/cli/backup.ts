import { WarraqError } from '@shared/errors'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { backupArchive, backupNow, backupsDir, listBackups } from '../core/backup/backup'
import type { DamagedRecord } from '@shared/contract/backups'
import { newestIntactBackup, restoreArticleFromBackup } from '../core/backup/article-from-backup'
import { checkArchive } from '../core/backup/check'
import { acquireLock } from '../core/backup/lock'
import { restoreArchive } from '../core/backup/restore'
import { pruneBackups } from '../core/backup/rotation'
import { openArchiveSafely } from '../core/db/open-safely'
import { resolveArchivePath } from '../core/paths'
import { flagString, UsageError, type CliArgs } from './args'
import { openFromArgs } from './commands'
import type { Output } from './output'

export const BACKUP_HELP: Record<string, string> = {
  backup: `Usage: warraq backup [FILE] [--json]

Makes a checked backup of the archive while it may be in use (SQLite's online backup). With FILE
writes it there (never over an existing file); without, into the backups folder next to the
archive, where it is kept until you delete it.`,
  backups:
    'Usage: warraq backups [--json]\n\nLists the backups next to the archive, newest first, with time and size.',
  restore: `Usage: warraq restore FILE [--force] [--json]

Replaces the archive with the backup FILE, after checking it. The archive as it was is first
backed up ('pre-restore'), so the restore can be undone by restoring that backup. Close Warraq first.
A backup of another archive (its id differs) is refused unless --force is given.`,
  check: `Usage: warraq check [--json]

Runs SQLite's full integrity_check, the search index's own check, and the fixity check (each
article's checksum, each original file's SHA-256). Names every damaged article and the command
that restores it from the newest backup holding it intact. Exit code 1 if a problem is found.`,
  'restore-article': `Usage: warraq restore-article UID [--from BACKUP] [--json]

Saves the article UID as the backup holds it (by default the newest backup that holds it
intact) as its newest revision; the damaged state stays in its history.`
}

function archivePath(args: CliArgs): string {
  return resolveArchivePath(flagString(args, 'db'))
}

function size(bytes: number): string {
  return bytes > 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${(bytes / 1024).toFixed(1)} KB`
}

export async function backupCommand(args: CliArgs, out: Output): Promise<void> {
  const file = archivePath(args)
  if (!existsSync(file))
    throw new WarraqError('not_found', `No archive at ${file}.`, {
      key: 'archive.not_found',
      params: { path: file }
    })
  // read-only: no lock needed, so a backup can be taken while the app has the archive open
  const archive = openArchiveSafely(file, { readonly: true })
  try {
    const target = args.positionals[0]
    const made = target
      ? await backupArchive(archive, resolve(target))
      : await backupNow(archive, 'manual')
    out.result(made, () => `Backup written and checked: ${made.file} (${size(made.bytes)})`)
  } finally {
    archive.close()
  }
}

export function backupsCommand(args: CliArgs, out: Output): void {
  const file = archivePath(args)
  const backups = listBackups(file)
  out.result({ dir: backupsDir(file), backups }, () =>
    backups.length === 0
      ? `No backups yet in ${backupsDir(file)}.`
      : [
          `Backups in ${backupsDir(file)} (newest first):`,
          ...backups.map(
            (b) =>
              `  ${b.createdAt.replace('T', ' ').slice(0, 19)}  ${size(b.bytes).padStart(9)}  ${b.reason.padEnd(13)}  ${b.name}`
          )
        ].join('\n')
  )
}

export function restoreCommand(args: CliArgs, out: Output): void {
  const backup = args.positionals[0]
  if (!backup) throw new UsageError('restore needs a backup file: warraq restore FILE')
  const file = archivePath(args)
  const lock = acquireLock(file)
  let result
  try {
    result = restoreArchive(file, resolve(backup), { force: args.flags.has('force') })
  } finally {
    lock.release()
  }
  // open it once the normal way: migrations (with their own backup) and quick_check
  openFromArgs(args, true).close()
  pruneBackups(file)
  const restored = result
  out.result(restored, () =>
    [
      `Restored ${file} from ${restored.restoredFrom}.`,
      restored.undoBackup ? `To undo: warraq restore ${restored.undoBackup}` : '',
      ...restored.keptAside.map((f) => `Kept aside: ${f}`)
    ]
      .filter(Boolean)
      .join('\n')
  )
}

function damagedLine(d: DamagedRecord, file: string): string {
  const what =
    d.kind === 'article'
      ? `article "${d.title}" (${d.uid}): its text or metadata changed outside Warraq`
      : `original file ${d.fileName ?? ''} of "${d.title}" (${d.uid}): its bytes changed`
  if (!d.backup) return `  ${what}; no backup holds it intact.`
  if (d.kind === 'original') return `  ${what}; ${d.backup} holds it intact.`
  return `  ${what}. Restore it: warraq --db ${file} restore-article ${d.uid} --from ${d.backup}`
}

export function restoreArticleCommand(args: CliArgs, out: Output): void {
  const uid = args.positionals[0]
  if (!uid) throw new UsageError('restore-article needs an article uid: warraq restore-article UID')
  const archive = openFromArgs(args)
  try {
    const from = flagString(args, 'from')
    const backup = from ? resolve(from) : newestIntactBackup(archive, uid)
    if (!backup) {
      throw new WarraqError('not_found', `No backup of ${archive.file} holds ${uid} intact.`)
    }
    const article = restoreArticleFromBackup(archive, uid, backup)
    out.result(
      { uid, version: article.version, from: backup },
      () => `Restored "${article.title}" from ${backup} as version ${article.version}.`
    )
  } finally {
    archive.close()
  }
}

export function checkCommand(args: CliArgs, out: Output): number {
  const archive = openFromArgs(args)
  const file = archive.file
  try {
    const result = checkArchive(archive)
    out.result(result, () =>
      result.ok
        ? 'The archive and its search index are sound.'
        : [
            `Problems found in ${archive.file}:`,
            ...result.integrity.filter((l) => l !== 'ok').map((l) => `  ${l}`),
            result.index === 'ok'
              ? ''
              : `  search index: ${result.index} (run: warraq rebuild-index)`,
            ...result.damaged.map((d) => damagedLine(d, file)),
            'Make a backup before anything else: warraq backup FILE'
          ]
            .filter(Boolean)
            .join('\n')
    )
    return result.ok ? 0 : 1
  } finally {
    archive.close()
  }
}
