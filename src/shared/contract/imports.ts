import type { MessageRef } from '../errors'
import { z } from 'zod'

export const IMPORT_FORMATS = ['auto', 'txt', 'html', 'json', 'csv', 'xml'] as const
export type ImportFormatChoice = (typeof IMPORT_FORMATS)[number]

/** What to do with an article whose normalised body is already in the archive. */
export const DUPLICATE_POLICIES = ['skip', 'link', 'import'] as const
export type DuplicatePolicy = (typeof DUPLICATE_POLICIES)[number]

export type FileStatus = 'imported' | 'duplicate' | 'failed' | 'partial'

export interface FileResult {
  path: string
  status: FileStatus
  uids: string[]
  /** uids of existing articles this file's articles duplicate */
  duplicateOf?: string[]
  /** uids of existing articles this file's articles nearly duplicate (to review) */
  possibleDuplicates?: string[]
  /** uids of articles already in the archive whose story this file's articles print again */
  storyOf?: string[]
  /** the reason in English, for the CLI and logs */
  reason?: string
  /** the reason as a catalogue key and its parameters, for the interface in either language */
  reasonRef?: MessageRef
  format?: string
  encoding?: string
}

export interface ImportSummary {
  reportUid: string
  imported: number
  duplicates: number
  failed: number
  /** near-duplicate pairs recorded for review */
  possibleDuplicates?: number
  files: FileResult[]
  cancelled?: boolean
  startedAt?: string
  /** null while running, and for an import that was killed midway */
  finishedAt?: string | null
}

/** One past import in the list of reports. */
export interface ImportReportItem {
  uid: string
  startedAt: string
  finishedAt: string | null
  imported: number
  duplicates: number
  failed: number
  possibleDuplicates: number
  files: number
  cancelled: boolean
}

export interface ImportProgress {
  filesDone: number
  filesTotal: number
  articles: number
  currentPath: string
  /** within one big file: records written so far, of how many, and how fast */
  recordsDone?: number
  recordsTotal?: number
  recordsPerSecond?: number
}

/** The article fields a user may map a record's field to (`--map 'عنوان=title'`). */
export const MAPPABLE_FIELDS = [
  'title',
  'subtitle',
  'body',
  'summary',
  'source',
  'url',
  'authors',
  'published',
  'dateText',
  'caption',
  'imageCredit',
  'section',
  'tags',
  'notes',
  'lang',
  'sourceId'
] as const
export type MappableField = (typeof MAPPABLE_FIELDS)[number]

/** The user's names for a JSON, CSV or XML file's fields: the file's name → Warraq's field. */
export const FieldMappingInput = z
  .record(z.string().min(1).max(200), z.enum(MAPPABLE_FIELDS))
  .refine((m) => Object.keys(m).length <= 500, 'At most 500 mapped fields.')

/** The upload import under way in this archive (the browser host's), read while a call runs. */
export interface UploadProgress {
  running: boolean
  /** the latest progress of the running call; inside one big file, its records */
  progress: ImportProgress | null
}

/** What `import.stop` did: whether an `import.files` call was running to be stopped. */
export interface ImportStopResult {
  stopping: boolean
}

/** A file sent from the renderer (drag and drop, the Import dialog) as base64. */
export const ImportFilesInput = z.object({
  files: z
    .array(
      z.object({
        name: z.string().min(1).max(1_000),
        base64: z.string().max(60 * 1024 * 1024)
      })
    )
    .max(10_000),
  format: z.enum(IMPORT_FORMATS).default('auto'),
  duplicates: z.enum(DUPLICATE_POLICIES).default('skip'),
  /** continue this report: one import sent in several calls keeps one report */
  reportUid: z.string().min(1).max(200).optional(),
  /** files the renderer could not send (too large, unreadable), reported with their reason */
  rejected: z
    .array(z.object({ name: z.string().min(1).max(1_000), reason: z.string().max(2_000) }))
    .max(10_000)
    .default([]),
  /** this call ends the import: the report is marked finished (or cancelled) */
  final: z.boolean().default(true),
  cancelled: z.boolean().default(false),
  mapping: FieldMappingInput.optional()
})
export type ImportFilesInput = z.input<typeof ImportFilesInput>

export const ImportReportInput = z.object({ uid: z.string().min(1).max(200) })

/** One file, as the import sends it, whose fields and first records are to be shown. */
export const ImportPreviewInput = z.object({
  name: z.string().min(1).max(1_000),
  base64: z.string().max(60 * 1024 * 1024),
  format: z.enum(IMPORT_FORMATS).default('auto')
})
export type ImportPreviewInput = z.input<typeof ImportPreviewInput>

export interface PreviewField {
  /** the name as the file writes it (JSON key, CSV header) */
  name: string
  /** the field Warraq reads it as today, if any: the mapping step's first choice */
  guess: MappableField | null
}

/** A structured file's fields and its first records, values cut short, for the mapping step. */
export interface ImportPreview {
  format: 'json' | 'csv'
  fields: PreviewField[]
  records: Record<string, string>[]
  /** how many records the file holds */
  total: number
}
