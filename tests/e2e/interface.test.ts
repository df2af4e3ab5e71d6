import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { createArticle } from '../../src/main/core/articles/service'
import { openSession, screenshotPath, type Session } from './harness'

let s: Session | undefined
afterEach(async () => {
  await s?.close()
  s = undefined
})

/** Four articles that all mention الرياض, two from each of two sources, one tagged. */
function seed(session: Session): void {
  const rows = [
    ['الرياض تستضيف قمة الخليج', 'عكاظ'],
    ['أمطار غزيرة على الرياض', 'الحياة'],
    ['ميزانية التعليم في الرياض', 'عكاظ'],
    ['افتتاح معرض الكتاب في الرياض', 'الحياة']
  ]
  rows.forEach(([title, source], i) =>
    createArticle(session.archive.archive, {
      title,
      body: `${title}.\nقال المتحدث في الرياض إن العمل مستمر ${i}.`,
      source,
      tags: i === 0 ? ['اقتصاد'] : []
    })
  )
}

const attr = (page: Page, selector: string, name = 'data-count'): Promise<string | null> =>
  page.locator(selector).first().getAttribute(name)

async function openLibrary(session: Session): Promise<void> {
  await session.page.goto(`http://127.0.0.1:${session.server.port}/#/`)
  await session.page.reload()
  await session.page.waitForSelector('[data-testid=library-row]')
}

describe('facets as chips', () => {
  it('shows a facet added in search as a chip, and removing it brings the results back', async () => {
    s = await openSession('ar')
    seed(s)
    const { page } = s
    await openLibrary(s)
    await page.fill('input.search-box', 'الرياض')
    await expect.poll(() => attr(page, '[data-testid=search-total]')).toBe('4')
    expect(await page.locator('[data-testid=filter-chip]').count()).toBe(0)
    await page.locator('.facets button', { hasText: 'عكاظ' }).click()
    await expect.poll(() => attr(page, '[data-testid=search-total]')).toBe('2')
    const chip = page.locator('[data-testid=filter-chip]')
    await expect.poll(() => chip.count()).toBe(1)
    expect(await chip.getAttribute('data-filter')).toBe('source')
    expect(await chip.getAttribute('data-value')).toBe('عكاظ')
    expect(await chip.textContent()).toContain('المصدر')
    // the remove button is named in the interface's language, with the filter it removes
    const label = (await chip.locator('[data-testid=chip-remove]').getAttribute('aria-label')) ?? ''
    expect(label).toContain('أزل')
    expect(label).toContain('عكاظ')
    await page.screenshot({ path: screenshotPath('interface-search-chip-rtl') })
    await chip.locator('[data-testid=chip-remove]').click()
    await expect.poll(() => attr(page, '[data-testid=search-total]')).toBe('4')
    expect(await page.locator('[data-testid=filter-chip]').count()).toBe(0)
    expect(await page.inputValue('input.search-box')).toBe('الرياض')
    expect(decodeURIComponent(await page.evaluate(() => location.hash))).toBe('#/search?q=الرياض')
  })

  it('shows the library’s filters as chips, each removable on its own', async () => {
    s = await openSession('en')
    seed(s)
    const { page } = s
    await openLibrary(s)
    await page.fill('input[name=library-filter]', 'الرياض tag:اقتصاد')
    await page.keyboard.press('Enter')
    await expect.poll(() => attr(page, '[data-testid=library-count]')).toBe('1')
    await page.locator('.lib-facets button', { hasText: 'عكاظ' }).click()
    const chips = page.locator('[data-testid=filter-chip]')
    await expect.poll(() => chips.count()).toBe(2)
    expect(await page.inputValue('input[name=library-filter]')).toBe(
      'الرياض tag:اقتصاد source:عكاظ'
    )
    expect(await chips.first().getAttribute('data-filter')).toBe('tag')
    expect(await chips.nth(1).locator('[data-testid=chip-remove]').getAttribute('aria-label')).toBe(
      'Remove the filter Source: عكاظ'
    )
    await page.screenshot({ path: screenshotPath('interface-library-chips-en') })
    // removing the tag leaves the source: the two articles from عكاظ
    await chips.first().locator('[data-testid=chip-remove]').click()
    await expect.poll(() => attr(page, '[data-testid=library-count]')).toBe('2')
    expect(await page.inputValue('input[name=library-filter]')).toBe('الرياض source:عكاظ')
    await chips.first().locator('[data-testid=chip-remove]').click()
    await expect.poll(() => attr(page, '[data-testid=library-count]')).toBe('4')
    expect(await chips.count()).toBe(0)
  })
})

describe('the sidebar', () => {
  it('opens tag management from its own entry, with the switches in view however many tags', async () => {
    s = await openSession('ar')
    for (let i = 0; i < 45; i++) {
      createArticle(s.archive.archive, {
        title: `مقال ${i}`,
        body: 'نص قصير.',
        tags: [`وسم ${String(i).padStart(2, '0')}`]
      })
    }
    const { page } = s
    await openLibrary(s)
    for (const id of ['locale', 'digits']) {
      const box = await page.locator(`[data-testid=${id}]`).boundingBox()
      expect(box).not.toBeNull()
      expect(box!.y + box!.height).toBeLessThanOrEqual(860)
      expect(box!.y).toBeGreaterThanOrEqual(0)
    }
    await page.click('[data-testid=nav-manage-tags]')
    await page.waitForSelector('[data-testid=tags-view]')
    expect(await page.textContent('[data-testid=tags-view] h1')).toBe('إدارة الوسوم')
    await expect.poll(() => page.locator('[data-testid=tag-row]').count()).toBe(45)
    expect(await page.getAttribute('[data-testid=nav-manage-tags]', 'class')).toContain('active')
    await page.screenshot({ path: screenshotPath('interface-manage-tags-rtl') })
  })
})

