/** The import calls of the contract: files sent by the renderer as base64. */
import type { Handlers } from '@shared/contract'
import type { ImportFilesInput, ImportProgress, ImportSummary } from '@shared/contract/imports'
import type { z } from 'zod'
import type { Archive } from '../db/open'
import { expandBuffers, type Expanded } from './expand'
import { importFiles } from './pipeline'
import { previewFields } from './preview'
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
export function importUploaded(
  archive: Archive,
  input: ParsedImportFiles,
  onProgress?: (progress: ImportProgress) => void,
  signal?: AbortSignal
): Promise<ImportSummary> {
  return importFiles(archive, uploaded(input), {
    onProgress,
    signal,
    format: input.format,
    duplicates: input.duplicates,
    reportUid: input.reportUid,
    final: input.final,
    cancelled: input.cancelled,
    mapping: input.mapping
  })
}

/**
 * `import.files` with its progress readable by `import.progress` while the call runs: the
 * pipeline yields between chunks, so the host answers the poll with the records written so far
 * inside one big file, where the page would otherwise show nothing until the batch came back.
 * `import.stop` ends the running calls at their next chunk: the chunks written stay, the file's
 * line says how many records landed, and importing the file again adds the rest.
 */
export function uploadHandlers(
  archive: Archive
): Pick<Handlers, 'import.files' | 'import.progress' | 'import.stop' | 'import.previewFields'> {
  const running = new Set<AbortController>()
  let latest: ImportProgress | null = null
  return {
    'import.files': async (input) => {
      const controller = new AbortController()
      running.add(controller)
      try {
        return await importUploaded(archive, input, (p) => (latest = p), controller.signal)
      } finally {
        running.delete(controller)
        if (running.size === 0) latest = null
      }
    },
    'import.progress': () => ({ running: running.size > 0, progress: latest }),
    'import.stop': () => {
      for (const controller of running) controller.abort()
      return { stopping: running.size > 0 }
    },
    'import.previewFields': (input) => previewFields(input)
  }
}
