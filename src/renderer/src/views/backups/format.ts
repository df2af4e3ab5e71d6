import type { BackupReason } from '@shared/contract/backups'
import type { RecoveryEventName } from '@shared/contract/recovery'
import type { MessageKey } from '../../i18n/catalogue'

export const REASON_KEY: Record<BackupReason, MessageKey> = {
  auto: 'backupReasonAuto',
  manual: 'backupReasonManual',
  'pre-migration': 'backupReasonPreMigration',
  'pre-restore': 'backupReasonPreRestore'
}

/** What each event of an open means, in plain words of the interface's language. */
export const EVENT_KEY: Record<RecoveryEventName, MessageKey> = {
  moved_aside: 'recoveryEventMovedAside',
  wal_kept_aside: 'recoveryEventWalKeptAside',
  index_rebuilt: 'recoveryEventIndexRebuilt',
  pre_migration_backup: 'recoveryEventPreMigration'
}

const MB = 1024 * 1024

/** A file's size in kB or MB; `tag` is the I18nProvider's, so the digit setting applies. */
export function formatBytes(bytes: number, tag: string): string {
  const big = bytes >= MB
  return new Intl.NumberFormat(tag, {
    style: 'unit',
    unit: big ? 'megabyte' : 'kilobyte',
    unitDisplay: 'short',
    maximumFractionDigits: 1
  }).format(big ? bytes / MB : Math.max(bytes / 1024, 0.1))
}
