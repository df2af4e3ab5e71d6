import { z } from 'zod'
import {
  DUPLICATE_POLICIES,
  FieldMappingInput,
  IMPORT_FORMATS,
  type ImportSummary
} from './imports'
import { ExportOptions } from './exports'

/**
 * Calls only the desktop app answers: main shows a native dialog, then the archive worker does
 * the work with the path the user chose. The renderer never names a path here, and nothing is
 * replaced without the save dialog's own confirmation. The browser host answers `available:
 * false` and 'unsupported' for the others, and the renderer keeps its browser path there.
 */
export type DesktopChoice<T> = { chosen: false } | { chosen: true; result: T }

export interface DesktopAvailability {
  available: boolean
}

/** The desktop import under way, polled by the page while `desktop.importChosen` runs. */
export interface DesktopImportProgress {
  running: boolean
  filesDone: number
  articles: number
  currentPath: string
  /** within one big file: records written so far, of how many, and how fast */
  recordsDone?: number
  recordsTotal?: number
  recordsPerSecond?: number
}

/**
 * A file of the desktop import that can be imported again with a field mapping (a JSON or CSV
 * file whose fields were not recognised). Main keeps its path; the page holds only the handle.
 */
export interface DesktopMappable {
  handle: string
  /** the path as the report shows it, for display only */
  path: string
}

/** The desktop import's report, with the files the mapping step can take by handle. */
export interface DesktopImportResult extends ImportSummary {
  mappable: DesktopMappable[]
}

const Handle = z.string().min(1).max(100)

/** The fields and first records of a file the desktop import was given, by its handle. */
export const DesktopPreviewInput = z
  .object({ handle: Handle, format: z.enum(IMPORT_FORMATS).default('auto') })
  .strict()

/** The file behind a handle imported again, with the user's mapping. */
export const DesktopImportMappedInput = z
  .object({
    handle: Handle,
    format: z.enum(IMPORT_FORMATS).default('auto'),
    duplicates: z.enum(DUPLICATE_POLICIES).default('skip'),
    mapping: FieldMappingInput
  })
  .strict()

export const DesktopImportInput = z
  .object({
    /** the dialogs of Windows and Linux pick files or a folder, not both at once */
    pick: z.enum(['files', 'folder']).default('files'),
    format: z.enum(IMPORT_FORMATS).default('auto'),
    duplicates: z.enum(DUPLICATE_POLICIES).default('skip')
  })
  .strict()

export const DesktopExportInput = ExportOptions

export const LANGUAGES = ['ar', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

/** The interface language, so the application menu follows it. */
export const DesktopLanguageInput = z.object({ language: z.enum(LANGUAGES) }).strict()
