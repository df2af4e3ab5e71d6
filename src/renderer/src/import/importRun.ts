/**
 * The running import, outside React so it survives navigation: the files are read and sent in
 * batches of a few megabytes, one `import.files` call each, so the window never freezes, the
 * progress is the archive's own, and Cancel takes effect between two batches.
 */
import { useSyncExternalStore } from 'react'
import type {
  DuplicatePolicy,
  ImportFormatChoice,
  ImportSummary,
  MappableField
} from '@shared/contract/imports'
import { announceChange } from '../data/queryClient'
import { api } from '../api/client'
import { toBase64 } from './base64'
import type { PickedFile } from './picked'

/** Bytes per call: small enough to answer within a second, large enough to keep rates high. */
export const BATCH_BYTES = 4 * 1024 * 1024
const BATCH_FILES = 200
/** The browser host takes 64 MB per request; base64 adds a third. */
export const MAX_UPLOAD_BYTES = 40 * 1024 * 1024

export type ImportPhase = 'idle' | 'running' | 'done' | 'cancelled' | 'error'

export interface ImportRunState {
  phase: ImportPhase
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
  records: { done: number; total: number; perSecond: number } | null
  error: string | null
}

const IDLE: ImportRunState = {
  phase: 'idle',
  filesTotal: 0,
  filesDone: 0,
  bytesTotal: 0,
  bytesDone: 0,
  startedAt: 0,
  finishedAt: null,
  summary: null,
  articles: 0,
  records: null,
  error: null
}

let state = IDLE
let cancelRequested = false
let desktopRunning = false
/** How often the page asks main how far the desktop import has got. */
const PROGRESS_POLL_MS = 400
const listeners = new Set<() => void>()

