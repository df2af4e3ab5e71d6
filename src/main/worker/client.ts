/**
 * The host side of the archive worker: starts it, gives the host a `Handlers`-shaped proxy of
 * the contract, runs the shell's path operations with their progress, and turns a crash of the
 * worker into error results (never a promise left hanging), restarting it a few times.
 */
import { CALL_NAMES, type Handlers } from '@shared/contract'
import type { ArchiveStatus } from '@shared/contract/recovery'
import type { ImportProgress } from '@shared/contract/imports'
import { WarraqError, type ErrorData, type Result } from '@shared/errors'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { FromWorker, ToWorker, WorkerOp, WorkerOptions } from './protocol'

const HERE = dirname(fileURLToPath(import.meta.url))
/** More crashes than this in a row and the worker is not started again: something is wrong. */
const MAX_RESTARTS = 3

/**
 * The worker's file: `worker.js` beside the built main process (or one folder up from a shared
 * chunk), else the TypeScript source through tsx.
 */
export function defaultWorkerEntry(): URL {
  for (const built of [join(HERE, 'worker.js'), join(HERE, '..', 'worker.js')]) {
    if (existsSync(built)) return pathToFileURL(built)
  }
  return pathToFileURL(join(HERE, 'from-source.mjs'))
}

export interface ArchiveWorkerOptions extends WorkerOptions {
  /** the worker file; `defaultWorkerEntry()` when absent */
  entry?: URL
  /** told when the worker stopped unexpectedly (and whether it was started again) */
  onCrash?: (error: ErrorData, restarted: boolean) => void
}

export interface ArchiveWorker {
  readonly file: string
  /** the contract, answered by the worker: rejects with a WarraqError built from the error data */
  readonly handlers: Handlers
  /** one call, its result as data */
  call(name: string, input: unknown): Promise<Result<unknown>>
  /** a path operation chosen in the shell (import, export, backup, restore), with progress */
  run(
    op: WorkerOp,
    onProgress?: (progress: ImportProgress) => void,
    signal?: AbortSignal
  ): Promise<Result<unknown>>
  close(): Promise<void>
}

type Spawned = { worker: Worker; status: ArchiveStatus } | { error: ErrorData }

interface Pending {
  worker: Worker
  resolve: (result: Result<unknown>) => void
  onProgress?: (progress: ImportProgress) => void
}

function crashError(reason: string, restarted: boolean): ErrorData {
  return {
    code: 'internal',
    message: `The archive worker stopped unexpectedly (${reason}); ${
      restarted ? 'it was started again: try once more.' : 'restart Warraq.'
    }`,
    key: restarted ? 'archive.worker_restarted' : 'archive.worker_stopped',
    params: { reason }
  }
}

export function errorFromData(error: ErrorData): WarraqError {
  return new WarraqError(
    error.code,
    error.message,
    error.key ? { key: error.key, params: error.params } : undefined
  )
}

/**
 * Starts the worker and waits until the archive is open (or in recovery). Rejects with the
 * worker's error when the archive cannot be opened at all (locked, newer schema).
 */
export async function startArchiveWorker(
  options: ArchiveWorkerOptions
): Promise<{ worker: ArchiveWorker; status: ArchiveStatus }> {
  const { entry = defaultWorkerEntry(), onCrash, ...workerData } = options
  const pending = new Map<number, Pending>()
  let nextId = 1
  let restarts = 0
  let closing = false

  const spawn = (): Promise<Spawned> =>
    new Promise((settle) => {
      const worker = new Worker(entry, { workerData })
      let ready = false
      let lastError = 'no reason given'
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') {
          ready = true
          settle({ worker, status: message.status })
        } else if (message.type === 'failed') {
          settle({ error: message.error })
        } else if (message.type === 'progress') {
          pending.get(message.id)?.onProgress?.(message.progress)
        } else {
          // the worker did some work: its crashes are no longer "in a row"
          restarts = 0
          const waiting = pending.get(message.id)
          pending.delete(message.id)
          waiting?.resolve(message.type === 'result' ? message.result : { ok: true, value: null })
        }
      })
      worker.on('error', (err) => {
        lastError = err.message
      })
      worker.on('exit', (code) => {
        if (!ready) {
          settle({ error: crashError(`${lastError}, exit code ${code}`, false) })
          return
        }
        const restarted = !closing && restarts < MAX_RESTARTS
        const error = crashError(`${lastError}, exit code ${code}`, restarted)
        for (const [id, waiting] of pending) {
          if (waiting.worker !== worker) continue
          pending.delete(id)
          waiting.resolve(closing ? { ok: true, value: null } : { ok: false, error })
        }
        if (closing) return
        if (restarted) {
          restarts++
          current = spawn()
        } else {
          current = Promise.resolve({ error })
        }
        onCrash?.(error, restarted)
      })
    })

  let current = spawn()
  const first = await current
  if ('error' in first) throw errorFromData(first.error)

  const send = async (
    message: (id: number) => ToWorker,
    onProgress?: (progress: ImportProgress) => void,
    signal?: AbortSignal
  ): Promise<Result<unknown>> => {
    const spawned = await current
    if ('error' in spawned) return { ok: false, error: spawned.error }
    const id = nextId++
    const abort = (): void => spawned.worker.postMessage({ type: 'abort', id } satisfies ToWorker)
    signal?.addEventListener('abort', abort, { once: true })
    return new Promise<Result<unknown>>((resolve) => {
      pending.set(id, { worker: spawned.worker, resolve, onProgress })
      spawned.worker.postMessage(message(id))
    }).finally(() => signal?.removeEventListener('abort', abort))
  }

  const call = (name: string, input: unknown): Promise<Result<unknown>> =>
    send((id) => ({ type: 'call', id, name, input }))

  const handlers = Object.fromEntries(
    CALL_NAMES.map((name) => [
      name,
      async (input: unknown) => {
        const result = await call(name, input)
        if (!result.ok) throw errorFromData(result.error)
        return result.value
      }
    ])
  ) as unknown as Handlers

  return {
    status: first.status,
    worker: {
      file: options.file,
      handlers,
      call,
      run: (op, onProgress, signal) =>
        send((id) => ({ type: 'op', id, ...op }), onProgress, signal),
      async close() {
        const spawned = await current
        closing = true
        if ('error' in spawned) return
        // the worker closes the archive (stopping its backups, letting go of the lock) first
        await send((id) => ({ type: 'close', id }))
        await spawned.worker.terminate()
      }
    }
  }
}
