import { existsSync, statSync } from 'node:fs'
import { homedir } from 'node:os'
/**
 * Exports: a selection of the archive to a file in one of the formats, or the first rows of it
 * for the dialog's preview. See DESIGN.md, "Export".
 */
import { basename, dirname, extname, join, resolve } from 'node:path'
import {
  ExportOptions as OptionsSchema,
  type ExportOptions,
  type ExportOptionsInput,
  type ExportPreview,
  type ExportResult
} from '@shared/contract/exports'
import { UTF8_BOM, csvField } from '@shared/csv/writer'
import { WarraqError } from '@shared/errors'
import type { Archive } from '../db/open'
import { csvChunks } from './csv'
import { jsonArrayChunks } from './json'
import { planExport, type ExportPlan } from './plan'
import { selectArticleIds } from './select'
import { fileExistsError, removeStaleParts, writeFileAtomically } from './write'

export const PREVIEW_ROWS = 20

/** Text is handed to the file in pieces of about this many characters (fewer, larger writes). */
const CHUNK_CHARS = 64 * 1024

export interface ExportRunOptions {
  signal?: AbortSignal
  /** rows (or records) written so far, called every few hundred */
  onProgress?: (rows: number) => void
}

function textOf(plan: ExportPlan, count: () => void): Iterable<string> {
  const counted = function* <T>(items: Iterable<T>): Generator<T> {
    for (const item of items) {
      count()
      yield item
    }
  }
  if (plan.kind === 'csv') return csvChunks(plan.columns, counted(plan.rows), plan.delimiter)
  if (plan.kind === 'json') return jsonArrayChunks(counted(plan.records))
  return counted(plan.records)
}

/** Joins small pieces into ~64 KB and encodes them; the BOM, if any, goes first. */
function* encoded(
  text: Iterable<string>,
  encoding: ExportOptions['encoding'],
  csv: boolean
): Generator<Uint8Array> {
  const utf16 = csv && encoding === 'utf16le'
  const encode = (s: string): Buffer => Buffer.from(s, utf16 ? 'utf16le' : 'utf8')
  // JSON and RIS are plain UTF-8: a BOM is an error for JSON parsers (RFC 8259 §8.1)
  const bom = csv && encoding !== 'utf8' ? UTF8_BOM : ''
  let pending: string[] = bom ? [bom] : []
  let size = bom.length
  for (const piece of text) {
    pending.push(piece)
    size += piece.length
    if (size >= CHUNK_CHARS) {
      yield encode(pending.join(''))
      pending = []
      size = 0
    }
  }
  if (pending.length > 0) yield encode(pending.join(''))
}