function set(next: Partial<ImportRunState>): void {
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

export function cancelImport(): void {
  cancelRequested = true
  // the desktop import runs in the archive worker: it stops there, between two files
  if (desktopRunning) api['desktop.importCancel']({}).catch(() => undefined)
}

export function resetImport(): void {
  if (state.phase !== 'running') set(IDLE)
}

/** Cuts the files into batches by size and count; a file over the batch size travels alone. */
export function batches(files: PickedFile[]): PickedFile[][] {
  const out: PickedFile[][] = []
  let current: PickedFile[] = []
  let size = 0
  for (const f of files) {
    if (current.length > 0 && (size + f.file.size > BATCH_BYTES || current.length >= BATCH_FILES)) {
      out.push(current)
      current = []
      size = 0
    }
    current.push(f)
    size += f.file.size
  }
  if (current.length > 0) out.push(current)
  return out
}

export interface ImportChoices {
  format: ImportFormatChoice
  duplicates: DuplicatePolicy
  /** the user's names for a structured file's fields, from the mapping step */
  mapping?: Record<string, MappableField>
}

/** The files of the last browser import by report path, so one can be sent again mapped. */
let lastPicked = new Map<string, PickedFile>()
export function pickedFile(path: string): PickedFile | undefined {
  return lastPicked.get(path)
}
let lastChoices: ImportChoices = { format: 'auto', duplicates: 'skip' }
export function lastImportChoices(): ImportChoices {
  return lastChoices
}

/**
 * Asks the archive how far the call in flight has got, so one big file shows its records as
 * they land instead of nothing until the call returns.
 */
function pollRecords(): () => void {
  const timer = window.setInterval(() => {
    api['import.progress']({}).then(
      (p) => {
        const r = p.progress
        if (!p.running || !r || r.recordsDone === undefined || state.phase !== 'running') return
        set({
          records: {
            done: r.recordsDone,
            total: r.recordsTotal ?? r.recordsDone,
            perSecond: r.recordsPerSecond ?? 0
          }
        })
      },
      () => undefined
    )
  }, PROGRESS_POLL_MS)
  return () => window.clearInterval(timer)
}

async function readBatch(batch: PickedFile[]) {
  const files: { name: string; base64: string }[] = []
  const rejected: { name: string; reason: string }[] = []
  for (const { file, path } of batch) {
    if (file.size > MAX_UPLOAD_BYTES) {
      rejected.push({
        name: path,
        reason: `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB, too large to send from this window; import it with the command line: warraq import PATH`
      })
      continue
    }
    try {
      files.push({ name: path, base64: toBase64(new Uint8Array(await file.arrayBuffer())) })
    } catch (err) {
      rejected.push({ name: path, reason: `The file could not be read: ${(err as Error).message}` })
    }
  }
  return { files, rejected }
}

/** Starts an import unless one is running; resolves when it ends. */
export async function startImport(picked: PickedFile[], choices: ImportChoices): Promise<void> {
  if (state.phase === 'running' || picked.length === 0) return
  cancelRequested = false
  lastPicked = new Map(picked.map((p) => [p.path, p]))
  lastChoices = choices
  set({
    ...IDLE,
    phase: 'running',
    filesTotal: picked.length,
    bytesTotal: picked.reduce((n, p) => n + p.file.size, 0),
    startedAt: Date.now()
  })
  let reportUid: string | undefined
  const all = batches(picked)
  try {
    for (let i = 0; i < all.length; i++) {
      if (cancelRequested) break
      const { files, rejected } = await readBatch(all[i])
      const stopPolling = pollRecords()
      const summary = await api['import.files']({
        files,
        rejected,
        reportUid,
        format: choices.format,
        duplicates: choices.duplicates,
        ...(choices.mapping ? { mapping: choices.mapping } : {}),
        final: i === all.length - 1
      }).finally(stopPolling)
      reportUid = summary.reportUid
      // the sidebar's counts and an open library follow the import batch by batch
      announceChange()
      set({
        summary,
        records: null,
        filesDone: state.filesDone + all[i].length,
        bytesDone: state.bytesDone + all[i].reduce((n, p) => n + p.file.size, 0)
      })
    }
    if (cancelRequested && reportUid && state.filesDone < state.filesTotal) {
      const summary = await api['import.files']({
        files: [],
        reportUid,
        cancelled: true,
        final: true
      })
      set({ summary })
    }
    set({ phase: cancelRequested ? 'cancelled' : 'done', finishedAt: Date.now() })
  } catch (err) {
    set({ phase: 'error', error: (err as Error).message, finishedAt: Date.now() })
  }
}

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

/**
 * The desktop app's import: main shows the open dialog and the archive worker reads the chosen
 * files or folder from disk (any size, nothing sent through the window). Resolves when it ends;
 * a cancelled dialog leaves the page as it was.
 */
export async function startDesktopImport(
  pick: 'files' | 'folder',
  choices: ImportChoices
): Promise<void> {
  if (state.phase === 'running') return
  const before = state
  cancelRequested = false
  desktopRunning = true
  set({ ...IDLE, phase: 'running', startedAt: Date.now() })
  const poll = window.setInterval(() => {
    api['desktop.importProgress']({}).then(
      (p) => p.running && set({ filesDone: p.filesDone, articles: p.articles }),
      () => undefined
    )
  }, PROGRESS_POLL_MS)
  try {
    const answer = await api['desktop.importChosen']({
      pick,
      format: choices.format,
      duplicates: choices.duplicates
    })
    if (!answer.chosen) {
      set(before)
      return
    }
    const summary = answer.result
    window.dispatchEvent(new Event('warraq:changed'))
    const files = summary.files.length
    set({
      summary,
      filesTotal: files,
      filesDone: files,
      phase: summary.cancelled ? 'cancelled' : 'done',
      finishedAt: Date.now()
    })
  } catch (err) {
    set({ phase: 'error', error: (err as Error).message, finishedAt: Date.now() })
  } finally {
    window.clearInterval(poll)
    desktopRunning = false
  }
}
