/**
 * The mapping step's preview: a JSON or CSV file's field names, what Warraq reads each as today,
 * and its first records with their values cut short, so the user can map fields Warraq does not
 * know before the file is imported again with that mapping.
 */
import type {
  ImportPreview,
  ImportPreviewInput,
  MappableField,
  PreviewField
} from '@shared/contract/imports'
import { WarraqError } from '@shared/errors'
import type { z } from 'zod'
import { decodeBytes } from './decode'
import { csvRecords } from './formats/csv'
import { DEFAULT_NAMES, normalizeFieldName } from './formats/field-names'
import type { FieldRecord } from './formats/fields'
import { detectFormat } from './formats/index'
import { jsonRecords } from './formats/json'
import { MAPPABLE_FIELDS, ImportFormatError } from './formats/types'

/** Records shown, and records read for field names (a key absent from the first is still seen). */
export const PREVIEW_RECORDS = 5
const SCANNED_RECORDS = 200
const MAX_FIELDS = 100
export const PREVIEW_VALUE_CHARS = 120

/** The field a name already stands for, among those a user may map to. */
export function guessField(name: string): MappableField | null {
  const norm = normalizeFieldName(name)
  if (!norm) return null
  for (const field of MAPPABLE_FIELDS) {
    if (DEFAULT_NAMES[field]?.includes(norm)) return field
  }
  return null
}

function shown(value: unknown): string {
  if (value === null || value === undefined) return ''
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > PREVIEW_VALUE_CHARS ? `${flat.slice(0, PREVIEW_VALUE_CHARS)}…` : flat
}

function fieldNames(records: readonly FieldRecord[], header?: string[]): string[] {
  const names = new Set<string>(header?.filter(Boolean))
  for (const record of records.slice(0, SCANNED_RECORDS)) {
    for (const key of Object.keys(record)) {
      if (names.size >= MAX_FIELDS) break
      names.add(key)
    }
  }
  return [...names].slice(0, MAX_FIELDS)
}

type ParsedPreviewInput = z.output<typeof ImportPreviewInput>

export function previewFields(input: ParsedPreviewInput): ImportPreview {
  const bytes = Buffer.from(input.base64, 'base64')
  const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return previewBytes(input.name, view, input.format)
}

/** The preview of a file's bytes: those sent by the page, or read from disk by the worker. */
export function previewBytes(
  name: string,
  bytes: Uint8Array,
  choice: ParsedPreviewInput['format']
): ImportPreview {
  const { text } = decodeBytes(bytes)
  const forced = choice === 'auto' ? undefined : choice
  const format = detectFormat(text, name, forced).id
  if (format !== 'json' && format !== 'csv') {
    throw new WarraqError('invalid_input', 'Only JSON and CSV files have fields to map.', {
      key: 'import.preview_not_structured',
      params: { format }
    })
  }
  try {
    let records: FieldRecord[]
    let header: string[] | undefined
    if (format === 'json') {
      const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
      records = jsonRecords(source).records.filter((r): r is FieldRecord => r !== null)
    } else {
      ;({ header, records } = csvRecords(text))
    }
    const fields: PreviewField[] = fieldNames(records, header).map((name) => ({
      name,
      guess: guessField(name)
    }))
    const first = records.slice(0, PREVIEW_RECORDS).map((record) => {
      const row: Record<string, string> = {}
      for (const { name } of fields) row[name] = shown(record[name])
      return row
    })
    return { format, fields, records: first, total: records.length }
  } catch (err) {
    if (!(err instanceof ImportFormatError)) throw err
    throw new WarraqError('import_failed', err.message, {
      key: 'import.unreadable',
      params: { detail: err.message }
    })
  }
}
