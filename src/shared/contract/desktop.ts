import { z } from 'zod'
import { DUPLICATE_POLICIES, IMPORT_FORMATS } from './imports'
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
}

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
