import { WarraqError } from '@shared/errors'
import type { ImportProgress } from '@shared/contract/imports'
import { existsSync, renameSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { ArchiveSession } from '../core/api/session'
import { backupArchive, describeBackup } from '../core/backup/backup'
import type { SafeArchive } from '../core/db/open-safely'
import { exportToFile } from '../core/export/service'
import { expandFile, expandPaths } from '../core/import/expand'
import { previewBytes } from '../core/import/preview'
import { importFiles } from '../core/import/pipeline'
import type { WorkerOp } from './protocol'

function openArchiveOf(session: ArchiveSession): SafeArchive {
  const archive = session.archive()
  if (!archive) {
    throw new WarraqError(
      'damaged',
      'The archive is damaged and was kept aside: restore a backup first.',
      { key: 'archive.damaged' }
    )
  }
  return archive
}

/**
 * A backup to a path the user chose in a save dialog that already asked before replacing: the
 * backup is made beside it under a fresh name and renamed over it, so the old file stays whole
 * until the new one is complete.
 */
async function backupTo(archive: SafeArchive, path: string): Promise<unknown> {
  if (!existsSync(path)) return backupArchive(archive, path)
  const fresh = join(dirname(path), `.${basename(path)}.${process.pid}-${Date.now()}.new`)
  await backupArchive(archive, fresh)
  renameSync(fresh, path)
  return describeBackup(path)
}

/** A file's preview, read from disk with the import's own size cap (a zip has no fields). */
async function previewPath(
  path: string,
  format: Extract<WorkerOp, { op: 'previewPath' }>['format']
): Promise<unknown> {
  for await (const item of expandFile(path)) {
    if ('failed' in item) {
      throw new WarraqError('import_failed', item.failed.reason, {
        key: item.failed.reasonRef?.key ?? 'import.unreadable',
        params: item.failed.reasonRef?.params ?? { detail: item.failed.reason }
      })
    }
    return previewBytes(item.file.name, item.file.bytes, format)
  }
  throw new WarraqError('not_found', 'No such file or folder.', { key: 'import.not_found' })
}

/** Runs one shell-side operation in the worker, on the session's archive. */
export async function runOp(
  session: ArchiveSession,
  op: WorkerOp,
  onProgress: (progress: ImportProgress) => void,
  signal: AbortSignal
): Promise<unknown> {
  switch (op.op) {
    case 'importPaths':
      return importFiles(openArchiveOf(session), expandPaths(op.paths), {
        format: op.format,
        duplicates: op.duplicates,
        ...(op.mapping ? { mapping: op.mapping } : {}),
        onProgress,
        signal
      })
    case 'previewPath':
      return previewPath(op.path, op.format)
    case 'exportTo':
      // the path comes from the native save dialog, which already asked before replacing a file
      return exportToFile(
        openArchiveOf(session),
        { ...op.options, path: op.path, overwrite: true },
        { signal }
      )
    case 'backupTo':
      return backupTo(openArchiveOf(session), op.path)
    case 'restoreFrom':
      return session.restoreFrom(op.path)
  }
}
