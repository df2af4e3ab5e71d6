/**
 * Stop inside one big file, in Chromium through the browser host: a single JSON file of 10,000
 * records is one `import.files` call; Stop ends it at the next chunk, the page says how many
 * articles landed (in the interface's digits), and Resume imports the rest, nothing twice.
 *
 * The host is built as `warraq serve` builds it, the archive on its worker thread: with the
 * archive on the test's own thread, each chunk's transaction would hold up the test's browser
 * driver as well as the server.
 */
import { join, resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import type { CallInput, CallName, CallOutput } from '../../src/shared/contract'
import { startServer, type RunningServer } from '../../src/main/host/server'
import { startArchiveWorker, type ArchiveWorker } from '../../src/main/worker/client'
import { bigJson } from '../fixtures/import/unmapped'
import { tempDir } from '../helpers/archive'
import { launchChromium, screenshotPath } from './harness'

const RENDERER_DIR = resolve(import.meta.dirname, '..', '..', 'out', 'renderer')

interface Session {
  page: Page
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>>
  close(): Promise<void>
}

async function openSession(): Promise<Session> {
  const temp = tempDir('warraq-stop-')
  let worker: ArchiveWorker | undefined
  let server: RunningServer | undefined
  let browser: Browser | undefined
  const close = async (): Promise<void> => {
    await browser?.close()
    await server?.close()
    await worker?.close()
    temp.cleanup()
  }
  try {
    ;({ worker } = await startArchiveWorker({ file: join(temp.dir, 'archive.db') }))
    server = await startServer({ handlers: worker.handlers, rendererDir: RENDERER_DIR })
    browser = await launchChromium()
    const context = await browser.newContext({
      viewport: { width: 1280, height: 860 },
      locale: 'ar'
    })
    const page = await context.newPage()
    await page.goto(server.url)
    const handlers = worker.handlers
    return {
      page,
      call: (name, input) => (handlers[name] as (i: unknown) => Promise<never>)(input),
      close
    }
  } catch (err) {
    await close()
    throw err
  }
}

// five chunks of the import's 2,000 records: Stop lands between two of them
const RECORDS = 10_000
const arabic = (n: number): string => new Intl.NumberFormat('ar-u-nu-arab').format(n)

let s: Session | undefined
afterEach(async () => {
  await s?.close()
  s = undefined
})

describe('Stop within one file', () => {
  it('stops a 10,000-record file at the next chunk, says what landed, and resumes the rest', async () => {
    s = await openSession()
    const { page, call } = s
    await page.click('[data-testid=nav-import]')
    await page.waitForSelector('[data-testid=import-files-input]', { state: 'attached' })
    await page.setInputFiles('[data-testid=import-files-input]', [
      { name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(bigJson(RECORDS)) }
    ])
    // the records of the one file count up while it is read
    const records = page.locator('[data-testid=import-records]')
    await records.waitFor({ timeout: 120_000 })
    await page.waitForFunction(
      () =>
        Number(document.querySelector('[data-testid=import-records]')?.getAttribute('data-done')) >
        0
    )
    expect(await records.getAttribute('data-total')).toBe(String(RECORDS))
    // written in Arabic-Indic digits, no Latin digit left
    expect(await records.textContent()).toContain(arabic(RECORDS))
    expect(await records.textContent()).not.toMatch(/[0-9]/)
    await page.screenshot({ path: screenshotPath('import-stop-running-rtl') })
    await page.click('[data-testid=import-cancel]')
    await page.waitForSelector('[data-testid=import-phase][data-phase=cancelled]', {
      timeout: 120_000
    })

    const landed = Number(await page.getAttribute('[data-testid=import-stopped]', 'data-count'))
    expect(landed).toBeGreaterThan(0)
    expect(landed).toBeLessThan(RECORDS)
    // what the page says is what the archive holds
    expect((await call('archive.stats', {})).articles).toBe(landed)
    const stopped = await page.textContent('[data-testid=import-stopped]')
    expect(stopped).toContain(arabic(landed))
    expect(stopped).not.toMatch(/[0-9]/)
    // the file's line: partial, with how many of its records landed
    const row = page.locator('[data-testid=import-row]')
    expect(await row.count()).toBe(1)
    expect(await row.getAttribute('class')).toContain('status-partial')
    expect(await row.locator('.import-reason').textContent()).toContain(
      `${arabic(landed)} من ${arabic(RECORDS)}`
    )
    const report = await call('import.reports', {})
    expect(report[0]).toMatchObject({ imported: landed, cancelled: true })
    await page.screenshot({ path: screenshotPath('import-stopped-rtl'), fullPage: true })

    // Resume: the same file again; what landed is skipped, the rest imported
    await page.click('[data-testid=import-resume]')
    await page.waitForSelector('[data-testid=import-phase][data-phase=done]', { timeout: 300_000 })
    expect(await page.getAttribute('[data-testid=import-summary]', 'data-imported')).toBe(
      String(RECORDS - landed)
    )
    expect((await call('archive.stats', {})).articles).toBe(RECORDS)
    await page.screenshot({ path: screenshotPath('import-resumed-rtl'), fullPage: true })
  }, 420_000)
})
