/** The import calls of the contract: files sent by the renderer as base64. */
import type { ImportFilesInput, ImportSummary } from '@shared/contract/imports'
import type { z } from 'zod'
import type { Archive } from '../db/open'
import { expandBuffers, type Expanded } from './expand'
import { importFiles } from './pipeline'
import { reasons } from './reasons'

export type ParsedImportFiles = z.output<typeof ImportFilesInput>

function* uploaded(input: ParsedImportFiles): Generator<Expanded> {
  for (const rejected of input.rejected)
    yield { failed: { path: rejected.name, ...reasons.rejected(rejected.reason) } }
  // decoded one at a time, so a batch's bytes are not all held twice
  for (const file of input.files) {
    const bytes = Buffer.from(file.base64, 'base64')
    yield* expandBuffers([
      { name: file.name, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) }
    ])
  }
}

/**
 * Imports one batch of an import. The renderer sends a few megabytes per call, passing the
 * `reportUid` of the first answer to the next calls, so progress and cancelling are real and
 * the whole import keeps one report.
 */
export function importUploaded(archive: Archive, input: ParsedImportFiles): Promise<ImportSummary> {
  return importFiles(archive, uploaded(input), {
    format: input.format,
    duplicates: input.duplicates,
    reportUid: input.reportUid,
    final: input.final,
    cancelled: input.cancelled,
    mapping: input.mapping
  })
}
