/**
 * The narrow bridge: exposes exactly the contract's calls to the renderer, each a function that
 * sends its name and input over one channel. Never ipcRenderer itself.
 */
import { CALL_NAMES, type Api } from '@shared/contract'
import { BRIDGE_NAME, IPC_CHANNEL } from '@shared/ipc'
import { contextBridge, ipcRenderer } from 'electron'

export type BridgeCall = (name: string, input: unknown) => Promise<unknown>

const bridge = Object.fromEntries(
  CALL_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(IPC_CHANNEL, name, input)])
) as unknown as { [K in keyof Api]: (input: unknown) => Promise<unknown> }

contextBridge.exposeInMainWorld(BRIDGE_NAME, bridge)
