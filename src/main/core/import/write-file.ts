import { createHash } from 'node:crypto'
import type { DuplicatePolicy } from '@shared/contract/imports'
import type { ParsedArticle } from '@shared/domain'
import { insertArticle } from '../articles/write'
import type { Archive } from '../db/open'
import { nowIso, stmt } from '../db/statements'
import { writeIndexColumns, type IndexColumns } from '../search/indexer'
import type { Chunk, ChunkFeed } from './analysis/feed'
import type { InputFile } from './expand'
import { findExactDuplicate, findStory, isPlaceholderBody, openStory } from './identity'
import { chunkAt } from './chunks'
import { RecentShingles, signChunk, type SignedArticle } from './sign-chunk'

export interface WriteOptions {
  duplicates?: DuplicatePolicy
  signal?: AbortSignal
  /**
   * how many articles one transaction holds; each chunk lands whole or not at all (by default
   * up to CHUNK_ARTICLES, fewer when their text passes CHUNK_CHARACTERS)
   */
  chunkSize?: number
  /**
   * Called inside each chunk's transaction once its articles are written, so what it saves (the
   * import report) lands with them or not at all: right after a kill or a full disk.
   */
  onChunk?: (progress: ChunkProgress) => void
  /** the shingles of the import's recent articles, shared by its files (sign-chunk.ts) */
  recent?: RecentShingles
  /** the file is the import's first: its first chunk is short (see LEAD_CHUNK_ARTICLES) */
  lead?: boolean
}

/** Where a file's chunks come from analysed, and what follows its last chunk. */
export interface ChunkSource {
  feed: ChunkFeed
  /** the first chunk of the next file, read and parsed now (null: none, or not yet known) */
  nextFile(): Promise<Chunk | null>
}

export interface ChunkProgress {
  uids: readonly string[]
  duplicates: number
  recordsDone: number
  recordsTotal: number
}

export interface FileMeta {
  mediaType: string
  encoding: string
}

export interface FileOutcome {
  uids: string[]
  duplicateOf: string[]
  possibleDuplicates: string[]
  /** uids of articles already in the archive whose story this file's articles are printings of */
  storyOf: string[]
  unusable: number
  /** records not written because the import was stopped (the rest can be resumed) */
  notWritten: number
}

/** Keeps the imported bytes unchanged; the same file imported twice is stored once. */
function storeOriginal(archive: Archive, file: InputFile, meta: FileMeta): number {
  const sha256 = createHash('sha256').update(file.bytes).digest('hex')
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
      meta.mediaType,
      meta.encoding,
      sha256,
      file.bytes.length,
      Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength),
      nowIso()
    ).lastInsertRowid
  )
}

function uidOf(archive: Archive, id: number): string {
  return stmt(archive.sqlite, 'SELECT uid FROM articles WHERE id = ?').pluck().get(id) as string
}

/**
 * Writes one file's articles, chunk by chunk, each chunk in its own transaction with the
 * original's bytes, the search index and the near-duplicate signatures: a crash leaves whole
 * chunks, and a re-run skips them because their bodies are already in the archive. The records
 * come analysed from `source.feed` (see analysis/feed.ts): this thread only looks up, decides
 * and writes.
 */
export async function writeArticles(
  archive: Archive,
  file: InputFile,
  parsed: ParsedArticle[],
  meta: FileMeta,
  options: WriteOptions,
  source: ChunkSource
): Promise<FileOutcome> {
  const outcome: FileOutcome = {
    uids: [],
    duplicateOf: [],
    possibleDuplicates: [],
    storyOf: [],
    unusable: 0,
    notWritten: 0
  }
  const stories = new Set<string>()
  // this file's own articles: a story first printed here is not one the archive held already
  const written = new Set<string>()
  const policy = options.duplicates ?? 'skip'
  let originalId: number | null = null
  const near = new Set<number>()
  const recent = options.recent ?? new RecentShingles()
  for (let from = 0, to = 0; from < parsed.length; from = to) {
    const chunk = chunkAt(parsed, file.name, from, options.chunkSize, options.lead)
    to = chunk.to
    // between chunks the event loop runs: a Stop (SIGINT, the interface) is seen here, and the
    // chunks written so far stay; a re-run skips them as exact duplicates and writes the rest
    if (from > 0) await new Promise((resolve) => setImmediate(resolve))
    if (options.signal?.aborted) {
      outcome.notWritten = parsed.length - from
      break
    }
    const { unit, prepared } = await source.feed.take(chunk, () =>
      chunk.to < parsed.length
        ? Promise.resolve(chunkAt(parsed, file.name, chunk.to, options.chunkSize, options.lead))
        : source.nextFile()
    )
    // the records of this chunk in the archive once it commits, for the lexicon's counts
    const landed: number[] = []
    try {
      archive.sqlite.transaction(() => {
        // In phases, each a tight loop over its own index: the rows (each article's decision
        // sees the ones before it), then the search index, then the near-duplicate bands.
        // Interleaved article by article, each phase found its pages cold again: a fifth slower.
        const indexed: { id: number; columns: IndexColumns }[] = []
        const signed: SignedArticle[] = []
        originalId ??= storeOriginal(archive, file, meta)
        parsed.slice(from, to).forEach((article, i) => {
          const ready = prepared[i]
          if (ready === null) {
            outcome.unusable++
            return
          }
          const { hash } = ready
          const titled = { ...article, title: ready.title, lang: ready.lang }
          const placeholder = isPlaceholderBody(archive, article.body, ready.bodyWords, hash)
          const duplicate =
            policy === 'import' ? undefined : findExactDuplicate(archive, titled, hash, placeholder)
          if (duplicate && policy === 'skip') {
            outcome.duplicateOf.push(duplicate.uid)
            return
          }
          // the same body printed elsewhere: its own record, in the group of the story's printings
          const story = placeholder ? undefined : findStory(archive, hash)
          if (story) openStory(archive, story)
          const related = duplicate
            ? [
                ...(article.related ?? []),
                { title: `duplicate of ${duplicate.uid}`, url: `warraq:${duplicate.uid}` }
              ]
            : article.related
          const { id, uid } = insertArticle(
            archive,
            { ...titled, related },
            {
              originalId,
              originalIndex: from + i,
              reason: 'import',
              contentHash: hash,
              storyUid: story?.story ?? null
            }
          )
          indexed.push({ id, columns: ready.index })
          landed.push(i)
          // printings of one story are linked already: nothing for the archivist to review
          const status = duplicate || story ? 'linked' : 'open'
          signed.push({ id, status, shingles: ready.shingles, bands: ready.bands })
          if (story && !written.has(story.uid)) stories.add(story.uid)
          outcome.uids.push(uid)
          written.add(uid)
          if (duplicate) outcome.duplicateOf.push(duplicate.uid)
        })
        for (const { id, columns } of indexed) writeIndexColumns(archive, id, columns)
        signChunk(archive, signed, recent).forEach((found, k) => {
          if (signed[k].status === 'open') for (const f of found) near.add(f.otherId)
        })
        options.onChunk?.({
          uids: outcome.uids,
          duplicates: outcome.duplicateOf.length,
          recordsDone: to,
          recordsTotal: parsed.length
        })
      })()
    } catch (err) {
      landed.length = 0 // rolled back: none of its words are in the index
      throw err
    } finally {
      source.feed.committed(unit, landed)
    }
  }
  outcome.possibleDuplicates = [...near].map((id) => uidOf(archive, id))
  outcome.storyOf = [...stories]
  return outcome
}
