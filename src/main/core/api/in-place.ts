/**
 * A lost archive: the file deleted or moved while open. SQLite keeps writing to the open file,
 * which then vanishes at exit with every change in it. Before each writing call the path is
 * compared with the file opened (device and inode, one stat: microseconds), and writes are
 * refused with a sentence while a backup, which copies from the open connection, is offered.
 */
import type { CallName, Handlers } from '@shared/contract'
import { WarraqError } from '@shared/errors'
import { statSync } from 'node:fs'
import { backupsDir } from '../backup/backup'
import type { Archive } from '../db/open'

/** Calls that only read the archive (a backup and an export read it too): never refused. */
const READING: ReadonlySet<CallName> = new Set<CallName>([
  'articles.get',
  'articles.list',
  'articles.revisions',
  'articles.revision',
  'annotations.list',
  'annotations.search',
  'search.query',
  'search.findInArticle',
  'archive.stats',
  'archive.check',
  'archive.status',
  'entities.list',
  'entities.get',
  'entities.page',
  'export.preview',
  'export.toFile',
  'export.defaultPath',
  'backups.list',
  'backups.create',
  'import.reports',
  'import.progress',
  'import.stop',
  'import.previewFields',
  'import.report',
  'duplicates.list',
  'originals.get',
  'collections.list',
  'tags.list',
  'bulk.history',
  'library.sidebar',
  'savedSearches.list'
])

const identities = new WeakMap<Archive, { dev: number; ino: number }>()

/** Notes which file the archive's path names now, at open (and again after a restore). */
export function rememberFileIdentity(archive: Archive): void {
  try {
    const { dev, ino } = statSync(archive.file)
    identities.set(archive, { dev, ino })
  } catch {
    identities.delete(archive)
  }
}

/** Throws when the archive's path no longer names the file that was opened. */
export function assertArchiveInPlace(archive: Archive): void {
  const opened = identities.get(archive)
  if (!opened) return
  let now: { dev: number; ino: number } | null = null
  try {
    now = statSync(archive.file)
  } catch {
    now = null
  }
  if (now && now.dev === opened.dev && now.ino === opened.ino) return
  const folder = backupsDir(archive.file)
  throw new WarraqError(
    'io_error',
    `The archive file ${archive.file} was deleted or moved while Warraq had it open, so this change was not saved. Make a backup now (Backups screen, Back up now, or warraq backup): it is written to ${folder} from what Warraq still has open.`,
    { key: 'archive.lost', params: { file: archive.file, backups: folder } }
  )
}

/** The handlers with every writing call checked first. */
export function guardWrites(archive: Archive, handlers: Handlers): Handlers {
  rememberFileIdentity(archive)
  const guarded = { ...handlers } as Record<CallName, (input: never) => unknown>
  for (const name of Object.keys(handlers) as CallName[]) {
    if (READING.has(name)) continue
    const handler = handlers[name] as (input: never) => unknown
    guarded[name] = (input: never) => {
      assertArchiveInPlace(archive)
      return handler(input)
    }
  }
  return guarded as unknown as Handlers
}
