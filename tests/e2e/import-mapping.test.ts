/**
 * The import page's field-mapping step in Chromium through the browser host: a JSON and a CSV
 * file whose keys Warraq does not know fail, each is offered with its fields and first records,
 * and once mapped imports its articles with title, body and source, the unmapped key kept as
 * other metadata shown in the article.
 */
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { CSV_TEXT, CSV_TITLES, JSON_RECORDS, JSON_TEXT, MAPPING } from '../fixtures/import/unmapped'
import { caller } from '../helpers/call'
import { openSession, screenshotPath, type Session } from './harness'

let s: Session | undefined
afterEach(async () => {
  await s?.close()
  s = undefined
})

const file = (name: string, mimeType: string, text: string) => ({
  name,
  mimeType,
  buffer: Buffer.from(text, 'utf8')
})

async function upload(page: Page): Promise<void> {
  await page.click('[data-testid=nav-import]')
  await page.waitForSelector('[data-testid=import-files-input]', { state: 'attached' })
  await page.setInputFiles('[data-testid=import-files-input]', [
    file('scraper-dump.json', 'application/json', JSON_TEXT),
    file('sheet.csv', 'text/csv', CSV_TEXT)
  ])
  await page.waitForSelector('[data-testid=import-phase][data-phase=done]')
}

async function mapAndApply(page: Page): Promise<void> {
  for (const [name, field] of Object.entries(MAPPING)) {
    await page.selectOption(`[data-testid=import-map-${name}]`, field)
  }
  await page.click('[data-testid=import-map-apply]')
  await page.waitForSelector('[data-testid=import-phase][data-phase=done]')
}

describe('the mapping step', () => {
  it('maps a JSON and a CSV file with unknown keys, in Arabic, and keeps the rest as metadata', async () => {
    s = await openSession('ar')
    const { page } = s
    await upload(page)
    // both files failed as they were: no field was recognised
    const rows = page.locator('[data-testid=import-row]')
    expect(await rows.count()).toBe(2)
    expect(await page.locator('[data-testid=import-row].status-failed').count()).toBe(2)
    expect(await page.getAttribute('[data-testid=import-summary]', 'data-imported')).toBe('0')

    // the JSON file first: its keys as column heads, its first records below them
    const step = page.locator('[data-testid=import-mapping]')
    await step.waitFor()
    expect(await step.textContent()).toContain('scraper-dump.json')
    const heads = await step.locator('.import-mapping-name').allTextContents()
    expect(heads).toEqual(['headline_x', 'txt_y', 'outlet_z', 'views_w'])
    const cells = step.locator('tbody tr')
    expect(await cells.count()).toBe(3)
    expect(await cells.first().locator('td').first().textContent()).toBe(JSON_RECORDS[0].headline_x)
    expect(await page.getAttribute('[data-testid=import-map-total]', 'data-count')).toBe('3')
    // the count in Arabic-Indic digits, the default for Arabic
    expect(await page.textContent('[data-testid=import-map-total]')).toContain('٣')
    // nothing is mapped yet, so nothing can be imported
    expect(await page.isDisabled('[data-testid=import-map-apply]')).toBe(true)
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl')
    await page.screenshot({ path: screenshotPath('import-mapping-json-rtl'), fullPage: true })

    await mapAndApply(page)
    expect(await page.getAttribute('[data-testid=import-summary]', 'data-imported')).toBe('3')
    expect(await page.locator('[data-testid=import-row].status-imported').count()).toBe(1)

    // the CSV file is offered next, with its own records
    await step.waitFor()
    expect(await step.textContent()).toContain('sheet.csv')
    expect(await step.locator('.import-mapping-name').allTextContents()).toEqual([
      'headline_x',
      'txt_y',
      'outlet_z',
      'ref_w'
    ])
    expect(await step.locator('tbody tr').first().locator('td').first().textContent()).toBe(
      CSV_TITLES[0]
    )
    await page.screenshot({ path: screenshotPath('import-mapping-csv-rtl'), fullPage: true })
    await mapAndApply(page)
    expect(await page.getAttribute('[data-testid=import-summary]', 'data-imported')).toBe('3')
    // nothing left to map
    expect(await step.count()).toBe(0)

    // the six articles are in the archive with their title, body and source
    const call = caller(s.archive.archive)
    const { items } = await call('articles.list', { limit: 50 })
    expect(items.map((a) => a.title).sort()).toEqual(
      [...JSON_RECORDS.map((r) => r.headline_x), ...CSV_TITLES].sort()
    )
    for (const item of items) {
      const article = await call('articles.get', { uid: item.uid })
      expect(article.source).toMatch(/^(صحيفة الوادي|نشرة الجنوب|إذاعة الساحل|مجلة البيئة)$/)
      expect(article.body.length).toBeGreaterThan(40)
      expect(Object.keys(article.extra)).toHaveLength(1)
    }

    // an article of the CSV, opened from the report: title, source and the kept key shown
    await page.locator('[data-testid=import-open-article]').first().click()
    await page.waitForSelector('[data-testid=article-title]')
    expect(await page.textContent('[data-testid=article-title]')).toBe(CSV_TITLES[0])
    await page.click('[data-testid=tab-details]')
    const meta = page.locator('dl.meta')
    await meta.waitFor()
    expect(await meta.textContent()).toContain('إذاعة الساحل')
    const extra = page.locator('[data-testid=meta-extra]')
    expect(await extra.count()).toBe(1)
    expect(await extra.textContent()).toContain('ref_w')
    expect(await extra.textContent()).toContain('SOL-7')
    expect(await page.textContent('[data-testid=article-body]')).toContain('محطة للطاقة الشمسية')
    await page.screenshot({ path: screenshotPath('import-mapping-article-rtl'), fullPage: true })
  })

  it('shows the same step in English', async () => {
    s = await openSession('en')
    const { page } = s
    await upload(page)
    const step = page.locator('[data-testid=import-mapping]')
    await step.waitFor()
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr')
    expect(await step.locator('h2').textContent()).toBe('Map the fields')
    expect(await page.textContent('[data-testid=import-map-total]')).toContain('3 of 3 records')
    await page.screenshot({ path: screenshotPath('import-mapping-en'), fullPage: true })
    await mapAndApply(page)
    expect(await page.getAttribute('[data-testid=import-summary]', 'data-imported')).toBe('3')
  })
})
