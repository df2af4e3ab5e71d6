import { createHash } from 'node:crypto'
import type { DuplicatePolicy } from '@shared/contract/imports'
import type { ParsedArticle } from '@shared/domain'
import { contentHashOfSurface, insertArticle } from '../articles/write'
import type { Archive } from '../db/open'
import { nowIso, stmt } from '../db/statements'
import { analyzeArticle, writeIndex } from '../search/indexer'
import { archiveLexicon } from '../search/lexicon'
import type { InputFile } from './expand'
import { recordNearDuplicates } from './near-duplicates'

export interface WriteOptions {
  duplicates?: DuplicatePolicy
  signal?: AbortSignal
  /** how many articles one transaction holds; each chunk lands whole or not at all */
  chunkSize?: number
}

export interface FileMeta {
  mediaType: string
  encoding: string
}

export interface FileOutcome {
  uids: string[]
  duplicateOf: string[]
  possibleDuplicates: string[]
  unusable: number
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

function existingWithHash(archive: Archive, hash: string): { id: number; uid: string } | undefined {
  return stmt(
    archive.sqlite,
    'SELECT id, uid FROM articles WHERE content_hash = ? AND deleted_at IS NULL LIMIT 1'
  ).get(hash) as { id: number; uid: string } | undefined
}

function uidOf(archive: Archive, id: number): string {
  return stmt(archive.sqlite, 'SELECT uid FROM articles WHERE id = ?').pluck().get(id) as string
}

function usable(article: ParsedArticle): boolean {
  return article.body.trim().length > 0 || article.title.trim().length > 0
}

/**
 * Writes one file's articles, chunk by chunk, each chunk in its own transaction with the
 * original's bytes, the search index and the near-duplicate signatures: a crash leaves whole
 * chunks, and a re-run skips them because their bodies are already in the archive.
 */
export function writeArticles(
  archive: Archive,
  file: InputFile,
  parsed: ParsedArticle[],
  meta: FileMeta,
  options: WriteOptions
): FileOutcome {
  const outcome: FileOutcome = { uids: [], duplicateOf: [], possibleDuplicates: [], unusable: 0 }
  const chunkSize = options.chunkSize ?? 500
  const policy = options.duplicates ?? 'skip'
  let originalId: number | null = null
  const near = new Set<number>()
  for (let from = 0; from < parsed.length; from += chunkSize) {
    if (options.signal?.aborted) break
    archive.sqlite.transaction(() => {
      originalId ??= storeOriginal(archive, file, meta)
      parsed.slice(from, from + chunkSize).forEach((article, i) => {
        if (!usable(article)) {
          outcome.unusable++
          return
        }
        // analysed once: the content hash, the index and the near-duplicate shingles share it
        const analysis = analyzeArticle(
          { ...article, title: article.title || file.name },
          archiveLexicon(archive)
        )
        const hash = contentHashOfSurface(analysis.body.surface)
        const duplicate = existingWithHash(archive, hash)
        if (duplicate && policy === 'skip') {
          outcome.duplicateOf.push(duplicate.uid)
          return
        }
        const related =
          duplicate && policy === 'link'
            ? [
                ...(article.related ?? []),
                { title: `duplicate of ${duplicate.uid}`, url: `warraq:${duplicate.uid}` }
              ]
            : article.related
        const { id, uid } = insertArticle(
          archive,
          { ...article, title: article.title || file.name, related },
          { originalId, originalIndex: from + i, reason: 'import', contentHash: hash }
        )
        writeIndex(archive, id, analysis)
        const status = duplicate && policy === 'link' ? 'linked' : 'open'
        for (const found of recordNearDuplicates(
          archive,
          id,
          article.body,
          status,
          analysis.body.surface,
          true
        )) {
          near.add(found.otherId)
        }
        outcome.uids.push(uid)
        if (duplicate) outcome.duplicateOf.push(duplicate.uid)
      })
    })()
  }
  outcome.possibleDuplicates = [...near].map((id) => uidOf(archive, id))
  return outcome
}
