import {
  DUPLICATE_POLICIES,
  IMPORT_FORMATS,
  type DuplicatePolicy,
  type ImportFormatChoice
} from '@shared/contract/imports'
import { expandPaths } from '../core/import/expand'
import {
  MAPPABLE_FIELDS,
  type FieldMapping,
  type MappableField
} from '../core/import/formats/types'
import { importFiles } from '../core/import/pipeline'
import { flagString, UsageError, type CliArgs } from './args'
import { openFromArgs } from './commands'
import type { Output } from './output'

function choice<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  name: string,
  fallback: T
): T {
  if (value === undefined) return fallback
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, not "${value}".`)
}

/** `--map 'عنوان=title,نص=body'`: the file's field names → Warraq's article fields. */
export function parseMapping(value: string | undefined): FieldMapping | undefined {
  if (value === undefined) return undefined
  const mapping: FieldMapping = {}
  for (const pair of value.split(',')) {
    if (!pair.trim()) continue
    const at = pair.lastIndexOf('=')
    const from = pair.slice(0, at).trim()
    const to = pair.slice(at + 1).trim()
    if (at <= 0 || !from || !(MAPPABLE_FIELDS as readonly string[]).includes(to)) {
      throw new UsageError(
        `--map takes NAME=FIELD pairs separated by commas, FIELD one of ${MAPPABLE_FIELDS.join(', ')}; "${pair.trim()}" is not one.`
      )
    }
    mapping[from] = to as MappableField
  }
  return mapping
}

export async function importCommand(args: CliArgs, out: Output): Promise<number> {
  if (args.positionals.length === 0)
    throw new UsageError('import needs at least one file or folder: warraq import PATH…')
  const format = choice<ImportFormatChoice>(
    flagString(args, 'format'),
    IMPORT_FORMATS,
    'format',
    'auto'
  )
  const duplicates = choice<DuplicatePolicy>(
    flagString(args, 'duplicates'),
    DUPLICATE_POLICIES,
    'duplicates',
    'skip'
  )
  const mapping = parseMapping(flagString(args, 'map'))
  const archive = openFromArgs(args, true)
  const started = Date.now()
  const controller = new AbortController()
  const onSignal = (): void => controller.abort()
  process.once('SIGINT', onSignal)
  try {
    const summary = await importFiles(archive, expandPaths(args.positionals), {
      format,
      duplicates,
      mapping,
      signal: controller.signal,
      onProgress: (p) => {
        const seconds = (Date.now() - started) / 1000
        const rate = seconds > 0 ? Math.round(p.articles / seconds) : 0
        // inside one big file: its records so far and their rate
        const records =
          p.recordsTotal !== undefined
            ? ` — ${p.recordsDone} of ${p.recordsTotal} records, ${p.recordsPerSecond}/s`
            : ''
        out.progress(
          `${p.filesDone} file(s), ${p.articles} article(s), ${rate}/s${records} — ${p.currentPath}`
        )
      }
    })
    out.done()
    out.result(summary, () =>
      [
        ...summary.files
          .filter((f) => f.status !== 'imported')
          .map((f) => `${f.status.padEnd(9)} ${f.path}${f.reason ? ` — ${f.reason}` : ''}`),
        `Imported ${summary.imported} article(s), ${summary.duplicates} duplicate(s), ${summary.failed} file(s) failed` +
          (summary.cancelled ? ' (cancelled)' : '') +
          ` in ${((Date.now() - started) / 1000).toFixed(1)} s.`
      ].join('\n')
    )
    return summary.failed > 0 && summary.imported === 0 && summary.duplicates === 0 ? 1 : 0
  } finally {
    process.off('SIGINT', onSignal)
    archive.close()
  }
}
