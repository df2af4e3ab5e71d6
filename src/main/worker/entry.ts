/**
 * The archive worker: owns the archive for a host (the desktop app, the browser host) on its own
 * thread, so a long search, import or check never freezes a window or the HTTP server. It opens
 * the session, then answers each `{id, name, input}` with `dispatch`'s result: the input is
 * validated here by the contract, and errors come back as data.
 */
import type { ImportProgress } from '@shared/contract/imports'
import { parentPort, workerData } from 'node:worker_threads'
import { dispatch, toErrorData } from '../core/api/dispatch'
import { startSession, type ArchiveSession } from '../core/api/session'
import { startBackupSchedule } from '../core/backup/schedule'
import { runOp } from './ops'
import type { FromWorker, ToWorker, WorkerOptions } from './protocol'

const port = parentPort
if (!port) throw new Error('The archive worker must run in a worker thread.')
const post = (message: FromWorker): void => port.postMessage(message)

function open(options: WorkerOptions): ArchiveSession | null {
  try {
    return startSession(options.file, {
      nativeBinding: options.nativeBinding,
      onOpen: options.backupSchedule
        ? (archive) =>
            startBackupSchedule(archive, {
              onError: (err) => console.error('[warraq] automatic backup failed:', err)
            })
        : undefined
    })
  } catch (err) {
    // locked by another Warraq, or made by a newer one: the host says so and stops
    post({ type: 'failed', error: toErrorData(err).toData() })
    return null
  }
}

/** the operations under way, so an abort message can stop one */
const running = new Map<number, AbortController>()

async function answer(session: ArchiveSession, message: ToWorker): Promise<void> {
  switch (message.type) {
    case 'call':
      post({
        type: 'result',
        id: message.id,
        result: await dispatch(session.handlers, message.name, message.input)
      })
      return
    case 'op': {
      const { id } = message
      const progress = (p: ImportProgress): void => post({ type: 'progress', id, progress: p })
      const controller = new AbortController()
      running.set(id, controller)
      try {
        const value = await runOp(session, message, progress, controller.signal)
        post({ type: 'result', id, result: { ok: true, value } })
      } catch (err) {
        post({ type: 'result', id, result: { ok: false, error: toErrorData(err).toData() } })
      } finally {
        running.delete(id)
      }
      return
    }
    case 'abort':
      running.get(message.id)?.abort()
      return
    case 'close':
      session.close()
      post({ type: 'closed', id: message.id })
      port?.close()
      return
  }
}

const session = open(workerData as WorkerOptions)
if (session) {
  port.on('message', (message: ToWorker) => void answer(session, message))
  post({ type: 'ready', status: session.status() })
}