/** Validates options given by a core caller (the CLI, a test); the contract already did for IPC. */
function parseOptions(input: ExportOptionsInput): ExportOptions {
  const parsed = OptionsSchema.safeParse(input)
  if (parsed.success) return parsed.data
  const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'options'}: ${i.message}`)
  throw new WarraqError(
    'invalid_input',
    `The export options are not valid: ${issues.join('; ')}.`,
    { key: 'export.invalid_options', params: { detail: issues.join('; ') } }
  )
}

/**
 * The file endings each format may be written under. The path can come from the renderer, so
 * this keeps a compromised page (or a slip of the hand) from replacing a script, a config file
 * or a program with an export.
 */
export const EXPORT_EXTENSIONS: Record<ExportOptions['format'], readonly string[]> = {
  csv: ['.csv', '.tsv', '.txt'],
  json: ['.json'],
  annotations: ['.jsonld', '.json'],
  csl: ['.json'],
  ris: ['.ris', '.txt']
}

function checkExtension(format: ExportOptions['format'], path: string): void {
  const allowed = EXPORT_EXTENSIONS[format]
  if (!allowed.includes(extname(path).toLowerCase())) {
    throw new WarraqError(
      'invalid_input',
      `A ${format} export is written to a file ending in ${allowed.join(', ')}, not ${basename(path)}.`,
      {
        key: 'export.wrong_extension',
        params: { format, allowed: allowed.join(', '), name: basename(path) }
      }
    )
  }
}

/** The archive file and its journals are never an export's target. */
function refuseArchiveTarget(archive: Archive, path: string): void {
  const target = resolve(path)
  const file = resolve(archive.file)
  if ([file, `${file}-wal`, `${file}-shm`, `${file}-journal`].includes(target)) {
    throw new WarraqError('invalid_input', 'An export cannot be written over the archive itself.', {
      key: 'export.over_archive'
    })
  }
}

function invalidPath(message: string, key: string, params: Record<string, string>): WarraqError {
  return new WarraqError('invalid_input', message, { key: `export.${key}`, params })
}

/**
 * Refuses, before anything is read or written, a path that cannot be a new export: a NUL in it,
 * a missing parent folder, a folder under the name, or (without `overwrite`) an existing file.
 */
function checkTarget(path: string, overwrite: boolean): void {
  if (path.includes('\0')) {
    throw invalidPath('A file path cannot contain a NUL character.', 'bad_path', { path })
  }
  const folder = dirname(path)
  let parent: ReturnType<typeof statSync> | undefined
  try {
    parent = statSync(folder)
  } catch {
    parent = undefined
  }
  if (!parent?.isDirectory()) {
    throw invalidPath(`The folder ${folder} does not exist.`, 'no_folder', { folder })
  }
  let target: ReturnType<typeof statSync> | undefined
  try {
    target = statSync(path)
  } catch {
    return
  }
  if (target.isDirectory()) {
    throw invalidPath(`${path} is a folder, not a file.`, 'is_folder', { path })
  }
  if (!overwrite) throw fileExistsError(path)
}

export async function exportToFile(
  archive: Archive,
  input: ExportOptionsInput & { path: string; overwrite?: boolean },
  run: ExportRunOptions = {}
): Promise<ExportResult> {
  const options = parseOptions(input)
  const path = resolve(input.path)
  const overwrite = input.overwrite ?? false
  refuseArchiveTarget(archive, path)
  checkExtension(options.format, path)
  checkTarget(path, overwrite)
  // what a killed export left beside its target (its process is gone)
  removeStaleParts(dirname(path))
  const ids = selectArticleIds(archive, options.selection)
  let rows = 0
  const plan = planExport(archive, options, ids)
  const text = textOf(plan, () => {
    rows++
    if (rows % 500 === 0) run.onProgress?.(rows)
  })
  const { bytes } = await writeFileAtomically(
    path,
    encoded(text, options.encoding, plan.kind === 'csv'),
    { signal: run.signal, overwrite }
  )
  run.onProgress?.(rows)
  return { path, rows, bytes }
}

function* take<T>(items: Iterable<T>, n: number): Generator<T> {
  if (n <= 0) return
  let i = 0
  for (const item of items) {
    yield item
    if (++i >= n) return
  }
}

/**
 * The first rows as the file will hold them: CSV cells with the header first (guarded as in the
 * file), or one record per row (JSON as indented text, RIS as its lines).
 */
export function exportPreview(archive: Archive, input: ExportOptionsInput): ExportPreview {
  const options = parseOptions(input)
  const ids = selectArticleIds(archive, options.selection)
  const plan = planExport(archive, options, ids)
  if (plan.kind === 'csv') {
    const lines = [plan.columns, ...take(plan.rows, PREVIEW_ROWS)]
    // the cells as a spreadsheet will show them: guarded exactly as in the file
    return lines.map((cells) => cells.map(shownCell))
  }
  if (plan.kind === 'json') {
    return [...take(plan.records, PREVIEW_ROWS)].map((r) => [JSON.stringify(r, null, 2)])
  }
  return [...take(plan.records, PREVIEW_ROWS)].map((r) => [r])
}

/** A cell as the file holds it, without the CSV quoting: formula guard included. */
function shownCell(cell: string): string {
  return csvField(cell).slice(1, -1).replaceAll('""', '"')
}

/** A file name in the user's Documents folder (or home) that no file has yet, for the dialog. */
export function defaultExportPath(format: ExportOptions['format'], now = new Date()): string {
  const home = homedir()
  const documents = join(home, 'Documents')
  const folder = existsSync(documents) ? documents : home
  const stamp = now.toISOString().slice(0, 10)
  const extension = EXPORT_EXTENSIONS[format][0]
  for (let n = 1; ; n++) {
    const name = `warraq-${format}-${stamp}${n > 1 ? `-${n}` : ''}${extension}`
    const path = join(folder, name)
    if (!existsSync(path)) return path
  }
}
