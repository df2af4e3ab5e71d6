/**
 * Notices at the foot of the window: every failed call, and short confirmations with an undo.
 * A tiny store read with `useSyncExternalStore`, so any module (the query cache's error hook,
 * a click handler) can post one without a React context.
 */
import type { MessageParams } from '@shared/errors'
import { useSyncExternalStore } from 'react'
import type { MessageKey } from '../i18n/messages'

export type Notice =
  | { id: number; kind: 'error'; error: unknown }
  | {
      id: number
      kind: 'info'
      key: MessageKey
      params?: MessageParams
      undo?: () => Promise<unknown>
    }

type NewNotice =
  | { kind: 'error'; error: unknown }
  | { kind: 'info'; key: MessageKey; params?: MessageParams; undo?: () => Promise<unknown> }

let notices: Notice[] = []
let nextId = 1
const listeners = new Set<() => void>()

function emit(): void {
  for (const l of listeners) l()
}

/** How long a notice stays; an error stays until dismissed. */
const INFO_MS = 8000

export function postNotice(notice: NewNotice): number {
  const id = nextId++
  // at most a few at once: a burst of failures must not bury the window
  notices = [...notices.slice(-3), { ...notice, id } as Notice]
  emit()
  if (notice.kind === 'info') window.setTimeout(() => dismissNotice(id), INFO_MS)
  return id
}

export function dismissNotice(id: number): void {
  notices = notices.filter((n) => n.id !== id)
  emit()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useNotices(): Notice[] {
  return useSyncExternalStore(subscribe, () => notices)
}
