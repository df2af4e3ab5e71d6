/**
 * Unsaved work kept in localStorage while editing, so a crash or a closed window loses nothing
 * typed. One draft per article, tied to the version it was based on.
 */
import type { Anchor } from '@shared/editor/anchors'
import type { MetaDraft } from './meta'

export interface ArticleDraft {
  uid: string
  /** the saved version the draft started from */
  version: number
  body: string
  meta: MetaDraft
  /** annotation ranges mapped into `body` */
  anchors: Anchor[]
  savedAt: string
}

const key = (uid: string): string => `warraq.draft.${uid}`

export function readDraft(uid: string): ArticleDraft | null {
  try {
    const raw = localStorage.getItem(key(uid))
    if (!raw) return null
    const draft = JSON.parse(raw) as ArticleDraft
    return draft.uid === uid && typeof draft.body === 'string' ? draft : null
  } catch {
    return null
  }
}

export function writeDraft(draft: ArticleDraft): void {
  try {
    localStorage.setItem(key(draft.uid), JSON.stringify(draft))
  } catch {
    // storage full or disabled: the editor keeps working, the save button still saves
  }
}

export function clearDraft(uid: string): void {
  localStorage.removeItem(key(uid))
}
