import type { Handlers } from '@shared/contract'
import type { ArchiveStatus, RecoveryReport } from '@shared/contract/recovery'
import { WarraqError } from '@shared/errors'
import { backupsDir, listBackups } from '../backup/backup'
import type { Archive } from '../db/open'
import type { RecoveryInfo } from '../db/open-safely'

/** The calls a session answers itself, in every state. */
export type SessionCalls = 'archive.status' | 'recovery.restore' | 'recovery.startEmpty'

/** Copies the parts of an open's recovery record that go to the renderer. */
export function reportOf(recovery: RecoveryInfo | undefined): RecoveryReport {
  return {
    events: [...(recovery?.events ?? [])],
    messages: [...(recovery?.messages ?? [])],
    notices: [...(recovery?.notices ?? [])],
    keptAside: [...(recovery?.keptAside ?? [])],
    preMigrationBackup: recovery?.preMigrationBackup ?? null,
    newestGoodBackup: recovery?.newestGoodBackup ?? null
  }
}

export function statusOf(
  file: string,
  state: ArchiveStatus['state'],
  recovery: RecoveryReport
): ArchiveStatus {
  return { state, file, backupsDir: backupsDir(file), recovery, backups: listBackups(file) }
}

export function archiveIsOpenError(): WarraqError {
  return new WarraqError(
    'conflict',
    'The archive is open and working: to go back to a backup, use Restore on the Backups screen.',
    { key: 'recovery.archive_is_open' }
  )
}

/**
 * The session calls for a host bound straight to an open archive (tests, scripts): the archive
 * is open, so there is nothing to recover. A session (`session.ts`) overrides them.
 */
export function openStatusHandlers(archive: Archive): Pick<Handlers, SessionCalls> {
  const recovery = 'recovery' in archive ? (archive.recovery as RecoveryInfo) : undefined
  return {
    'archive.status': () => statusOf(archive.file, 'open', reportOf(recovery)),
    'recovery.restore': () => {
      throw archiveIsOpenError()
    },
    'recovery.startEmpty': () => {
      throw archiveIsOpenError()
    }
  }
}
