import { BRIDGE_NAME } from '@shared/ipc'

/**
 * True inside the desktop app (the preload bridge exists): there, file paths come from native
 * dialogs in main (`desktop.*` calls), never from the page. In the browser host the page picks
 * files itself and sends them.
 */
export const inDesktop: boolean =
  typeof window !== 'undefined' &&
  (window as unknown as Record<string, unknown>)[BRIDGE_NAME] !== undefined
