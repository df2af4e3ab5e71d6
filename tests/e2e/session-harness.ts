import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { startSession, type ArchiveSession } from '../../src/main/core/api/session'
import { startServer, type RunningServer } from '../../src/main/host/server'
import { launchChromium, RESULTS_DIR } from './harness'

const RENDERER_DIR = resolve(import.meta.dirname, '..', '..', 'out', 'renderer')

export interface HostedSession {
  session: ArchiveSession
  server: RunningServer
  browser: Browser
  page: Page
  close(): Promise<void>
}

/**
 * The browser host as `warraq serve` runs it: through the session layer, so an archive that
 * cannot be opened gives the recovery screen. The caller owns (and removes) the archive's folder.
 */
export async function hostArchive(
  file: string,
  locale: 'ar' | 'en' = 'ar'
): Promise<HostedSession> {
  mkdirSync(RESULTS_DIR, { recursive: true })
  const session = startSession(file)
  const server = await startServer({ handlers: session.handlers, rendererDir: RENDERER_DIR })
  const browser = await launchChromium()
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale })
  if (locale === 'en')
    await context.addInitScript(() => localStorage.setItem('warraq.locale', 'en'))
  const page = await context.newPage()
  page.on('pageerror', (err) => console.error('[page error]', err.message))
  await page.goto(server.url)
  return {
    session,
    server,
    browser,
    page,
    async close() {
      await browser.close()
      await server.close()
      session.close()
    }
  }
}
