/** The one IPC channel the contract travels on. */
export const IPC_CHANNEL = 'warraq:call'

/** The name under which the preload exposes the contract in the renderer's window. */
export const BRIDGE_NAME = 'warraq'
