import type {
  DuplicatePolicy,
  FileResult,
  ImportFormatChoice,
  ImportProgress,
  ImportSummary
} from '@shared/contract/imports'
import { deferIndexes, restoreDeferredIndexes, worthDeferring } from '../db/deferred-indexes'
import { describeSqliteError } from '../db/errors'
import type { Archive } from '../db/open'
import { nowIso } from '../db/statements'
import { Analyzer, type AnalysisThread } from './analysis/analyzer'
import { ChunkFeed } from './analysis/feed'
import type { Expanded, InputFile } from './expand'
import type { FieldMapping } from './formats/types'
import { MEDIA_TYPES, skippedReason, type ParsedFile } from './parse-file'
import { ParsedStream, type ParsedItem } from './parsed-stream'
import { reasons } from './reasons'
import { NO_COUNTS, openReport, saveReport, withLine, type ReportCounts } from './reports'
import { chunkAt } from './chunks'
import { RecentShingles } from './sign-chunk'
import { writeArticles, type ChunkSource, type WriteOptions } from './write-file'

export interface ImportOptions {
  format?: ImportFormatChoice
  duplicates?: DuplicatePolicy
  signal?: AbortSignal
  onProgress?: (progress: ImportProgress) => void
  onFile?: (result: FileResult) => void
  /** how many articles one transaction holds; each chunk lands whole or not at all */
  chunkSize?: number
  /** add to this report (an import sent in several calls) instead of starting one */
  reportUid?: string
  /** false while more calls of the same import will follow: the report stays unfinished */
  final?: boolean
  /** the caller cancelled the import (between calls) */
  cancelled?: boolean
  /** the user's names for the fields of JSON, CSV and XML records: source name → field */
  mapping?: FieldMapping
  /** where records are analysed (default: on a thread of their own once the import is big) */
  analysis?: AnalysisThread
  /** the analysis thread's file, when not the built or source one (a test's broken thread) */
  analysisEntry?: URL
  /** how many articles an import brings before it defers the sort indexes (db/deferred-indexes.ts) */
  deferIndexesFrom?: number
}

/** The report is saved every so often, so a killed import leaves its lines so far. */
const SAVE_EVERY_MS = 2_000

