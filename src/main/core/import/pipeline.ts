import { createHash } from 'node:crypto'
import type {
  DuplicatePolicy,
  FileResult,
  ImportFormatChoice,
  ImportProgress,
  ImportSummary
} from '@shared/contract/imports'
import type { ParsedArticle } from '@shared/domain'
import { contentHash, insertArticle, newUid } from '../articles/write'
import type { Archive } from '../db/open'
import { nowIso, stmt } from '../db/statements'
import { indexArticle } from '../search/indexer'
import { decodeBytes } from './decode'
import type { Expanded, InputFile } from './expand'
import { detectFormat } from './formats'
import type { FormatId } from './formats/types'

export interface ImportOptions {
  format?: ImportFormatChoice
  duplicates?: DuplicatePolicy
  signal?: AbortSignal
  onProgress?: (progress: ImportProgress) => void
  onFile?: (result: FileResult) => void
  /** how many articles one transaction holds; each chunk lands whole or not at all */
  chunkSize?: number
}

const MEDIA_TYPES: Record<FormatId, string> = {
  txt: 'text/plain',
  html: 'text/html',
  json: 'application/json',
  csv: 'text/csv',
  xml: 'application/xml'
}

function storeOriginal(
  archive: Archive,
  file: InputFile,
  sha256: string,
  mediaType: string,
  encoding: string
): number {
  const existing = stmt(archive.sqlite, 'SELECT id FROM originals WHERE sha256 = ? AND size = ?')
    .pluck()
    .get(sha256, file.bytes.length) as number | undefined
  if (existing !== undefined) return existing
  return Number(
    stmt(
      archive.sqlite,
      'INSERT INTO originals (file_name, media_type, encoding, sha256, size, bytes, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)'
    ).run(
      file.path,
      mediaType,
      encoding,
      sha256,
      file.bytes.length,
      Buffer.from(file.bytes),
      nowIso()
    ).lastInsertRowid
  )
}

function existingWithHash(archive: Archive, hash: string): string | undefined {
  return stmt(
    archive.sqlite,
    'SELECT uid FROM articles WHERE content_hash = ? AND deleted_at IS NULL LIMIT 1'
  )
    .pluck()
    .get(hash) as string | undefined
}

function usable(article: ParsedArticle): boolean {
  return article.body.trim().length > 0 || article.title.trim().length > 0
}

interface FileOutcome {
  uids: string[]
  duplicateOf: string[]
  unusable: number
}

/** Writes one file's articles, chunk by chunk, each chunk in its own transaction. */
function writeArticles(
  archive: Archive,
  file: InputFile,
  parsed: ParsedArticle[],
  meta: { sha256: string; mediaType: string; encoding: string },
  options: ImportOptions
): FileOutcome {
  const outcome: FileOutcome = { uids: [], duplicateOf: [], unusable: 0 }
  const chunkSize = options.chunkSize ?? 500
  let originalId: number | null = null
  for (let from = 0; from < parsed.length; from += chunkSize) {
    if (options.signal?.aborted) break
    archive.sqlite.transaction(() => {
      originalId ??= storeOriginal(archive, file, meta.sha256, meta.mediaType, meta.encoding)
      parsed.slice(from, from + chunkSize).forEach((article, i) => {
        if (!usable(article)) {
          outcome.unusable++
          return
        }
        const duplicate = existingWithHash(archive, contentHash(article.body))
        if (duplicate && options.duplicates !== 'import' && options.duplicates !== 'link') {
          outcome.duplicateOf.push(duplicate)
          return
        }
        const related = duplicate
          ? [
              ...(article.related ?? []),
              { title: `duplicate of ${duplicate}`, url: `warraq:${duplicate}` }
            ]
          : article.related
        const { id, uid } = insertArticle(
          archive,
          { ...article, title: article.title || file.name, related },
          { originalId, originalIndex: from + i, reason: 'import' }
        )
        indexArticle(archive, id)
        outcome.uids.push(uid)
        if (duplicate) outcome.duplicateOf.push(duplicate)
      })
    })()
  }
  return outcome
}

function importOne(archive: Archive, file: InputFile, options: ImportOptions): FileResult {
  let decoded
  let format: FormatId | undefined
  try {
    decoded = decodeBytes(file.bytes)
    const importer = detectFormat(
      decoded.text,
      file.name,
      options.format === 'auto' ? undefined : options.format
    )
    format = importer.id
    const parsed = importer.parse(decoded.text, { fileName: file.name })
    if (parsed.length === 0)
      return {
        path: file.path,
        status: 'failed',
        uids: [],
        reason: 'No article found in the file.',
        format
      }
    const sha256 = createHash('sha256').update(file.bytes).digest('hex')
    const outcome = writeArticles(
      archive,
      file,
      parsed,
      { sha256, mediaType: MEDIA_TYPES[format], encoding: decoded.encoding },
      options
    )
    const base = { path: file.path, uids: outcome.uids, format, encoding: decoded.encoding }
    if (outcome.duplicateOf.length) Object.assign(base, { duplicateOf: outcome.duplicateOf })
    if (outcome.uids.length === 0 && outcome.duplicateOf.length > 0)
      return {
        ...base,
        status: 'duplicate',
        reason: `Already in the archive (${outcome.duplicateOf.length} article${outcome.duplicateOf.length > 1 ? 's' : ''}).`
      }
    if (outcome.uids.length === 0)
      return { ...base, status: 'failed', reason: 'No article in the file has a title or text.' }
    if (outcome.unusable > 0)
      return {
        ...base,
        status: 'partial',
        reason: `${outcome.unusable} record(s) had no title and no text and were skipped.`
      }
    return { ...base, status: 'imported' }
  } catch (err) {
    return { path: file.path, status: 'failed', uids: [], reason: (err as Error).message, format }
  }
}

/**
 * Imports files one by one: a bad file gets a reason and never stops the batch; a re-run after
 * a crash skips what already landed (same normalised body), so nothing is doubled.
 */
export async function importFiles(
  archive: Archive,
  source: AsyncIterable<Expanded> | Iterable<Expanded>,
  options: ImportOptions = {}
): Promise<ImportSummary> {
  const reportUid = newUid()
  const files: FileResult[] = []
  let articles = 0
  for await (const item of source) {
    if (options.signal?.aborted) break
    const result =
      'failed' in item
        ? {
            path: item.failed.path,
            status: 'failed' as const,
            uids: [],
            reason: item.failed.reason
          }
        : importOne(archive, item.file, options)
    files.push(result)
    articles += result.uids.length
    options.onFile?.(result)
    options.onProgress?.({
      filesDone: files.length,
      filesTotal: 0,
      articles,
      currentPath: result.path
    })
    // let the event loop breathe between files so hosts stay responsive
    if (files.length % 20 === 0) await new Promise((resolve) => setImmediate(resolve))
  }
  const summary: ImportSummary = {
    reportUid,
    imported: articles,
    duplicates: files.reduce((n, f) => n + (f.duplicateOf?.length ?? 0), 0),
    failed: files.filter((f) => f.status === 'failed').length,
    files,
    ...(options.signal?.aborted ? { cancelled: true } : {})
  }
  stmt(
    archive.sqlite,
    'INSERT INTO import_reports (uid, started_at, finished_at, summary) VALUES (?, ?, ?, ?)'
  ).run(reportUid, nowIso(), nowIso(), JSON.stringify(summary))
  return summary
}
