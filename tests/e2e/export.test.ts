import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createArticle } from '../../src/main/core/articles/service'
import { openSession, screenshotPath, type Session } from './harness'

let s: Session
beforeEach(async () => {
  s = await openSession()
  createArticle(s.archive.archive, {
    title: '=مقال عن الجزائر',
    body: 'زار الوزير الجزائر.',
    source: 'العربي الجديد',
    authors: ['سارة أحمد', 'Karim Benali'],
    published: '2016-02-29'
  })
  createArticle(s.archive.archive, { title: 'خبر آخر', body: 'لا علاقة له.' })
})
afterEach(async () => s.close())

describe('export from the interface', () => {
  it('exports the search results to CSV after a preview, with chosen columns in order', async () => {
    const { page } = s
    await page.waitForSelector('[data-testid=library-count]')
    await page.fill('input.search-box', 'الجزائر')
    await page.waitForSelector('[data-testid=export-results]')
    await page.click('[data-testid=export-results]')
    await page.waitForSelector('[data-testid=export-preview] tr.header')
    // drop the body column and move the title first
    await page.click('[data-testid=export-columns] li:has-text("body") input')
    await page.click('[data-testid=export-columns] li:has-text("title") button:first-of-type')
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid=export-preview] tr.header td')?.textContent === 'title'
    )
    const firstRow = await page.$$eval('[data-testid=export-preview] tr:nth-child(2) td', (tds) =>
      tds.map((td) => td.textContent)
    )
    expect(firstRow[0]).toBe("'=مقال عن الجزائر")
    await page.screenshot({ path: screenshotPath('export-dialog-rtl') })

    const out = join(s.archive.dir, 'results.csv')
    await page.fill('input[name=path]', out)
    await page.click('[data-testid=export-run]')
    await page.waitForSelector('[data-testid=export-done]')
    const bytes = readFileSync(out)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.toString('utf8').slice(1)
    const [header, row, rest] = text.split('\r\n')
    expect(header.startsWith('"title","uid"')).toBe(true)
    expect(header).not.toContain('"body"')
    expect(row.startsWith(`"'=مقال عن الجزائر"`)).toBe(true)
    expect(row).toContain('"سارة أحمد | Karim Benali"')
    expect(rest).toBe('')
  })
})
