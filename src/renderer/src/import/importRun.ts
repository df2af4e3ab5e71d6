/**
 * The browser host's import: the files are read and sent in batches of a few megabytes, one
 * `import.files` call each, so the window never freezes, the progress is the archive's own, and
 * Stop takes effect at the next chunk, inside one big file too (`import.stop`).
 */
import type { DesktopMappable } from '@shared/contract/desktop'
import type { ImportSummary } from '@shared/contract/imports'
import type { PickedFile } from './picked'
import { announceChange } from '../data/queryClient'
import { api } from '../api/client'
import { toBase64 } from './base64'
import { current, IDLE, PROGRESS_POLL_MS, set, type ImportChoices } from './importStore'

export { pace, resetImport, useImportRun } from './importStore'
export type { ImportChoices, ImportPhase, ImportRunState } from './importStore'

/** Bytes per call: small enough to answer within a second, large enough to keep rates high. */
export const BATCH_BYTES = 4 * 1024 * 1024
const BATCH_FILES = 200
/** The browser host takes 64 MB per request; base64 adds a third. */
export const MAX_UPLOAD_BYTES = 40 * 1024 * 1024

let cancelRequested = false

/**
 * Stop: the upload stops between two batches, and the call in flight at its next chunk; the
 * desktop import stops in the archive worker the same way. What landed stays, reported.
 */
export function cancelImport(): void {
  const state = current()
  if (state.phase !== 'running') return
  cancelRequested = true
  set({ stopping: true })
  const stop = state.kind === 'desktop' ? api['desktop.importCancel'] : api['import.stop']
  stop({}).catch(() => undefined)
}

/** Cuts the files into batches by size and count; a file over the batch size travels alone. */
export function batches(files: PickedFile[]): PickedFile[][] {
  const out: PickedFile[][] = []
  let batch: PickedFile[] = []
  let size = 0
  for (const f of files) {
    if (batch.length > 0 && (size + f.file.size > BATCH_BYTES || batch.length >= BATCH_FILES)) {
      out.push(batch)
      batch = []
      size = 0
    }
    batch.push(f)
    size += f.file.size
  }
  if (batch.length > 0) out.push(batch)
  return out
}

/** The files of the browser imports by report path, so one can be sent again mapped. */
let lastPicked = new Map<string, PickedFile>()
export function pickedFile(path: string): PickedFile | undefined {
  return lastPicked.get(path)
}
/** The files of the last run, which Resume sends again. */
let lastRun: PickedFile[] = []

/**
 * The failed JSON and CSV files the mapping step can take, by report path: this run's, and
 * after a mapped run also those of the runs before that it did not touch.
 */
function mappableAfter(summary: ImportSummary, mapped: boolean): DesktopMappable[] {
  const reported = new Set(summary.files.map((f) => f.path))
  const kept = mapped ? current().mappable.filter((m) => !reported.has(m.path)) : []
  const failed = summary.files
    .filter((f) => f.status === 'failed' && (f.format === 'json' || f.format === 'csv'))
    .filter((f) => lastPicked.has(f.path))
    .map((f) => ({ handle: f.path, path: f.path }))
  return [...kept, ...failed]
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
  // one question at a time: a host slow to answer is not sent a queue of them
  let asking = false
  const timer = window.setInterval(() => {
    if (asking) return
    asking = true
    api['import.progress']({})
      .finally(() => (asking = false))
      .then(
        (p) => {
          const r = p.progress
          if (!p.running || !r || r.recordsDone === undefined || current().phase !== 'running')
            return
          set({
            // the report's articles so far, the calls before this one included
            articles: r.articles,
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
  if (current().phase === 'running' || picked.length === 0) return
  cancelRequested = false
  const mapped = choices.mapping !== undefined
  const previous = current().mappable
  lastPicked = new Map([...(mapped ? lastPicked : []), ...picked.map((p) => [p.path, p] as const)])
  lastRun = picked
  lastChoices = choices
  set({
    ...IDLE,
    mappable: previous,
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
      const state = current()
      set({
        summary,
        records: null,
        filesDone: state.filesDone + all[i].length,
        bytesDone: state.bytesDone + all[i].reduce((n, p) => n + p.file.size, 0)
      })
    }
    const state = current()
    if (cancelRequested && reportUid && !state.summary?.cancelled) {
      const summary = await api['import.files']({
        files: [],
        reportUid,
        cancelled: true,
        final: true
      })
      set({ summary })
    }
    const last = current().summary
    set({
      phase: cancelRequested ? 'cancelled' : 'done',
      stopping: false,
      mappable: last ? mappableAfter(last, mapped) : [],
      finishedAt: Date.now()
    })
  } catch (err) {
    set({ phase: 'error', stopping: false, error: (err as Error).message, finishedAt: Date.now() })
  }
}

/**
 * After a Stop: the same files again. What landed is found in the archive and skipped as an
 * exact duplicate whatever the duplicates choice was, so only the rest is imported.
 */
export function resumeImport(): Promise<void> {
  return startImport(lastRun, { ...lastChoices, duplicates: 'skip' })
}

/** The last import can be resumed: it was stopped and its files are still at hand. */
export function canResume(): boolean {
  const state = current()
  return state.phase === 'cancelled' && state.kind === 'upload' && lastRun.length > 0
}
