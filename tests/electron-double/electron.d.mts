// the double is plain JavaScript (Node runs it without a build); tests read it through this
export const recorded: Record<string, unknown>
export const contextBridge: unknown
export const ipcRenderer: unknown
