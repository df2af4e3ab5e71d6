import { z } from 'zod'
import type { MessageRef } from '../errors'
import type { BackupInfo } from './backups'

/** What happened while the archive was opened (see core/db/open-safely.ts). */
export type RecoveryEventName =
  'pre_migration_backup' | 'wal_kept_aside' | 'index_rebuilt' | 'moved_aside'

/** The part of an open's recovery record that is safe and useful to show the user. */
export interface RecoveryReport {
  events: RecoveryEventName[]
  /** plain sentences (English, from core, for the CLI and logs), one per event */
  messages: string[]
  /** the same as catalogue keys and parameters (shown in the interface's language) */
  notices: MessageRef[]
  /** files moved aside, never deleted */
  keptAside: string[]
  preMigrationBackup: string | null
  /** when the archive could not be opened: the newest backup that passes quick_check */
  newestGoodBackup: BackupInfo | null
}

/**
 * Where the host stands: 'open' (the archive works; `recovery` holds what the open did, such as
 * an index rebuilt, to show once as a notice) or 'recovery' (the archive was damaged and moved
 * aside; only `archive.status` and the `recovery.*` calls answer until it is restored).
 */
export interface ArchiveStatus {
  state: 'open' | 'recovery'
  /** the archive's path */
  file: string
  /** the folder its backups go to */
  backupsDir: string
  recovery: RecoveryReport
  /** the archive's backups, newest first */
  backups: BackupInfo[]
}

export const RecoveryRestoreInput = z
  .object({
    /** one of the archive's listed backups (its name or its path inside the backups folder) */
    file: z.string().min(1).max(4096)
  })
  .strict()
export type RecoveryRestoreInput = z.infer<typeof RecoveryRestoreInput>

/** Starting over is never a slip of the hand: the renderer asks first and says so. */
export const RecoveryStartEmptyInput = z.object({ confirm: z.literal(true) }).strict()
export type RecoveryStartEmptyInput = z.infer<typeof RecoveryStartEmptyInput>
