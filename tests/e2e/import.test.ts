import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  UNRELATED_BODY,
  WIRE_BODY,
  WIRE_COPY_BODY,
  wireTextFile
} from '../fixtures/import/wire-story'
import { openSession, screenshotPath, type Session } from './harness'

const SEED = resolve(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'shared',
  'seeds',
  '000_858bd456555f0983.txt'
)

let s: Session
beforeEach(async () => {
  s = await openSession()
})
afterEach(async () => s.close())

const textFile = (name: string, text: string) => ({
  name,
  mimeType: 'text/plain',
  buffer: Buffer.from(text, 'utf8')
})

describe('import in the browser host', () => {
  it('imports files through the dialog, shows the report, opens an article and the possible duplicates', async () => {
    const { page } = s
    await page.click('[data-testid=nav-import]')
    await page.waitForSelector('[data-testid=import-files-input]', { state: 'attached' })
    const files = [
      textFile('water.txt', wireTextFile('تدشين محطة التحلية في الجنوب', WIRE_BODY)),
      textFile('water-copy.txt', wireTextFile('الحكومة تدشن مشروع التحلية', WIRE_COPY_BODY)),
      textFile('books.txt', wireTextFile('افتتاح معرض الكتاب السنوي', UNRELATED_BODY)),
      {
        name: 'junk.bin',
        mimeType: 'application/octet-stream',
        buffer: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131) & 0xff))
      }
    ]
    if (existsSync(SEED)) files.push(textFile('seed.txt', readFileSync(SEED, 'utf8')))
    await page.setInputFiles('[data-testid=import-files-input]', files)
    console.log('files delivered at', await page.evaluate(() => Math.round(performance.now())))
    await page.waitForSelector('[data-testid=import-phase][data-phase=done]')
    // the raw counts: the text is in the interface's digits (Arabic-Indic by default)
    expect(await page.getAttribute('[data-testid=import-count]', 'data-done')).toBe(
      String(files.length)
    )
    expect(await page.getAttribute('[data-testid=import-count]', 'data-total')).toBe(
      String(files.length)
    )
    expect(await page.textContent('[data-testid=import-count]')).not.toMatch(/[0-9]/)
    const rows = page.locator('[data-testid=import-row]')
    expect(await rows.count()).toBe(files.length)
    const junkRow = rows.filter({ hasText: 'junk.bin' })
    // the reason in Arabic; the core's English sentence only behind "details"
    const reason = junkRow.locator('.import-reason')
    expect(await reason.textContent()).not.toMatch(/[A-Za-z]{3,}/)
    await reason.locator('.message-toggle').click()
    expect(await reason.locator('[data-testid=message-detail]').textContent()).toContain('binary')
    expect(await page.getAttribute('[data-testid=import-summary]', 'data-imported')).toBe(
      String(files.length - 1)
    )
    await page.screenshot({ path: screenshotPath('import-report-rtl'), fullPage: true })

    // the report is kept and re-opens from the list of past imports
    await page.click('[data-testid=import-reports] a')
    await page.waitForSelector('[data-testid=import-report]')
    expect(await page.locator('[data-testid=import-row]').count()).toBe(files.length)

    // open an imported article from the report
    await page
      .locator('[data-testid=import-row]', { hasText: 'books.txt' })
      .locator('[data-testid=import-open-article]')
      .click()
    await page.waitForSelector('[data-testid=article-title]')
    expect(await page.textContent('[data-testid=article-title]')).toBe('افتتاح معرض الكتاب السنوي')

    // the original file, as it came, from the article's header
    await page.click('[data-testid=original-link]')
    await page.waitForSelector('[data-testid=original-preview]')
    expect(await page.textContent('[data-testid=original-meta]')).toContain('books.txt')
    expect(await page.textContent('[data-testid=original-preview]')).toContain('معرض الكتاب')

    // the wire copy waits in the possible duplicates, side by side
    await page.click('[data-testid=nav-duplicates]')
    await page.waitForSelector('[data-testid=dup-pair]')
    expect(await page.locator('[data-testid=dup-side]').count()).toBe(2)
    await page.screenshot({ path: screenshotPath('duplicates-rtl'), fullPage: true })
    await page.click('[data-testid=dup-link]')
    await page.waitForSelector('[data-testid=dup-pair]', { state: 'detached' })
    expect(await page.getAttribute('[data-testid=dup-count]', 'data-count')).toBe('0')
  })
})

describe('a large folder', () => {
  it('imports 10,000 files in batches while the window keeps answering', async () => {
    const { page } = s
    await page.click('[data-testid=nav-import]')
    await page.waitForSelector('[data-testid=import-files-input]', { state: 'attached' })
    const files = Array.from({ length: 10_000 }, (_, i) =>
      textFile(
        `folder/story-${String(i).padStart(5, '0')}.txt`,
        wireTextFile(
          `خبر قصير رقم ${i}`,
          `نص الخبر رقم ${i} في سطر واحد عن موضوع ${i % 97} من الأرشيف.`
        )
      )
    )
    // the longest gap between two animation frames from the moment the app has the files (the
    // test tool's own delivery of 10,000 files into the page is not the app's doing)
    await page.evaluate(() => {
      const w = window as unknown as {
        gaps: number[]
        last: number
        from: number
        watching: boolean
      }
      w.gaps = []
      w.from = Infinity
      w.last = performance.now()
      w.watching = true
      document.querySelector('[data-testid=import-files-input]')!.addEventListener('change', () => {
        w.from = performance.now()
      })
      const tick = (now: number): void => {
        if (w.last >= w.from) w.gaps.push(now - w.last)
        w.last = now
        if (w.watching) requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    })
    await page.setInputFiles('[data-testid=import-files-input]', files)
    const started = Date.now()
    await page.waitForSelector('[data-testid=import-phase][data-phase=done]', { timeout: 300_000 })
    const seconds = (Date.now() - started) / 1000
    const gaps = await page.evaluate(() => (window as unknown as { gaps: number[] }).gaps)
    const maxGap = Math.max(...gaps)
    console.log(
      `10,000 files through the dialog in ${seconds.toFixed(1)} s; ${gaps.length} frames, longest gap ${Math.round(maxGap)} ms`
    )
    expect(await page.getAttribute('[data-testid=import-count]', 'data-done')).toBe('10000')
    expect(await page.getAttribute('[data-testid=import-count]', 'data-total')).toBe('10000')
    expect(await page.getAttribute('[data-testid=import-summary]', 'data-imported')).toBe('10000')
    expect(maxGap).toBeLessThan(1_000)
    await page.screenshot({ path: screenshotPath('import-10000-done') })
  }, 400_000)
})
