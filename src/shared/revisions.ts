import type { MessageRef } from './errors'

/**
 * The label of a revision as a catalogue key, from the reason the archive stores with it
 * ('create', 'import', 'edit', 'restore 3', 'bulk', 'undo bulk', 'merge <uid>'): the stored
 * reasons stay as they are (archives already hold them), the interface translates the key.
 */
export function revisionLabel(reason: string): MessageRef {
  switch (reason) {
    case 'create':
    case 'import':
    case 'edit':
    case 'bulk':
      return { key: `revision.${reason}` }
    case 'undo bulk':
      return { key: 'revision.undo_bulk' }
  }
  const restore = /^restore (\d+)$/.exec(reason)
  if (restore) return { key: 'revision.restore', params: { version: Number(restore[1]) } }
  const merge = /^merge (\S+)$/.exec(reason)
  if (merge) return { key: 'revision.merge', params: { uid: merge[1] } }
  return { key: 'revision.other', params: { reason } }
}
