import {
  DEFAULT_ARTICLE_COLUMNS,
  EXPORT_FORMATS,
  EXPORT_SHAPES,
  type CsvEncoding,
  type ExportFormat,
  type ExportSelection,
  type ExportShape
} from '@shared/contract/exports'
import { resolve } from 'node:path'
import { exportToFile } from '../core/export/service'
import { flagString, UsageError, type CliArgs } from './args'
import { openForReading } from './commands'
import type { Output } from './output'

export const EXPORT_HELP = `Usage: warraq export csv|json|annotations|csl|ris --out FILE [options]

Formats:
  csv           rows for spreadsheets: UTF-8 with BOM (Excel shows Arabic), every field quoted,
                formulas guarded with a leading '; imports back into Warraq unchanged
  json          full records (an article with its text, links and annotations)
  annotations   W3C Web Annotations (JSON-LD)
  csl           citations as CSL-JSON (Zotero, Pandoc)
  ris           citations as RIS (EndNote, Zotero, Mendeley)

What to export (default: every article not in the trash):
  --collection NAME   a collection, by name or uid
  --query Q           every article the query matches, in ranking order

Options:
  --shape articles|annotations   one row per article (default) or per annotation (csv, json)
  --columns a,b,c     CSV columns in this order (see below)
  --no-body           CSV without the body column
  --no-bom            UTF-8 without the BOM
  --utf16             UTF-16LE, TAB-separated (older Excel)
  --force             replace FILE if it exists (without it, an existing file is left alone)
  --json              print {"path","rows","bytes"} on stdout

Article columns: uid title subtitle source published datePrecision dateText authors section status
  url caption imageCredit tags collections notes body lang entities createdAt updatedAt
Annotation columns: articleUid articleTitle annotationUid exact prefix suffix start end note color
  tags entity author createdAt updatedAt status

File endings: csv .csv .tsv .txt; json and csl .json; annotations .jsonld .json; ris .ris .txt.
The file is written beside its final name and renamed when complete: an interrupted export
never leaves a partial file.`

function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  what: string
): T {
  if (value && (allowed as readonly string[]).includes(value)) return value as T
  throw new UsageError(
    `${what} must be one of ${allowed.join(', ')}${value ? `, not "${value}"` : ''}.`
  )
}

function selectionFrom(args: CliArgs): ExportSelection {
  const collection = flagString(args, 'collection')
  const query = flagString(args, 'query')
  if (collection && query) throw new UsageError('Give --collection or --query, not both.')
  if (collection) return { kind: 'collection', name: collection }
  if (query) return { kind: 'query', query }
  return { kind: 'all' }
}

function encodingFrom(args: CliArgs): CsvEncoding {
  if (args.flags.has('utf16')) {
    if (args.flags.has('no-bom'))
      throw new UsageError('--utf16 always writes its BOM; drop --no-bom.')
    return 'utf16le'
  }
  return args.flags.has('no-bom') ? 'utf8' : 'utf8-bom'
}

function columnsFrom(args: CliArgs, shape: ExportShape): string[] | undefined {
  const list = flagString(args, 'columns')
    ?.split(',')
    .map((c) => c.trim())
    .filter(Boolean)
  if (!args.flags.has('no-body')) return list
  if (shape === 'annotations') throw new UsageError('--no-body is for the articles shape.')
  const base: readonly string[] = list ?? DEFAULT_ARTICLE_COLUMNS
  return base.filter((c) => c !== 'body')
}

export async function exportCommand(args: CliArgs, out: Output): Promise<number> {
  const format = oneOf<ExportFormat>(args.positionals[0], EXPORT_FORMATS, 'The format')
  const path = flagString(args, 'out')
  if (!path) throw new UsageError('export needs --out FILE.')
  const shape = oneOf<ExportShape>(
    flagString(args, 'shape') ?? 'articles',
    EXPORT_SHAPES,
    '--shape'
  )
  const columns = columnsFrom(args, shape)
  if (columns && format !== 'csv') throw new UsageError('--columns and --no-body are for csv.')
  const archive = openForReading(args)
  const controller = new AbortController()
  const onSignal = (): void => controller.abort()
  process.once('SIGINT', onSignal)
  const started = Date.now()
  try {
    const result = await exportToFile(
      archive,
      {
        format,
        shape,
        columns,
        encoding: encodingFrom(args),
        selection: selectionFrom(args),
        path: resolve(path),
        overwrite: args.flags.has('force')
      },
      { signal: controller.signal, onProgress: (rows) => out.progress(`${rows} row(s) written`) }
    )
    out.done()
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    const size = `${(result.bytes / 1024 / 1024).toFixed(1)} MB`
    out.result(
      result,
      () => `Exported ${result.rows} row(s) to ${result.path} (${size}) in ${seconds} s.`
    )
    return 0
  } finally {
    process.off('SIGINT', onSignal)
    archive.close()
  }
}
