/**
 * The state of the running import, outside React so it survives navigation: the browser's
 * upload (importRun.ts) and the desktop dialog's import (desktopImport.ts) both write it, and
 * the Import page reads it.
 */
import { useSyncExternalStore } from 'react'
import type { DesktopMappable } from '@shared/contract/desktop'
import type {
  DuplicatePolicy,
  ImportFormatChoice,
  ImportSummary,
  MappableField
} from '@shared/contract/imports'

export type ImportPhase = 'idle' | 'running' | 'done' | 'cancelled' | 'error'

export interface RecordsProgress {
  done: number
  total: number
  perSecond: number
}

export interface ImportRunState {
  phase: ImportPhase
  /** which kind of import is (or was last) under way */
  kind: 'upload' | 'desktop'
  filesTotal: number
  filesDone: number
  bytesTotal: number
  bytesDone: number
  startedAt: number
  /** when the last batch came back, so the rate stays right once the import ends */
  finishedAt: number | null
  summary: ImportSummary | null
  /** articles imported so far, while no summary has come back yet (the desktop import) */
  articles: number
  /** inside the one big file being imported: records written, of how many, how fast */
  records: RecordsProgress | null
  /** Stop was pressed: the import ends at the next chunk */
  stopping: boolean
  /** the desktop import's files the mapping step can take, by the handle main keeps */
  mappable: DesktopMappable[]
  error: string | null
}

export interface ImportChoices {
  format: ImportFormatChoice
  duplicates: DuplicatePolicy
  /** the user's names for a structured file's fields, from the mapping step */
  mapping?: Record<string, MappableField>
}

export const IDLE: ImportRunState = {
  phase: 'idle',
  kind: 'upload',
  filesTotal: 0,
  filesDone: 0,
  bytesTotal: 0,
  bytesDone: 0,
  startedAt: 0,
  finishedAt: null,
  summary: null,
  articles: 0,
  records: null,
  stopping: false,
  mappable: [],
  error: null
}

let state = IDLE
const listeners = new Set<() => void>()

export function current(): ImportRunState {
  return state
}

export function set(next: Partial<ImportRunState>): void {
  state = { ...state, ...next }
  for (const listener of listeners) listener()
}

export function useImportRun(): ImportRunState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => state
  )
}

export function resetImport(): void {
  if (state.phase !== 'running') set(IDLE)
}

/** How often the page asks how far the call in flight has got. */
export const PROGRESS_POLL_MS = 400

/** Files per second so far, and the seconds left at that pace (by bytes, since sizes vary). */
export function pace(
  s: ImportRunState,
  now = Date.now()
): { rate: number; secondsLeft: number | null } {
  const seconds = ((s.finishedAt ?? now) - s.startedAt) / 1000
  if (seconds <= 0 || s.filesDone === 0) return { rate: 0, secondsLeft: null }
  const rate = s.filesDone / seconds
  const bytesPerSecond = s.bytesDone / seconds
  const secondsLeft = bytesPerSecond > 0 ? (s.bytesTotal - s.bytesDone) / bytesPerSecond : null
  return { rate, secondsLeft }
}
