import type { OriginalFile } from '@shared/contract/duplicates'
import type { Article } from '@shared/domain'
import { WarraqError } from '@shared/errors'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { openArchiveSafely, type SafeArchive } from '../core/db/open-safely'
import { resolveArchivePath } from '../core/paths'
import { getArticle } from '../core/articles/service'
import type { Archive } from '../core/db/open'
import { getOriginal } from '../core/import/originals'
import { searchArticles } from '../core/search/service'
import { rebuildIndex } from '../core/search/indexer'
import { archiveStats } from '../core/stats'
import { startServer } from '../host/server'
import { findRendererDir } from '../host/renderer-dir'
import { startArchiveWorker } from '../worker/client'
import { flagNumber, flagString, UsageError, type CliArgs } from './args'
import type { Output } from './output'

/**
 * Opens the archive for writing through the lock (a second Warraq is refused) and the recovery
 * path (pre-migration backup, damaged file moved aside with the newest good backup offered).
 * Only commands that put something in (`import`, `restore`) may create it: a `stats` or a
 * `search` on a mistyped path says so instead of leaving a new empty archive there.
 */
export function openFromArgs(args: CliArgs, mayCreate = false): SafeArchive {
  const file = resolveArchivePath(flagString(args, 'db'))
  if (!mayCreate && !existsSync(file)) {
    throw new WarraqError('not_found', `No archive at ${file}.`, {
      key: 'archive.not_found',
      params: { file }
    })
  }
  mkdirSync(dirname(file), { recursive: true })
  const archive = openArchiveSafely(file)
  for (const message of archive.recovery.messages) process.stderr.write(`warraq: ${message}\n`)
  return archive
}

/** Why a writable open failed, if it is because the file or its folder cannot be written. */
function isReadOnlyFailure(err: unknown): boolean {
  const code = String((err as { code?: unknown }).code ?? '')
  return (
    ['EACCES', 'EPERM', 'EROFS'].includes(code) ||
    code.startsWith('SQLITE_READONLY') ||
    code === 'SQLITE_CANTOPEN' ||
    /readonly database|read-only file system/i.test(String((err as Error).message))
  )
}

/**
 * For the reading commands (search, show, stats, export): an archive that cannot be written (a
 * read-only file, folder or drive, where even the lock cannot be made) opens read-only, with a
 * one-line notice, instead of failing. Nothing is migrated or written then.
 */
export function openForReading(args: CliArgs): SafeArchive {
  try {
    return openFromArgs(args)
  } catch (err) {
    const file = resolveArchivePath(flagString(args, 'db'))
    if (!existsSync(file) || !isReadOnlyFailure(err)) throw err
    try {
      const archive = openArchiveSafely(file, { readonly: true })
      process.stderr.write(`warraq: ${file} cannot be written here; opened it read-only.\n`)
      return archive
    } catch (readErr) {
      if (!isReadOnlyFailure(readErr)) throw readErr
      return openSnapshot(file)
    }
  }
}

/**
 * A WAL archive in a read-only folder cannot be opened even read-only: SQLite must create its
 * -shm beside it. Such an archive is read from a copy in the temporary folder, removed at close.
 */
function openSnapshot(file: string): SafeArchive {
  const dir = mkdtempSync(join(tmpdir(), 'warraq-readonly-'))
  const copy = join(dir, basename(file))
  copyFileSync(file, copy)
  if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`)
  const archive = openArchiveSafely(copy, { readonly: true })
  process.stderr.write(
    `warraq: ${file} is in a folder that cannot be written; reading it from a copy (read-only).\n`
  )
  const close = archive.close
  archive.close = () => {
    close()
    rmSync(dir, { recursive: true, force: true })
  }
  return archive
}

function formatBytes(n: number | null): string {
  if (n === null) return 'unknown'
  return n > 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} KB`
}

export function statsCommand(args: CliArgs, out: Output): void {
  const archive = openForReading(args)
  try {
    const stats = archiveStats(archive)
    out.result(stats, () =>
      [
        `Archive:      ${stats.file}`,
        `Articles:     ${stats.articles} (${stats.trashed} in the trash)`,
        `Sources:      ${stats.sources}`,
        `Annotations:  ${stats.annotations} (${stats.orphanedAnnotations} need review)`,
        `Revisions:    ${stats.revisions}`,
        `Collections:  ${stats.collections}   Tags: ${stats.tags}   Entities: ${stats.entities}`,
        `File size:    ${formatBytes(stats.fileBytes)}   Search index: ${formatBytes(stats.indexBytes)}`
      ].join('\n')
    )
  } finally {
    archive.close()
  }
}

