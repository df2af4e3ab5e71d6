import type { OriginalFile } from '@shared/contract/duplicates'
import { WarraqError } from '@shared/errors'
import type { Archive } from '../db/open'
import { stmt } from '../db/statements'
import { decodeBytes } from './decode'

/** How much decoded text the preview carries: enough to read, never the 50 MB of a hostile page. */
export const PREVIEW_CHARS = 200_000

interface OriginalRow {
  fileName: string
  mediaType: string
  encoding: string | null
  size: number
  sha256: string
  importedAt: string
  bytes: Buffer
  originalIndex: number | null
}

/** The file an article was imported from, byte for byte, with a decoded preview. */
export function getOriginal(archive: Archive, articleUid: string, withBytes = true): OriginalFile {
  const article = stmt(
    archive.sqlite,
    'SELECT id, original_id AS originalId FROM articles WHERE uid = ?'
  ).get(articleUid) as { id: number; originalId: number | null } | undefined
  if (!article) throw new WarraqError('not_found', `No article with uid ${articleUid}.`)
  if (article.originalId === null) {
    throw new WarraqError(
      'not_found',
      'This article was not imported from a file, so there is no original to show.'
    )
  }
  const row = stmt(
    archive.sqlite,
    `SELECT o.file_name AS fileName, o.media_type AS mediaType, o.encoding, o.size, o.sha256,
       o.imported_at AS importedAt, o.bytes, a.original_index AS originalIndex
     FROM originals o JOIN articles a ON a.original_id = o.id WHERE a.id = ?`
  ).get(article.id) as OriginalRow | undefined
  if (!row)
    throw new WarraqError(
      'not_found',
      'The original file of this article is missing from the archive.'
    )
  const bytes = new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength)
  let text: string
  try {
    text = decodeBytes(bytes).text
  } catch (err) {
    text = `(${(err as Error).message})`
  }
  return {
    fileName: row.fileName,
    mediaType: row.mediaType,
    encoding: row.encoding,
    size: row.size,
    sha256: row.sha256,
    importedAt: row.importedAt,
    preview: text.slice(0, PREVIEW_CHARS),
    previewTruncated: text.length > PREVIEW_CHARS,
    index: row.originalIndex,
    ...(withBytes ? { base64: row.bytes.toString('base64') } : {})
  }
}
