import { WarraqError } from '@shared/errors'

/** Turns SQLite's low-level failures into messages a person can act on. */
export function describeSqliteError(err: unknown): WarraqError | null {
  if (!(err instanceof Error)) return null
  const code = (err as Error & { code?: string }).code ?? ''
  if (code === 'SQLITE_FULL' || /database or disk is full/i.test(err.message)) {
    return new WarraqError(
      'disk_full',
      'The disk is full: nothing from this change was saved. Free some space and try again; everything saved before is intact.',
      { key: 'archive.disk_full' }
    )
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new WarraqError(
      'io_error',
      `The archive file could not be written (${code}). Nothing from this change was saved.`,
      { key: 'archive.write_failed', params: { code } }
    )
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new WarraqError(
      'busy',
      'The archive is busy in another process. Try again in a moment.',
      { key: 'archive.busy' }
    )
  }
  if (code === 'SQLITE_READONLY') {
    return new WarraqError('read_only', 'The archive is read-only: changes cannot be saved.', {
      key: 'archive.read_only'
    })
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return new WarraqError('damaged', 'The archive file is damaged.', { key: 'archive.damaged' })
  }
  return null
}
