/**
 * The messages between a host's main thread and the archive worker. Plain data only: they are
 * copied by the structured clone of `postMessage`.
 */
import type { ArchiveStatus } from '@shared/contract/recovery'
import type {
  DuplicatePolicy,
  ImportFormatChoice,
  ImportProgress,
  MappableField
} from '@shared/contract/imports'
import type { ExportOptionsInput } from '@shared/contract/exports'
import type { ErrorData, Result } from '@shared/errors'

/** What the worker needs to open the archive; functions cannot cross, so hooks are flags. */
export interface WorkerOptions {
  file: string
  /** better-sqlite3 built for Electron's ABI, when the host is Electron */
  nativeBinding?: string
  /** run the daily backup schedule while the archive is open */
  backupSchedule?: boolean
}

/** Work the shell asks for with a path it chose in a native dialog; not contract calls. */
export type WorkerOp =
  | {
      op: 'importPaths'
      paths: string[]
      format?: ImportFormatChoice
      duplicates?: DuplicatePolicy
      /** the user's field names, when a file is imported again from the mapping step */
      mapping?: Record<string, MappableField>
    }
  /** the fields and first records of one file the dialog chose (the mapping step) */
  | { op: 'previewPath'; path: string; format: ImportFormatChoice }
  | { op: 'exportTo'; options: ExportOptionsInput; path: string }
  | { op: 'backupTo'; path: string }
  | { op: 'restoreFrom'; path: string }

export type ToWorker =
  | { type: 'call'; id: number; name: string; input: unknown }
  | ({ type: 'op'; id: number } & WorkerOp)
  /** stops the operation `id` (an import) between two files */
  | { type: 'abort'; id: number }
  | { type: 'close'; id: number }

export type FromWorker =
  | { type: 'ready'; status: ArchiveStatus }
  | { type: 'failed'; error: ErrorData }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'progress'; id: number; progress: ImportProgress }
  | { type: 'closed'; id: number }
