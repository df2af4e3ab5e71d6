import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createArticle } from '../../src/main/core/articles/service'
import { openSession, screenshotPath, type Session } from './harness'

let s: Session
beforeEach(async () => {
  s = await openSession()
  const archive = s.archive.archive
  createArticle(archive, {
    title: 'موسكو تبحث عن دعم موقفها تجاه سورية في الجزائر',
    body: 'وصل الوزيرُ إلى الجزائر صباح الإثنين.\nوقال إن العلاقات مع الجزائريين قوية.\nThe talks covered Syria.',
    source: 'العربي الجديد',
    published: '2016-02-29'
  })
  createArticle(archive, {
    title: 'مباراة الهلال',
    body: 'فاز الهلال على النصر في الرياض.',
    source: 'الرياض',
    published: '2015-08-03'
  })
  createArticle(archive, {
    title: 'اقتصاد الجزائر',
    body: 'تراجعت أسعار النفط فتأثر اقتصاد والجزائر.',
    source: 'الحياة',
    published: '2015-07-21'
  })
})
afterEach(async () => s.close())

describe('search in the browser host', () => {
  it('searches as you type, highlights the original words, narrows by a facet, and opens the hit with its words marked', async () => {
    const { page } = s
    await page.waitForSelector('[data-testid=library-count]')
    await page.fill('input.search-box', 'الجزائر')
    await page.waitForSelector('[data-testid=search-hit]')
    await page.waitForFunction(
      () => document.querySelector('[data-testid=search-total]')?.getAttribute('data-count') === '2'
    )
    const marks = await page.$$eval('[data-testid=search-hit] .snippet mark', (els) =>
      els.map((e) => e.textContent)
    )
    // stems and clitics matched, shown as written: الجزائر, الجزائريين, والجزائر
    expect(marks).toContain('الجزائر')
    expect(marks).toContain('والجزائر')
    expect(await page.$$eval('.facets button', (els) => els.length)).toBeGreaterThan(0)
    await page.screenshot({ path: screenshotPath('search-results-rtl') })

    await page.click('.facets button:has-text("الحياة")')
    await page.waitForFunction(
      () => document.querySelector('[data-testid=search-total]')?.getAttribute('data-count') === '1'
    )
    expect(await page.inputValue('input.search-box')).toContain('source:')

    await page.fill('input.search-box', 'الجزائر')
    await page.waitForFunction(
      () => document.querySelector('[data-testid=search-total]')?.getAttribute('data-count') === '2'
    )
    await page.click('[data-testid=search-hit]:has-text("موسكو")')
    await page.waitForSelector('[data-testid=find-bar]')
    await page.waitForFunction(() =>
      /[0-9٠-٩]/.test(document.querySelector('[data-testid=find-count]')?.textContent ?? '')
    )
    // every hit of the query marked in the text: الجزائر (title is not in the body), الجزائر, الجزائريين
    expect(await page.textContent('[data-testid=find-count]')).toMatch(/[2٢]/)
    await page.screenshot({ path: screenshotPath('search-opened-article-rtl') })
  })

  it('answers a malformed query with a sentence, not an error page', async () => {
    const { page } = s
    await page.waitForSelector('[data-testid=library-count]')
    await page.fill('input.search-box', 'foo:bar')
    await page.waitForSelector('.error-banner')
    // the catalogue's sentence in the interface's language, naming the typed filter; the core's
    // English sentence is behind "details"
    const text = (await page.textContent('.error-banner [data-testid=message-text]')) ?? ''
    expect(text).toMatch(/مرشح/)
    expect(text).toContain('foo:')
    // no English words besides the query language's own filter names (foo:, source:, …)
    expect(text.replace(/[a-z]+:/g, '')).not.toMatch(/[A-Za-z]{3,}/)
    await page.click('.error-banner .message-toggle')
    expect(await page.textContent('.error-banner [data-testid=message-detail]')).toMatch(/filter/i)
  })

  it('says so when a very common query was counted and ordered within bounds', async () => {
    const { page } = s
    // small bounds instead of a large archive: 6 matches past a count cap of 3
    process.env.WARRAQ_SEARCH_BOUNDS = '2,3'
    try {
      for (let i = 1; i <= 6; i++) {
        createArticle(s.archive.archive, {
          title: i === 6 ? 'النفط في الخليج' : `تقرير ${i}`,
          body: 'ارتفعت أسعار النفط اليوم.',
          source: i % 2 ? 'الرياض' : 'عكاظ',
          published: `2015-09-0${i}`
        })
      }
      await page.waitForSelector('[data-testid=library-count]')
      await page.fill('input.search-box', 'النفط')
      await page.waitForSelector('[data-testid=search-total][data-capped=true]')
      // at least 3 (the count cap), about 7 in all (the estimate), in Arabic digits
      const total = (await page.textContent('[data-testid=search-total]')) ?? ''
      expect(total).toContain('على الأقل')
      expect(total).toContain('نحو')
      const ordering = (await page.textContent('[data-testid=search-ordering]')) ?? ''
      expect(ordering).toContain('أحدث')
      expect(await page.$$eval('[data-testid=search-hit]', (els) => els.length)).toBe(2)
      // the newest, with the word in its title, first
      expect(await page.textContent('[data-testid=search-hit] .hit-title')).toContain('الخليج')
      // two, in Arabic's dual: محسوبة على نتيجتين
      expect(await page.textContent('[data-testid=facets-among]')).toContain('نتيجتين')
      await page.screenshot({ path: screenshotPath('search-capped-rtl') })
    } finally {
      delete process.env.WARRAQ_SEARCH_BOUNDS
    }
  })
})
