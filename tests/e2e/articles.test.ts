import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openSession, screenshotPath, type Session } from './harness'

let s: Session
beforeEach(async () => {
  s = await openSession()
})
afterEach(async () => s.close())

describe('articles in the browser host', () => {
  it('creates an Arabic article, edits it, and finds it persisted after a reload', async () => {
    const { page } = s
    await page.waitForSelector('.library')
    expect(await page.getAttribute('html', 'dir')).toBe('rtl')
    await page.screenshot({ path: screenshotPath('library-empty-rtl') })

    await page.click('[data-testid=new-article]')
    await page.fill('input[name=title]', 'موسكو تبحث عن دعم موقفها في الجزائر')
    await page.fill(
      'textarea[name=body]',
      'اعتبر وزير الخارجية أن الحرب على الإرهاب تحتاج تعاوناً دولياً.\nوقال إن الزيارة فرصة لتقييم التعاون.'
    )
    await page.fill('input[name=source]', 'العربي الجديد')
    await page.screenshot({ path: screenshotPath('new-article-form-rtl') })
    await page.click('[data-testid=save-article]')
    await page.waitForSelector('[data-testid=article-title]')
    expect(await page.textContent('[data-testid=article-title]')).toBe(
      'موسكو تبحث عن دعم موقفها في الجزائر'
    )

    await page.click('[data-testid=edit-article]')
    await page.fill('input[name=title]', 'موسكو تبحث عن دعم موقفها تجاه سورية في الجزائر')
    await page.keyboard.press('Control+KeyS')
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=article-title]')?.textContent?.includes('سورية')
    )

    await page.reload()
    await page.waitForSelector('[data-testid=article-title]')
    expect(await page.textContent('[data-testid=article-title]')).toBe(
      'موسكو تبحث عن دعم موقفها تجاه سورية في الجزائر'
    )
    expect(await page.textContent('[data-testid=article-body]')).toContain('الحرب على الإرهاب')
    await page.screenshot({ path: screenshotPath('article-reader-rtl') })

    await page.goto(`http://127.0.0.1:${s.server.port}/#/`)
    await page.waitForSelector('[data-testid=library-row]')
    expect(await page.getAttribute('[data-testid=library-count]', 'data-count')).toBe('1')
    const bodyDir = await page.evaluate(() => getComputedStyle(document.body).direction)
    expect(bodyDir).toBe('rtl')
    await page.screenshot({ path: screenshotPath('library-rtl') })
  })
})

describe('the interface language', () => {
  it('switches to English with a left-to-right layout, and back to Arabic', async () => {
    const { page } = s
    await page.waitForSelector('[data-testid=library-count]')
    const sidebarRight = await page.$eval('.sidebar', (el) => el.getBoundingClientRect().left)
    expect(sidebarRight).toBeGreaterThan(600)
    await page.click('button.locale')
    await page.waitForFunction(() => document.documentElement.dir === 'ltr')
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    expect(await page.textContent('.sidebar')).toContain('Library')
    const sidebarLeft = await page.$eval('.sidebar', (el) => el.getBoundingClientRect().left)
    expect(sidebarLeft).toBe(0)
    await page.screenshot({ path: screenshotPath('library-en-ltr') })
    await page.reload()
    await page.waitForFunction(() => document.documentElement.dir === 'ltr')
    await page.click('button.locale')
    await page.waitForFunction(() => document.documentElement.dir === 'rtl')
    expect(await page.textContent('.sidebar')).toContain('المكتبة')
  })
})