describe('digits', () => {
  it('writes counts in Arabic-Indic digits by default, Western after the toggle, and keeps it', async () => {
    s = await openSession('ar')
    seed(s)
    const { page } = s
    await openLibrary(s)
    const libraryCount = page.locator('[data-testid=nav-library] .side-count')
    await expect.poll(() => libraryCount.getAttribute('data-count')).toBe('4')
    expect(await libraryCount.textContent()).toBe('٤')
    expect(await page.textContent('[data-testid=library-count]')).toBe('٤ مقالات')
    const digits = page.locator('[data-testid=digits]')
    expect(await digits.getAttribute('aria-label')).toContain('الغربية')
    await page.screenshot({ path: screenshotPath('interface-digits-arab-rtl') })
    await digits.click()
    await expect.poll(() => libraryCount.textContent()).toBe('4')
    expect(await page.textContent('[data-testid=library-count]')).toBe('4 مقالات')
    await page.reload()
    await page.waitForSelector('[data-testid=library-row]')
    await expect.poll(() => libraryCount.textContent()).toBe('4')
    await page.screenshot({ path: screenshotPath('interface-digits-latn-rtl') })
    await page.click('[data-testid=digits]')
    await expect.poll(() => libraryCount.textContent()).toBe('٤')
    // the English interface writes Western digits; the switch stays in view and says so
    await page.click('[data-testid=locale]')
    await expect.poll(() => libraryCount.textContent()).toBe('4')
    expect(await page.isDisabled('[data-testid=digits]')).toBe(true)
  })
})

describe('title order', () => {
  // Arabic alphabetical order: أ إ آ file with ا, a leading quote is ignored, empty titles last
  const ORDER = [
    'ابتسام تفوز بالجائزة',
    'إبراهيم يفتتح المعرض',
    'أحمد يعود إلى جدة',
    '«الخبر» كما ورد',
    'آمنة تكتب عن الرياض',
    'باريس تستقبل الوفد',
    'يوم وطني'
  ]

  it('sorts the library by title in Arabic order, both ways, empty titles last', async () => {
    s = await openSession('ar')
    // created in an order that is neither the answer nor code-point order
    for (const title of [ORDER[4], ORDER[6], '', ORDER[3], ORDER[1], ORDER[5], ORDER[0], ORDER[2]])
      createArticle(s.archive.archive, { title, body: `نص المقال ${title || 'بلا عنوان'}.` })
    const { page } = s
    await openLibrary(s)
    const titles = (): Promise<string[]> =>
      page.locator('[data-testid=library-row] .lib-title a').allTextContents()
    await page.click('[data-testid=sort-title]')
    // the untitled article reads as such, and comes last
    await expect.poll(titles).toEqual([...ORDER, 'بلا عنوان'])
    await page.screenshot({ path: screenshotPath('interface-title-order-rtl') })
    await page.click('[data-testid=sort-title]')
    await expect.poll(titles).toEqual([...ORDER].reverse().concat('بلا عنوان'))
  })
})

describe('views through the data layer', () => {
  /** The host answers one call with a failure, as a full disk would. */
  async function failing(page: Page, name: string): Promise<void> {
    await page.route(`**/api/${name}`, (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({
          ok: false,
          error: { code: 'io_error', message: 'Disk I/O error while reading' }
        })
      })
    )
  }

  it('shows an edited title in the library on coming back, with no reload', async () => {
    s = await openSession('ar')
    seed(s)
    const { uid } = createArticle(s.archive.archive, { title: 'ميزانية الصحة', body: 'نص.' })
    const { page } = s
    await openLibrary(s)
    await page.locator('[data-testid=library-row]', { hasText: 'ميزانية الصحة' }).waitFor()
    // within the app, as a link would: the library's rows stay in the data layer's cache
    await page.evaluate((id) => (location.hash = `#/article/${id}/edit`), uid)
    await page.fill('input[name=title]', 'ميزانية الصحة والتعليم')
    await page.keyboard.press('Control+KeyS')
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=save-state]')?.textContent?.includes('حُفظ')
    )
    await page.click('[data-testid=nav-library]')
    await expect
      .poll(() => page.locator('[data-testid=library-row]', { hasText: 'والتعليم' }).count())
      .toBe(1)
  })

  it('shows a failed read in the view, and a failed write as a notice, in Arabic', async () => {
    s = await openSession('ar')
    seed(s)
    const { page } = s
    await openLibrary(s)
    await failing(page, 'tags.list')
    await page.click('[data-testid=nav-manage-tags]')
    const banner = page.locator('[data-testid=tags-view] [data-testid=error-banner]')
    await banner.waitFor()
    expect(await banner.locator('[data-testid=message-text]').textContent()).toBe(
      'تعذّرت القراءة أو الكتابة.'
    )
    await page.screenshot({ path: screenshotPath('interface-read-failed-rtl') })

    // a collection that cannot be made says so, and its form stays with the name typed
    await failing(page, 'collections.create')
    await page.click('[data-testid=new-collection]')
    await page.fill('input[name=collection-name]', 'ملف الخليج')
    await page.keyboard.press('Enter')
    const notice = page.locator('[data-testid=notice-error]')
    await notice.waitFor()
    expect(await notice.textContent()).toContain('تعذّرت القراءة أو الكتابة.')
    expect(await page.inputValue('input[name=collection-name]')).toBe('ملف الخليج')
  })
})
