import type { Handlers } from '@shared/contract'
import { WarraqError } from '@shared/errors'

export type DesktopCalls = Extract<keyof Handlers, `desktop.${string}`>

function unsupported(): never {
  throw new WarraqError(
    'unsupported',
    'Native dialogs exist only in the desktop app; here the page chooses files itself.',
    { key: 'desktop.unsupported' }
  )
}

/**
 * The desktop-only calls outside the desktop app (the browser host, the CLI, tests): not
 * available. The Electron shell replaces them with its dialog-backed handlers (src/main/desktop).
 */
export function noDesktopHandlers(): Pick<Handlers, DesktopCalls> {
  return {
    'desktop.available': () => ({ available: false }),
    'desktop.importChosen': unsupported,
    'desktop.previewFields': unsupported,
    'desktop.importMapped': unsupported,
    'desktop.importProgress': () => ({
      running: false,
      filesDone: 0,
      articles: 0,
      currentPath: ''
    }),
    'desktop.importCancel': () => ({ cancelled: false }),
    'desktop.exportChosen': unsupported,
    'desktop.backupChosen': unsupported,
    'desktop.restoreChosen': unsupported,
    // the browser has no application menu to translate
    'desktop.setLanguage': ({ language }) => ({ language })
  }
}
