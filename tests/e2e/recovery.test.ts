import { copyFileSync, existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { createArticle } from '../../src/main/core/articles/service'
import { tempDir } from '../helpers/archive'
import { damagedArchiveWithBackup } from '../helpers/damaged-archive'
import { openSession, screenshotPath, type Session } from './harness'
import { hostArchive, type HostedSession } from './session-harness'

let hosted: HostedSession | undefined
let plain: Session | undefined
let tmp: ReturnType<typeof tempDir> | undefined
afterEach(async () => {
  await hosted?.close()
  await plain?.close()
  tmp?.cleanup()
  hosted = plain = tmp = undefined
})

/** Waits for the library's count to be `n`. */
async function waitForLibraryCount(page: Page, n: number): Promise<void> {
  // the count as a number: the text is a plural phrase ("no articles", "مقالان")
  await page.waitForFunction(
    (wanted) =>
      document.querySelector('[data-testid=library-count]')?.getAttribute('data-count') === wanted,
    String(n)
  )
}

/** Every path on the page is laid out left to right: its first character left of its last. */
async function pathsReadLeftToRight(page: Page): Promise<boolean[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.path-text')].map((el) => {
      const text = el.firstChild as Text
      const range = document.createRange()
      range.setStart(text, 0)
      range.setEnd(text, 1)
      const first = range.getBoundingClientRect()
      range.setStart(text, text.length - 1)
      range.setEnd(text, text.length)
      const last = range.getBoundingClientRect()
      return first.top < last.top - 1 || first.left < last.left
    })
  )
}

async function hostDamaged(locale: 'ar' | 'en' = 'ar') {
  tmp = tempDir('warraq-e2e-recovery-')
  const made = await damagedArchiveWithBackup(tmp.dir, 30)
  // an older manual backup too, listed under "other backups"
  copyFileSync(made.backup, join(dirname(made.backup), 'warraq-20250101-080000-manual.db'))
  hosted = await hostArchive(made.file, locale)
  expect(hosted.session.state()).toBe('recovery')
  await hosted.page.waitForSelector('[data-testid=recovery-screen]')
  return { ...made, page: hosted.page }
}

describe('a damaged archive in the browser host', () => {
  it('shows the recovery screen, and restoring the newest backup brings the library back', async () => {
    const { page, file } = await hostDamaged()
    expect(await page.getAttribute('html', 'dir')).toBe('rtl')
    expect(await page.textContent('h1')).toBe('تعذّر فتح الأرشيف')
    const kept = (await page.locator('[data-testid=kept-aside] li').first().textContent()) ?? ''
    expect(kept.startsWith(`${file}.damaged-`)).toBe(true)
    expect(existsSync(kept)).toBe(true)
    const pathDir = await page.getAttribute('[data-testid=kept-aside] bdi', 'dir')
    expect(pathDir).toBe('ltr')
    expect(await page.textContent('[data-testid=newest-backup]')).toContain('تلقائية')
    expect(await page.locator('[data-testid=recovery-message]').count()).toBeGreaterThan(0)
    const ltr = await pathsReadLeftToRight(page)
    expect(ltr.length).toBeGreaterThan(3)
    expect(ltr.every(Boolean)).toBe(true)
    expect(await page.locator('[data-testid=backup-row]').count()).toBe(1) // the older one
    await page.screenshot({ path: screenshotPath('recovery-rtl'), fullPage: true })

    await page.click('[data-testid=restore-newest]')
    await waitForLibraryCount(page, 30)
    expect(await page.textContent('[data-testid=open-notice]')).toContain('استُعيدت')
    await page.screenshot({ path: screenshotPath('recovery-restored-rtl') })
    expect(hosted?.session.state()).toBe('open')
    expect(existsSync(kept)).toBe(true)
  })

  it('in English, starting with an empty archive asks first, then opens an empty library', async () => {
    const { page } = await hostDamaged('en')
    expect(await page.getAttribute('html', 'dir')).toBe('ltr')
    await page.screenshot({ path: screenshotPath('recovery-en'), fullPage: true })
    await page.click('[data-testid=start-empty]')
    expect(await page.textContent('[data-testid=start-empty-confirm]')).toContain(
      'Start with an empty archive?'
    )
    await page.click('[data-testid=start-empty-yes]')
    await waitForLibraryCount(page, 0)
    expect(hosted?.session.state()).toBe('open')
  })
})

describe('the Backups screen', () => {
  it('backs up now, lists it, checks the archive, and restores with a confirmation', async () => {
    plain = await openSession()
    const { page } = plain
    createArticle(plain.archive.archive, { title: 'المقال الأول', body: 'نص أول' })
    await page.click('[data-testid=nav-backups]')
    await page.waitForSelector('[data-testid=backups-view]')
    expect(await page.textContent('[data-testid=backups-view]')).toContain('لا نسخ احتياطية بعد')

    await page.click('[data-testid=backup-now]')
    await page.waitForSelector('[data-testid=backup-row]')
    expect(await page.locator('[data-testid=backup-row]').count()).toBe(1)
    expect(await page.textContent('[data-testid=backup-row]')).toContain('يدوية')
    expect(await page.textContent('[data-testid=backup-made]')).toContain('-manual.db')

    await page.click('[data-testid=check-archive]')
    await page.waitForSelector('[data-testid=check-result]')
    expect(await page.textContent('[data-testid=check-result]')).toContain('الأرشيف سليم')
    await page.screenshot({ path: screenshotPath('backups-rtl') })

    // a second article after the backup: the restore takes the archive back to one
    createArticle(plain.archive.archive, { title: 'المقال الثاني', body: 'نص ثان' })
    await page.click('[data-testid=backup-restore]')
    expect(await page.textContent('[data-testid=restore-confirm]')).toContain('احتياطياً أولاً')
    await page.screenshot({ path: screenshotPath('backups-restore-confirm-rtl') })
    await page.click('[data-testid=restore-confirm-yes]')
    await page.waitForSelector('[data-testid=open-notice]')
    // the archive as it was before the restore is now a backup too
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid=backup-row]').length === 2
    )
    expect(await page.textContent('.backup-table')).toContain('قبل الاستعادة')
    await page.evaluate(() => (window.location.hash = '#/'))
    await waitForLibraryCount(page, 1)
  })
})
