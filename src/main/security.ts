/**
 * Electron's security settings, in one place so tests can check them without the Electron binary.
 */
import type { WebPreferences } from 'electron'

export const APP_SCHEME = 'warraq'
export const APP_ORIGIN = `${APP_SCHEME}://app`

export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false
  }
}

/** Origins whose frames may call the contract: the app itself, and the dev server in development. */
export function trustedOrigins(devServerUrl: string | undefined): string[] {
  const origins = [APP_ORIGIN]
  if (devServerUrl) origins.push(new URL(devServerUrl).origin)
  return origins
}

/** True when an IPC message comes from a frame showing the app (not a foreign or missing frame). */
export function isTrustedSender(frameUrl: string | undefined | null, origins: string[]): boolean {
  if (!frameUrl) return false
  try {
    const origin = new URL(frameUrl).origin
    // custom schemes have an opaque origin ("null") in the URL API: compare scheme and host
    const url = new URL(frameUrl)
    const schemeOrigin = `${url.protocol}//${url.host}`
    return origins.includes(origin) || origins.includes(schemeOrigin)
  } catch {
    return false
  }
}

const EXTERNAL_HOSTS_ALLOWED = /^https:$/

/** Only https links leave the app, and only to the system browser. */
export function isAllowedExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return (
      EXTERNAL_HOSTS_ALLOWED.test(parsed.protocol) &&
      parsed.username === '' &&
      parsed.password === ''
    )
  } catch {
    return false
  }
}
