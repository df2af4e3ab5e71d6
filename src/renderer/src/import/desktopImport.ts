/**
 * The desktop app's import: main shows the open dialog and the archive worker reads the chosen
 * files or folder from disk (any size, nothing sent through the window). A JSON or CSV file whose
 * fields were not recognised comes back with a handle main keeps, so the mapping step can show
 * its fields and import it again without the page ever naming a path.
 */
import type { DesktopChoice, DesktopImportResult } from '@shared/contract/desktop'
import { api } from '../api/client'
import { current, IDLE, PROGRESS_POLL_MS, set, type ImportChoices } from './importStore'

let lastChoices: ImportChoices = { format: 'auto', duplicates: 'skip' }
export function lastDesktopChoices(): ImportChoices {
  return lastChoices
}

function pollProgress(): () => void {
  let asking = false
  const timer = window.setInterval(() => {
    if (asking) return
    asking = true
    api['desktop.importProgress']({})
      .finally(() => (asking = false))
      .then(
        (p) =>
          p.running &&
          current().phase === 'running' &&
          set({
            filesDone: p.filesDone,
            articles: p.articles,
            records:
              p.recordsDone === undefined
                ? null
                : {
                    done: p.recordsDone,
                    total: p.recordsTotal ?? p.recordsDone,
                    perSecond: p.recordsPerSecond ?? 0
                  }
          }),
        () => undefined
      )
  }, PROGRESS_POLL_MS)
  return () => window.clearInterval(timer)
}

async function run(
  choices: ImportChoices,
  call: () => Promise<DesktopChoice<DesktopImportResult>>
): Promise<void> {
  if (current().phase === 'running') return
  const before = current()
  lastChoices = choices
  set({ ...IDLE, kind: 'desktop', phase: 'running', startedAt: Date.now() })
  const stopPolling = pollProgress()
  try {
    const answer = await call()
    if (!answer.chosen) {
      set(before)
      return
    }
    const { mappable, ...summary } = answer.result
    window.dispatchEvent(new Event('warraq:changed'))
    const files = summary.files.length
    set({
      summary,
      mappable,
      filesTotal: files,
      filesDone: files,
      records: null,
      phase: summary.cancelled ? 'cancelled' : 'done',
      finishedAt: Date.now()
    })
  } catch (err) {
    set({ phase: 'error', error: (err as Error).message, finishedAt: Date.now() })
  } finally {
    stopPolling()
  }
}

/** Resolves when the import ends; a cancelled dialog leaves the page as it was. */
export function startDesktopImport(
  pick: 'files' | 'folder',
  choices: ImportChoices
): Promise<void> {
  return run(choices, () =>
    api['desktop.importChosen']({
      pick,
      format: choices.format,
      duplicates: choices.duplicates
    })
  )
}

/** The file behind the handle imported again with the mapping step's choices. */
export function startDesktopMappedImport(
  handle: string,
  choices: ImportChoices & Required<Pick<ImportChoices, 'mapping'>>
): Promise<void> {
  return run(choices, async () => ({
    chosen: true,
    result: await api['desktop.importMapped']({
      handle,
      format: choices.format,
      duplicates: choices.duplicates,
      mapping: choices.mapping
    })
  }))
}
