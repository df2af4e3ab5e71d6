import { describe, expect, it, vi } from 'vitest'
import { CALL_NAMES } from '../../src/shared/contract'
import {
  isAllowedExternalUrl,
  isTrustedSender,
  secureWebPreferences,
  trustedOrigins
} from '../../src/main/security'

describe('Electron hardening (checked without the Electron binary)', () => {
  it('turns on isolation and the sandbox, and off node in the renderer', () => {
    const prefs = secureWebPreferences('/app/preload.cjs')
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false
    })
  })

  it('accepts IPC only from frames showing the app', () => {
    const origins = trustedOrigins(undefined)
    expect(isTrustedSender('warraq://app/index.html', origins)).toBe(true)
    expect(isTrustedSender('https://evil.example/', origins)).toBe(false)
    expect(isTrustedSender('warraq://other/index.html', origins)).toBe(false)
    expect(isTrustedSender('file:///etc/passwd', origins)).toBe(false)
    expect(isTrustedSender(undefined, origins)).toBe(false)
    expect(isTrustedSender('', origins)).toBe(false)
    expect(isTrustedSender('http://localhost:5173/', trustedOrigins('http://localhost:5173'))).toBe(
      true
    )
    expect(isTrustedSender('http://localhost:5174/', trustedOrigins('http://localhost:5173'))).toBe(
      false
    )
  })

  it('opens only https links outside the app', () => {
    expect(isAllowedExternalUrl('https://example.org/article')).toBe(true)
    expect(isAllowedExternalUrl('http://example.org/')).toBe(false)
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false)
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false)
    expect(isAllowedExternalUrl('https://user:pw@example.org/')).toBe(false)
    expect(isAllowedExternalUrl('not a url')).toBe(false)
  })

  it('the preload exposes exactly the contract and nothing else', async () => {
    const exposed: Record<string, unknown> = {}
    const invoke = vi.fn(async () => ({ ok: true, value: null }))
    vi.doMock('electron', () => ({
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
      ipcRenderer: { invoke }
    }))
    await import('../../src/preload/index')
    expect(Object.keys(exposed)).toEqual(['warraq'])
    const bridge = exposed.warraq as Record<string, (input: unknown) => Promise<unknown>>
    expect(Object.keys(bridge).sort()).toEqual([...CALL_NAMES].sort())
    expect(Object.values(bridge).every((f) => typeof f === 'function')).toBe(true)
    await bridge['articles.get']({ uid: 'x' })
    expect(invoke).toHaveBeenCalledWith('warraq:call', 'articles.get', { uid: 'x' })
  })
  // the main process itself (navigation, new windows, the CSP on the app protocol, the single
  // instance) is run, built, under the Electron double: tests/electron-double/main.test.ts
})
