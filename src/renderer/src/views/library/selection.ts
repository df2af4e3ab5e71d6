import type { Selection } from '@shared/contract/bulk'
import type { ListFilter } from '@shared/contract/articles'

/**
 * What is selected: uids picked one by one, or everything the filter shows (Ctrl+A over a
 * million rows, never loaded) except the ones unticked.
 */
export type Picked = { all: false; uids: Set<string> } | { all: true; except: Set<string> }

export const NONE: Picked = { all: false, uids: new Set() }

export function isPicked(p: Picked, uid: string): boolean {
  return p.all ? !p.except.has(uid) : p.uids.has(uid)
}

export function pickedCount(p: Picked, total: number): number {
  return p.all ? total - p.except.size : p.uids.size
}

export function toggle(p: Picked, uid: string): Picked {
  const set = new Set(p.all ? p.except : p.uids)
  if (set.has(uid)) set.delete(uid)
  else set.add(uid)
  return p.all ? { all: true, except: set } : { all: false, uids: set }
}

export function only(uids: string[]): Picked {
  return { all: false, uids: new Set(uids) }
}

export function toSelection(p: Picked, filter: ListFilter): Selection {
  return p.all
    ? { kind: 'all', filter, except: [...p.except] }
    : { kind: 'uids', uids: [...p.uids] }
}

/** Tells the sidebar and open lists that the archive changed (through the data layer). */
export { announceChange } from '../../data/queryClient'

export const DRAG_TYPE = 'application/x-warraq-articles'