async function importOne(
  archive: Archive,
  file: InputFile,
  parsed: ParsedFile,
  options: ImportOptions & Pick<WriteOptions, 'onChunk' | 'recent' | 'lead'>,
  source: ChunkSource
): Promise<FileResult> {
  const { format, encoding } = parsed
  const base: FileResult = { path: file.path, status: 'imported', uids: [], format, encoding }
  try {
    const outcome = await writeArticles(
      archive,
      file,
      parsed.articles,
      { mediaType: MEDIA_TYPES[format], encoding },
      options,
      source
    )
    const result: FileResult = { ...base, uids: outcome.uids }
    if (outcome.duplicateOf.length) result.duplicateOf = outcome.duplicateOf
    if (outcome.possibleDuplicates.length) result.possibleDuplicates = outcome.possibleDuplicates
    if (outcome.storyOf.length) result.storyOf = outcome.storyOf
    if (outcome.notWritten > 0) {
      const written = parsed.articles.length - outcome.notWritten
      return { ...result, status: 'partial', ...reasons.stopped(written, parsed.articles.length) }
    }
    const skipped = skippedReason(parsed.skipped, outcome.unusable)
    if (outcome.uids.length === 0 && outcome.duplicateOf.length > 0) {
      return {
        ...result,
        status: 'duplicate',
        ...reasons.alreadyInArchive(outcome.duplicateOf.length)
      }
    }
    if (outcome.uids.length === 0) {
      return { ...result, status: 'failed', ...(skipped ?? reasons.noArticle()) }
    }
    if (skipped) return { ...result, status: 'partial', ...skipped }
    if (outcome.possibleDuplicates.length) {
      return { ...result, ...reasons.possibleDuplicates(outcome.possibleDuplicates.length) }
    }
    if (outcome.storyOf.length) return { ...result, ...reasons.storyCopies(outcome.storyOf.length) }
    return result
  } catch (err) {
    // a full disk or an I/O error is not this file's fault: stop the import with the plain
    // message (the failing chunk rolled back whole) rather than fail every file after it
    const storage = describeSqliteError(err)
    if (storage?.code === 'disk_full' || storage?.code === 'io_error') throw storage
    // the file's chunks that landed stay; the rest is reported, and the batch goes on
    return { ...base, status: 'failed', ...reasons.notSaved((err as Error).message) }
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
  let summary = openReport(archive, options.reportUid)
  const files = summary.files
  let articles = summary.imported
  let savedAt = Date.now()
  // lines before this one are saved as they end; a save writes only the lines after it
  let savedLines = files.length
  // the counts of the ended lines, added to as each ends (not re-added from every line per chunk)
  let counts: ReportCounts = files.reduce(withLine, NO_COUNTS)
  const save = (): void => {
    saveReport(archive, { ...summary, ...counts }, savedLines)
    savedLines = files.length
  }
  const started = Date.now()
  const analyzer = new Analyzer(archive, options.analysis, options.analysisEntry)
  // the shingles of the import's recent articles, for copies in its later files (sign-chunk.ts)
  const recent = new RecentShingles()
  // the first file written has a short first chunk, so writing starts early
  let lead = true
  const stream = new ParsedStream(
    source,
    options.format,
    options.mapping,
    (file, format, mapping) => analyzer.parseFile(file, format, mapping)
  )
  const chunks: ChunkSource = {
    feed: new ChunkFeed(analyzer),
    async nextFile() {
      const next = await stream.peek()
      if (next === null || 'failed' in next || next.parsed.articles.length === 0) return null
      return chunkAt(next.parsed.articles, next.file.name, 0, options.chunkSize)
    }
  }
  // ids are never reused: the highest is what the archive holds, near enough, without a count
  const archived = archive.sqlite
    .prepare('SELECT coalesce(max(id), 0) FROM articles')
    .pluck()
    .get() as number
  // the records of this call's files so far, for the sort indexes' deferral
  let planned = 0
  let deferred = false
  try {
    for (let item = await stream.next(); item !== null; item = await stream.next()) {
      if (options.signal?.aborted) break
      await importItem(item)
    }
  } finally {
    // the stream first: a file it is parsing ahead (on the thread) is let finish, unused
    await stream.close()
    await analyzer.close()
    // a failure here (a full disk) leaves them to the archive's next open, and the import's
    // own error, if any, is the one reported
    if (deferred) tryRestoreIndexes()
  }
  function tryRestoreIndexes(): void {
    try {
      restoreDeferredIndexes(archive.sqlite)
    } catch {
      // the saved SQL stays in settings: openArchive builds them
    }
  }
  async function importItem(item: ParsedItem): Promise<void> {
    if (!('failed' in item)) {
      planned += item.parsed.articles.length
      if (!deferred && worthDeferring(planned, archived, options.deferIndexesFrom)) {
        deferred = deferIndexes(archive.sqlite)
      }
    }
    // each chunk of a big file: the report holds the file's line so far (saved in the chunk's
    // transaction), and progress counts its records
    const onChunk: WriteOptions['onChunk'] = (chunk) => {
      if ('failed' in item) return
      const line: FileResult = {
        path: item.file.path,
        status: 'partial',
        uids: [...chunk.uids],
        ...reasons.interrupted(chunk.recordsDone, chunk.recordsTotal)
      }
      // the file's line so far, after the lines saved since the last save, without copying them
      files.push(line)
      try {
        saveReport(archive, { ...summary, ...withLine(counts, line) }, savedLines)
      } finally {
        files.pop()
      }
      savedLines = files.length
      const seconds = (Date.now() - started) / 1000
      options.onProgress?.({
        filesDone: files.length,
        filesTotal: 0,
        articles: articles + chunk.uids.length,
        currentPath: item.file.path,
        recordsDone: chunk.recordsDone,
        recordsTotal: chunk.recordsTotal,
        recordsPerSecond: seconds > 0 ? Math.round(chunk.recordsDone / seconds) : 0
      })
    }
    const result =
      'failed' in item
        ? item.failed
        : await importOne(
            archive,
            item.file,
            item.parsed,
            { ...options, onChunk, recent, lead },
            chunks
          )
    if (!('failed' in item)) {
      lead = false
      analyzer.release(item.parsed.articles)
    }
    files.push(result)
    counts = withLine(counts, result)
    articles += result.uids.length
    options.onFile?.(result)
    options.onProgress?.({
      filesDone: files.length,
      filesTotal: 0,
      articles,
      currentPath: result.path
    })
    if (Date.now() - savedAt > SAVE_EVERY_MS) {
      save()
      savedAt = Date.now()
    }
    // let the event loop breathe between files so hosts stay responsive
    if (files.length % 20 === 0) await new Promise((resolve) => setImmediate(resolve))
  }
  const cancelled = options.cancelled === true || options.signal?.aborted === true
  const final = options.final !== false || cancelled
  summary = {
    ...summary,
    files,
    ...counts,
    ...(cancelled ? { cancelled: true } : {}),
    finishedAt: final ? nowIso() : null
  }
  saveReport(archive, summary, savedLines)
  return summary
}
