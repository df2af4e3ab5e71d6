import type { Handlers } from '@shared/contract'
import { IPC_CHANNEL } from '@shared/ipc'
import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { dispatch } from './core/api/dispatch'
import { isTrustedSender } from './security'

/**
 * Binds the contract to one IPC channel. Every message is checked: the sending frame must show
 * the app, and the input is validated by the contract's schema in `dispatch`.
 */
export function bindContract(ipcMain: IpcMain, handlers: Handlers, origins: string[]): void {
  ipcMain.handle(IPC_CHANNEL, async (event: IpcMainInvokeEvent, name: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url, origins)) {
      return {
        ok: false,
        error: { code: 'invalid_input', message: 'Refused: the request did not come from the app.' }
      }
    }
    if (typeof name !== 'string') {
      return {
        ok: false,
        error: { code: 'unknown_call', message: 'The call name must be a string.' }
      }
    }
    return dispatch(handlers, name, input)
  })
}
