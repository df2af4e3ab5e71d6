/**
 * The desktop-only calls: a native dialog in main chooses the path, then the archive worker does
 * the work with it. The renderer never names a path, and the save dialogs ask before replacing.
 * Electron's dialog is passed in, so this module runs under the test double as it is.
 */
import type { Handlers } from '@shared/contract'
import type { DesktopChoice, DesktopImportProgress, Language } from '@shared/contract/desktop'
import { WarraqError, type Result } from '@shared/errors'
import type { BrowserWindow, Dialog, OpenDialogOptions, SaveDialogOptions } from 'electron'
import { basename } from 'node:path'
import type { DesktopCalls } from '../core/api/desktop'
import { defaultExportPath, EXPORT_EXTENSIONS } from '../core/export/service'
import { errorFromData, type ArchiveWorker } from '../worker/client'
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

  return {
    'desktop.available': () => ({ available: true }),
    'desktop.importChosen': async ({ pick, format, duplicates }) => {
      const paths = await open({
        title: text().importTitle,
        properties: pick === 'folder' ? ['openDirectory'] : ['openFile', 'multiSelections']
      })
      if (paths.length === 0) return { chosen: false }
      if (importing) {
        throw new WarraqError('busy', 'An import is already running: wait for it or cancel it.', {
          key: 'import.already_running'
        })
      }
      importing = new AbortController()
      progress = { ...idle, running: true }
      try {
        const result = await deps.worker.run(
          { op: 'importPaths', paths, format, duplicates },
          (p) =>
            (progress = {
              running: true,
              filesDone: p.filesDone,
              articles: p.articles,
              currentPath: p.currentPath
            }),
          importing.signal
        )
        return unwrap(result)
      } finally {
        importing = null
        progress = idle
      }
    },
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
