import { z } from 'zod'

/** Why a backup was made: daily ones are 'auto', the others are kept longer by the rotation. */
export type BackupReason = 'auto' | 'manual' | 'pre-migration' | 'pre-restore'

export interface BackupInfo {
  /** absolute path */
  file: string
  /** file name, `warraq-YYYYMMDD-HHMMSS[-reason].db` */
  name: string
  /** ISO time the backup was made (from its name, which copies keep, unlike mtime) */
  createdAt: string
  bytes: number
  reason: BackupReason
}

export interface BackupList {
  /** the folder the automatic backups go to */
  dir: string
  /** newest first */
  backups: BackupInfo[]
}

export interface RestoreResult {
  /** the backup that is now the archive */
  restoredFrom: string
  /** the archive as it was just before, to undo the restore; null if there was none to keep */
  undoBackup: string | null
  /** files kept aside rather than deleted (a damaged archive, an unreadable -wal) */
  keptAside: string[]
  /** the host reopened the archive: every view must reload its data */
  reopened: boolean
}

export interface CheckResult {
  ok: boolean
  /** `PRAGMA integrity_check` lines: ['ok'] when sound */
  integrity: string[]
  /** the full-text index's own check: 'ok' or the error */
  index: string
  /** fixity: articles or original files whose checksum no longer matches what is stored */
  damaged: DamagedRecord[]
  checkedAt: string
}

export interface DamagedRecord {
  kind: 'article' | 'original'
  /** the article (for an original: the first article imported from it) */
  uid: string
  title: string
  fileName?: string
  /** the newest backup that holds it intact (a file of the list), or null if none does */
  backup: string | null
}

export const ArticleFromBackupInput = z
  .object({
    uid: z.string().min(1).max(200),
    /** a backup of the list (its name or its path inside the backups folder) */
    backup: z.string().min(1).max(4096)
  })
  .strict()

export const BackupRestoreInput = z
  .object({
    /** a backup of the list (its name or its path inside the backups folder) */
    file: z.string().min(1).max(4096)
  })
  .strict()
export type BackupRestoreInput = z.infer<typeof BackupRestoreInput>
