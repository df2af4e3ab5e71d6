import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { createArticle } from '../../src/main/core/articles/service'
import { tempDir } from '../helpers/archive'
import { damagedArchiveWithBackup } from '../helpers/damaged-archive'
import { openSession, screenshotPath, type Session } from './harness'
import { hostArchive, type HostedSession } from './session-harness'

let s: Session | undefined
let hosted: HostedSession | undefined
let tmp: ReturnType<typeof tempDir> | undefined
afterEach(async () => {
  await s?.close()
  await hosted?.close()
  tmp?.cleanup()
  s = hosted = tmp = undefined
})

/** Three or more Latin letters in a row: an English word where there should be none. */
const ENGLISH_WORD = /[A-Za-z]{3,}/

function seed(session: Session, n: number): void {
  for (let i = 0; i < n; i++) {
    createArticle(session.archive.archive, {
      title: `مقال رقم ${String(i).padStart(3, '0')} عن الاقتصاد`,
      body: `نص المقال ${i} في فقرة واحدة.`,
      source: 'الحياة'
    })
  }
}

async function countText(page: Page, n: number): Promise<string> {
  await page.waitForFunction(
    (wanted) =>
      document.querySelector('[data-testid=library-count]')?.getAttribute('data-count') === wanted,
    String(n)
  )
  return (await page.textContent('[data-testid=library-count]')) ?? ''
}

describe('messages in the user’s language', () => {
  it('shows a malformed query’s error in Arabic, with the English only behind details', async () => {
    s = await openSession('ar')
    const { page } = s
    await page.waitForSelector('[data-testid=library-count]')
    await page.fill('input.search-box', '"الجزائر (')
    const banner = page.locator('[data-testid=error-banner]')
    await banner.waitFor()
    const shown = (await banner.locator('[data-testid=message-text]').textContent()) ?? ''
    expect(shown.length).toBeGreaterThan(3)
    expect(shown).not.toMatch(ENGLISH_WORD)
    expect(await banner.textContent()).not.toMatch(/خطأ:/)
    await page.screenshot({ path: screenshotPath('i18n-query-error-rtl') })
    await banner.locator('.message-toggle').click()
    expect(await banner.locator('[data-testid=message-detail]').textContent()).toMatch(ENGLISH_WORD)
    await page.screenshot({ path: screenshotPath('i18n-query-error-details-rtl') })
  })

  it('shows the same query error in English in the English interface', async () => {
    s = await openSession('en')
    const { page } = s
    await page.waitForSelector('[data-testid=library-count]')
    await page.fill('input.search-box', '"الجزائر (')
    const banner = page.locator('[data-testid=error-banner]')
    await banner.waitFor()
    expect(await banner.locator('[data-testid=message-text]').textContent()).toMatch(ENGLISH_WORD)
    await page.screenshot({ path: screenshotPath('i18n-query-error-en') })
  })

  it('shows the recovery screen with no English sentence in the Arabic interface', async () => {
    tmp = tempDir('warraq-e2e-i18n-recovery-')
    const made = await damagedArchiveWithBackup(tmp.dir, 5)
    hosted = await hostArchive(made.file, 'ar')
    const page = hosted.page
    await page.waitForSelector('[data-testid=recovery-screen]')
    // what a reader sees, less file paths and names, which are what they are
    const visible = await page.evaluate(() => {
      const root = document.querySelector('[data-testid=recovery-screen]') as HTMLElement
      const copy = root.cloneNode(true) as HTMLElement
      for (const el of copy.querySelectorAll('.path-text, bdi[dir=ltr], details')) el.remove()
      return copy.innerText
    })
    // the one Latin word allowed is the language switch's own "English"
    expect(visible.replace('English', '')).not.toMatch(ENGLISH_WORD)
    await page.screenshot({ path: screenshotPath('i18n-recovery-rtl'), fullPage: true })
  })
})

describe('plural forms', () => {
  it('counts articles with Arabic’s forms and English’s', async () => {
    s = await openSession('ar')
    const { page } = s
    expect(await countText(page, 0)).toBe('لا مقالات')
    seed(s, 2)
    await page.reload()
    expect(await countText(page, 2)).toBe('مقالان')
    seed(s, 9)
    await page.reload()
    expect(await countText(page, 11)).toBe('١١ مقالاً')
    await page.screenshot({ path: screenshotPath('i18n-plural-11-rtl') })
    await page.evaluate(() => localStorage.setItem('warraq.locale', 'en'))
    await page.reload()
    expect(await countText(page, 11)).toBe('11 articles')
  })
})

describe('staying in step', () => {
  it('changes the trash count when an article is trashed, and undoes it', async () => {
    s = await openSession('ar')
    const { page } = s
    seed(s, 3)
    await page.reload()
    await page.waitForSelector('[data-testid=library-row]')
    const trashCount = page.locator('[data-testid=nav-trash] .side-count')
    await expect.poll(() => trashCount.getAttribute('data-count')).toBe('0')
    await page.locator('[data-testid=library-row]').first().click()
    await page.keyboard.press('Delete')
    await expect.poll(() => trashCount.getAttribute('data-count')).toBe('1')
    // the count is written in the interface's digits: Arabic-Indic by default
    expect(await trashCount.textContent()).toBe('١')
    await page.waitForSelector('[data-testid=notice-undo]')
    await page.screenshot({ path: screenshotPath('i18n-trash-undo-rtl') })
    await page.click('[data-testid=notice-undo]')
    await expect.poll(() => trashCount.getAttribute('data-count')).toBe('0')
    expect(await countText(page, 3)).toBe('٣ مقالات')
  })

  it('keeps the library’s sort and scroll position after opening an article', async () => {
    s = await openSession('en')
    const { page } = s
    seed(s, 120)
    await page.reload()
    await page.waitForSelector('[data-testid=library-row]')
    await page.click('[data-testid=sort-title]')
    const scroller = page.locator('[data-testid=lib-scroller]')
    await scroller.evaluate((el) => {
      el.scrollTop = 1500
      el.dispatchEvent(new Event('scroll'))
    })
    const row = page.locator('[data-testid=library-row]').nth(20)
    // the click must not scroll: bring the row into view first, then note where the table is
    await row.scrollIntoViewIfNeeded()
    const before = await scroller.evaluate((el) => el.scrollTop)
    expect(before).toBeGreaterThan(1000)
    const sortBefore = await page.getAttribute(
      '[role=columnheader]:has([data-testid=sort-title])',
      'aria-sort'
    )
    expect(sortBefore).toBe('ascending')
    const title = await row.textContent()
    await row.dblclick()
    await page.waitForFunction(() => location.hash.startsWith('#/article/'))
    await page.waitForSelector('[data-testid=lib-scroller]', { state: 'detached' })
    await page.goBack()
    await page.waitForSelector('[data-testid=library-row]')
    await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBe(before)
    expect(
      await page.getAttribute('[role=columnheader]:has([data-testid=sort-title])', 'aria-sort')
    ).toBe(sortBefore)
    expect(await page.locator('[data-testid=library-row]', { hasText: title ?? '' }).count()).toBe(
      1
    )
    await page.screenshot({ path: screenshotPath('i18n-library-back-en') })
  })
})
