import {
  DUPLICATE_POLICIES,
  IMPORT_FORMATS,
  type DuplicatePolicy,
  type ImportFormatChoice
} from '@shared/contract/imports'
import { expandPaths } from '../core/import/expand'
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
  const archive = openFromArgs(args, true)
  const started = Date.now()
  const controller = new AbortController()
  const onSignal = (): void => controller.abort()
  process.once('SIGINT', onSignal)
  try {
    const summary = await importFiles(archive, expandPaths(args.positionals), {
      format,
      duplicates,
      signal: controller.signal,
      onProgress: (p) => {
        const seconds = (Date.now() - started) / 1000
        const rate = seconds > 0 ? Math.round(p.articles / seconds) : 0
        out.progress(
          `${p.filesDone} file(s), ${p.articles} article(s), ${rate}/s — ${p.currentPath}`
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
