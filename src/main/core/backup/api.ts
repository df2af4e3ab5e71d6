import type { Handlers } from '@shared/contract'
import { WarraqError } from '@shared/errors'
import { basename, dirname, resolve } from 'node:path'
import type { Archive } from '../db/open'
import { backupNow, backupsDir, listBackups } from './backup'
import { restoreArticleFromBackup } from './article-from-backup'
import { checkArchive } from './check'
import { restoreInPlace } from './restore'
import { pruneBackups } from './rotation'

type BackupCalls =
  | 'backups.list'
  | 'backups.create'
  | 'backups.restore'
  | 'archive.check'
  | 'articles.restoreFromBackup'

/**
 * The file to restore must be one of the archive's listed backups: a renderer (or a page that
 * got hold of the browser host's token) cannot make the app read an arbitrary path. Restoring a
 * file from elsewhere goes through the CLI or a native file dialog in the shell.
 */
export function listedBackup(archiveFile: string, file: string): string {
  const dir = backupsDir(archiveFile)
  const wanted = resolve(dir, file)
  const found = listBackups(archiveFile).find((b) => resolve(b.file) === wanted)
  if (!found || dirname(wanted) !== resolve(dir)) {
    throw new WarraqError('not_found', `No backup named ${basename(file)} in ${dir}.`, {
      key: 'backup.not_found',
      params: { name: basename(file) }
    })
  }
  return found.file
}

export function backupHandlers(archive: Archive): Pick<Handlers, BackupCalls> {
  return {
    'backups.list': () => ({ dir: backupsDir(archive.file), backups: listBackups(archive.file) }),
    'backups.create': async () => {
      const made = await backupNow(archive, 'manual')
      pruneBackups(archive.file)
      return made
    },
    'backups.restore': ({ file }) => restoreInPlace(archive, listedBackup(archive.file, file)),
    'archive.check': () => checkArchive(archive),
    'articles.restoreFromBackup': ({ uid, backup }) =>
      restoreArticleFromBackup(archive, uid, listedBackup(archive.file, backup))
  }
}
