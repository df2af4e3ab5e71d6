import type { ArchiveStats } from '@shared/contract/archive'
import { statSync } from 'node:fs'
import type { Archive } from './db/open'

function count(archive: Archive, sql: string): number {
  return archive.sqlite.prepare(sql).pluck().get() as number
}

/** Bytes used by the FTS index's shadow tables, when SQLite was built with dbstat. */
function indexBytes(archive: Archive): number | null {
  try {
    return count(
      archive,
      "SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name LIKE 'articles_fts%'"
    )
  } catch {
    return null
  }
}

export function archiveStats(archive: Archive): ArchiveStats {
  let fileBytes = 0
  try {
    fileBytes = statSync(archive.file).size
  } catch {
    fileBytes = 0
  }
  return {
    file: archive.file,
    articles: count(archive, 'SELECT count(*) FROM articles WHERE deleted_at IS NULL'),
    trashed: count(archive, 'SELECT count(*) FROM articles WHERE deleted_at IS NOT NULL'),
    sources: count(archive, 'SELECT count(*) FROM sources'),
    annotations: count(archive, 'SELECT count(*) FROM annotations'),
    orphanedAnnotations: count(
      archive,
      "SELECT count(*) FROM annotations WHERE status = 'orphaned'"
    ),
    revisions: count(archive, 'SELECT count(*) FROM revisions'),
    collections: count(archive, 'SELECT count(*) FROM collections'),
    tags: count(archive, 'SELECT count(*) FROM tags'),
    entities: count(archive, 'SELECT count(*) FROM entities'),
    fileBytes,
    indexBytes: indexBytes(archive),
    schemaVersion: count(archive, 'SELECT count(*) FROM __drizzle_migrations')
  }
}
