/**
 * The desktop-only calls: a native dialog in main chooses the path, then the archive worker does
 * the work with it. The renderer never names a path, and the save dialogs ask before replacing.
 * Electron's dialog is passed in, so this module runs under the test double as it is.
 */
import type { Handlers } from '@shared/contract'
import type {
  DesktopChoice,
  DesktopImportProgress,
  DesktopImportResult,
  Language
} from '@shared/contract/desktop'
import type { ImportPreview, ImportSummary } from '@shared/contract/imports'
import { WarraqError, type Result } from '@shared/errors'
import type { BrowserWindow, Dialog, OpenDialogOptions, SaveDialogOptions } from 'electron'
import { randomUUID } from 'node:crypto'
import { statSync } from 'node:fs'
import { basename } from 'node:path'
import type { DesktopCalls } from '../core/api/desktop'
import { defaultExportPath, EXPORT_EXTENSIONS } from '../core/export/service'
import { errorFromData, type ArchiveWorker } from '../worker/client'
import type { WorkerOp } from '../worker/protocol'
import { dialogText } from './dialog-text'

export interface DesktopDeps {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>
  worker: ArchiveWorker
  window: () => BrowserWindow | null
  language: () => Language
  setLanguage: (language: Language) => void
}

function unwrap<T>(result: Result<unknown>): DesktopChoice<T> {
  if (!result.ok) throw errorFromData(result.error)
  return { chosen: true, result: result.value as T }
}

const ARCHIVE_FILTER = { name: 'Warraq archive', extensions: ['db'] }

/**
 * The report's JSON and CSV files that failed as files on disk (not zip entries): their fields
 * were not recognised, so the mapping step may send them again. Each gets a handle; a file that
 * the mapping has since imported loses its handle, one still failing keeps it, and the files
 * this import did not touch keep theirs.
 */
function mappableFiles(summary: ImportSummary, before: Map<string, string>): Map<string, string> {
  const kept = new Map([...before].map(([handle, path]) => [path, handle]))
  const reported = new Set(summary.files.map((f) => f.path))
  const out = new Map([...before].filter(([, path]) => !reported.has(path)))
  for (const file of summary.files) {
    if (file.status !== 'failed' || (file.format !== 'json' && file.format !== 'csv')) continue
    let isFile = false
    try {
      isFile = statSync(file.path).isFile()
    } catch {
      isFile = false
    }
    if (isFile) out.set(kept.get(file.path) ?? randomUUID(), file.path)
  }
  return out
}

export function desktopHandlers(deps: DesktopDeps): Pick<Handlers, DesktopCalls> {
  const open = async (options: OpenDialogOptions): Promise<string[]> => {
    const win = deps.window()
    const answer = win
      ? await deps.dialog.showOpenDialog(win, options)
      : await deps.dialog.showOpenDialog(options)
    return answer.canceled ? [] : answer.filePaths
  }
  const save = async (options: SaveDialogOptions): Promise<string | null> => {
    // Linux's GTK dialog asks before replacing only when told to; macOS and Windows always ask
    const asked: SaveDialogOptions = { ...options, properties: ['showOverwriteConfirmation'] }
    const win = deps.window()
    const answer = win
      ? await deps.dialog.showSaveDialog(win, asked)
      : await deps.dialog.showSaveDialog(asked)
    return answer.canceled || !answer.filePath ? null : answer.filePath
  }
  const text = () => dialogText(deps.language())
  const idle: DesktopImportProgress = { running: false, filesDone: 0, articles: 0, currentPath: '' }
  let progress = idle
  let importing: AbortController | null = null
  /** the files of the last desktop import the mapping step may take: handle → path */
  let mappable = new Map<string, string>()

  const pathOf = (handle: string): string => {
    const path = mappable.get(handle)
    if (!path) {
      throw new WarraqError(
        'not_found',
        'That file is no longer at hand: choose it again in the import dialog.',
        { key: 'import.handle_unknown' }
      )
    }
    return path
  }

  /** The worker imports paths the dialog chose; the page follows it with importProgress. */
  const runImport = async (
    paths: string[],
    options: Omit<Extract<WorkerOp, { op: 'importPaths' }>, 'op' | 'paths'>
  ): Promise<DesktopImportResult> => {
    if (importing) {
      throw new WarraqError('busy', 'An import is already running: wait for it or cancel it.', {
        key: 'import.already_running'
      })
    }
    importing = new AbortController()
    progress = { ...idle, running: true }
    try {
      const result = await deps.worker.run(
        { op: 'importPaths', paths, ...options },
        (p) => (progress = { ...p, running: true }),
        importing.signal
      )
      if (!result.ok) throw errorFromData(result.error)
      const summary = result.value as ImportSummary
      mappable = mappableFiles(summary, mappable)
      const handles = [...mappable].map(([handle, path]) => ({ handle, path }))
      return { ...summary, mappable: handles }
    } finally {
      importing = null
      progress = idle
    }
  }

  return {
    'desktop.available': () => ({ available: true }),
    'desktop.importChosen': async ({ pick, format, duplicates }) => {
      const paths = await open({
        title: text().importTitle,
        properties: pick === 'folder' ? ['openDirectory'] : ['openFile', 'multiSelections']
      })
      if (paths.length === 0) return { chosen: false }
      mappable = new Map()
      return { chosen: true, result: await runImport(paths, { format, duplicates }) }
    },
    'desktop.previewFields': async ({ handle, format }) => {
      const result = await deps.worker.run({ op: 'previewPath', path: pathOf(handle), format })
      if (!result.ok) throw errorFromData(result.error)
      return result.value as ImportPreview
    },
    'desktop.importMapped': ({ handle, format, duplicates, mapping }) =>
      runImport([pathOf(handle)], { format, duplicates, mapping }),
    'desktop.importProgress': () => progress,
    'desktop.importCancel': () => {
      importing?.abort()
      return { cancelled: importing !== null }
    },
    'desktop.exportChosen': async (options) => {
      const extensions = EXPORT_EXTENSIONS[options.format].map((e) => e.slice(1))
      const path = await save({
        title: text().exportTitle,
        defaultPath: basename(defaultExportPath(options.format)),
        filters: [{ name: options.format.toUpperCase(), extensions }]
      })
      if (!path) return { chosen: false }
      return unwrap(await deps.worker.run({ op: 'exportTo', options, path }))
    },
    'desktop.backupChosen': async () => {
      const stamp = new Date().toISOString().slice(0, 10)
      const path = await save({
        title: text().backupTitle,
        defaultPath: `warraq-backup-${stamp}.db`,
        filters: [ARCHIVE_FILTER]
      })
      if (!path) return { chosen: false }
      return unwrap(await deps.worker.run({ op: 'backupTo', path }))
    },
    'desktop.restoreChosen': async () => {
      const [path] = await open({
        title: text().restoreTitle,
        properties: ['openFile'],
        filters: [ARCHIVE_FILTER]
      })
      if (!path) return { chosen: false }
      // the archive as it was is kept as a 'pre-restore' backup: a restore can be undone
      return unwrap(await deps.worker.run({ op: 'restoreFrom', path }))
    },
    'desktop.setLanguage': ({ language }) => {
      deps.setLanguage(language)
      return { language }
    }
  }
}