function showText(a: Article): string {
  const published =
    a.published &&
    `${a.published}${a.publishedTime ? ` ${a.publishedTime}` : ''} (${a.datePrecision})`
  const header = [
    a.title,
    a.subtitle ?? '',
    [a.source, published, a.authors.join('، ')].filter(Boolean).join(' · '),
    a.dateText ? `Date as written: ${a.dateText}` : '',
    a.summary ? `Summary: ${a.summary}` : '',
    a.section ? `Section: ${a.section}` : '',
    a.identifier ? `Identifier: ${a.identifier}` : '',
    a.caption ? `Caption: ${a.caption}${a.imageCredit ? ` (${a.imageCredit})` : ''}` : '',
    a.url ?? '',
    ...Object.entries(a.extra).map(([key, value]) => `${key}: ${value}`),
    a.storyCopies.length ? `Other printings: ${a.storyCopies.join(', ')}` : '',
    `uid ${a.uid} · version ${a.version} · status ${a.status}`
  ].filter(Boolean)
  return [
    ...header,
    '',
    a.body,
    ...(a.related.length
      ? ['', 'Related:', ...a.related.map((r) => `  - ${r.title}${r.url ? ` <${r.url}>` : ''}`)]
      : [])
  ].join('\n')
}

/** The file the article came from (without its bytes), or null for an article typed in. */
function originalSummary(
  archive: Archive,
  uid: string
): Omit<OriginalFile, 'preview' | 'previewTruncated' | 'base64'> | null {
  try {
    const { preview: _preview, previewTruncated: _cut, ...rest } = getOriginal(archive, uid, false)
    void _preview
    void _cut
    return rest
  } catch {
    return null
  }
}

export function showCommand(args: CliArgs, out: Output): void {
  const uid = args.positionals[0]
  if (!uid) throw new UsageError('show needs an article uid: warraq show UID')
  const archive = openForReading(args)
  try {
    const article = getArticle(archive, uid)
    out.result({ ...article, original: originalSummary(archive, uid) }, () => showText(article))
  } finally {
    archive.close()
  }
}

export function searchCommand(args: CliArgs, out: Output): void {
  const query = args.positionals.join(' ')
  if (!query.trim()) throw new UsageError('search needs a query: warraq search "words"')
  const archive = openForReading(args)
  try {
    const result = searchArticles(archive, {
      query,
      limit: flagNumber(args, 'limit') ?? 20,
      offset: flagNumber(args, 'offset') ?? 0,
      facets: false
    })
    const json = {
      total: result.total,
      totalCapped: result.totalCapped,
      estimatedTotal: result.estimatedTotal,
      rankedAmong: result.rankedAmong,
      hits: result.hits.map((h) => ({
        uid: h.uid,
        title: h.title,
        source: h.source,
        published: h.published,
        snippet: h.snippet,
        highlights: h.highlights
      }))
    }
    out.result(json, () =>
      [
        result.totalCapped
          ? `at least ${result.total} articles${result.estimatedTotal === null ? '' : ` (about ${result.estimatedTotal})`}` +
            (result.rankedAmong === null
              ? ''
              : `, ordered by relevance among the ${result.rankedAmong} most recently added`)
          : `${result.total} article(s)`,
        ...result.hits.map(
          (h) =>
            `\n${h.title}\n  ${[h.source, h.published].filter(Boolean).join(' · ')} · ${h.uid}\n  ${h.snippet}`
        )
      ].join('\n')
    )
  } finally {
    archive.close()
  }
}

export function rebuildIndexCommand(args: CliArgs, out: Output): void {
  const archive = openFromArgs(args)
  try {
    const count = rebuildIndex(archive, (done, total) => out.progress(`Indexing ${done}/${total}`))
    out.done()
    out.result({ indexed: count }, () => `Indexed ${count} article(s).`)
  } finally {
    archive.close()
  }
}

export async function serveCommand(args: CliArgs, out: Output): Promise<void> {
  const rendererDir = findRendererDir()
  if (!rendererDir) {
    throw new Error(
      'The interface is not built yet: run `npm run build:app` once, then `warraq serve` again.'
    )
  }
  const file = resolveArchivePath(flagString(args, 'db'))
  mkdirSync(dirname(file), { recursive: true })
  // the archive runs on its own thread, as in the desktop app, so a long import or check never
  // holds up the server; a damaged archive does not stop the host: the page shows the recovery
  // screen; a daily backup is made at open and checked every hour while serving
  const { worker, status } = await startArchiveWorker({
    file,
    backupSchedule: true,
    onCrash: (error) => process.stderr.write(`warraq: ${error.message}\n`)
  })
  for (const message of status.recovery.messages) process.stderr.write(`warraq: ${message}\n`)
  const running = await startServer({
    handlers: worker.handlers,
    rendererDir,
    port: flagNumber(args, 'port')
  })
  const recovering = status.state === 'recovery'
  out.result({ url: running.url, port: running.port, db: file, state: status.state }, () =>
    recovering
      ? `Warraq is serving the recovery screen for ${file} at ${running.url}`
      : `Warraq is serving ${file} at ${running.url}`
  )
  const stop = (): void => {
    void running
      .close()
      .then(() => worker.close())
      .then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
