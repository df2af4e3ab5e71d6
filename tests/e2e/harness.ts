import { existsSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { createHandlers } from '../../src/main/core/api/handlers'
import { startServer, type RunningServer } from '../../src/main/host/server'
import { createTestArchive, type TestArchive } from '../helpers/archive'

export const RESULTS_DIR = resolve(import.meta.dirname, '..', '..', 'test-results')
const RENDERER_DIR = resolve(import.meta.dirname, '..', '..', 'out', 'renderer')

const CHROMIUM_CANDIDATES = [
  process.env.WARRAQ_CHROMIUM,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome'
].filter((p): p is string => Boolean(p))

export function chromiumPath(): string {
  const found = CHROMIUM_CANDIDATES.find((p) => existsSync(p))
  if (!found) {
    throw new Error(
      'No Chromium found for the end-to-end tests: install one (Debian: `apt-get install -y chromium`) or set WARRAQ_CHROMIUM to its path.'
    )
  }
  return found
}

/** Debian's Chromium as these machines run it: no sandbox as root, no background traffic. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run'
    ]
  })
}

export interface Session {
  archive: TestArchive
  server: RunningServer
  browser: Browser
  page: Page
  close(): Promise<void>
}

/** A fresh archive behind a fresh browser host, and a Chromium page opened on its URL. */
export async function openSession(locale: 'ar' | 'en' = 'ar'): Promise<Session> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('The renderer is not built: run `npm run build:app` (npm test does it first).')
  }
  mkdirSync(RESULTS_DIR, { recursive: true })
  const archive = createTestArchive()
  const server = await startServer({
    handlers: createHandlers(archive.archive),
    rendererDir: RENDERER_DIR
  })
  const browser = await launchChromium()
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale })
  if (locale === 'en')
    await context.addInitScript(() => localStorage.setItem('warraq.locale', 'en'))
  const page = await context.newPage()
  await page.goto(server.url)
  return {
    archive,
    server,
    browser,
    page,
    async close() {
      await browser.close()
      await server.close()
      archive.cleanup()
    }
  }
}

export function screenshotPath(name: string): string {
  return join(RESULTS_DIR, `${name}.png`)
}
