import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createArticle } from '../../src/main/core/articles/service'
import { caller } from '../helpers/call'
import { openSession, screenshotPath, type Session } from './harness'

let s: Session
let call: ReturnType<typeof caller>
beforeEach(async () => {
  s = await openSession()
  call = caller(s.archive.archive)
  s.page.on('dialog', (d) => void d.accept())
})
afterEach(async () => s.close())

const TITLES = ['الرياض تستضيف قمة', 'أمطار غزيرة على جدة', 'ميزانية التعليم', 'افتتاح معرض الكتاب']

function seed(extra: { tags?: string[] }[] = []): string[] {
  return TITLES.map((title, i) => {
    const a = createArticle(s.archive.archive, {
      title,
      body: `${title}.\nقال الأمير إن المشروع يخدم المنطقة ${i}.`,
      source: i % 2 ? 'عكاظ' : 'الرياض',
      published: `2015-0${i + 1}-10`,
      tags: extra[i]?.tags
    })
    return a.uid
  })
}

async function openLibrary(): Promise<void> {
  await s.page.goto(`http://127.0.0.1:${s.server.port}/#/`)
  await s.page.reload()
  await s.page.waitForSelector('[data-testid=library-row]')
}

const rows = () => s.page.locator('[data-testid=library-row]')

describe('cataloguing in the browser host', () => {
  it('creates a collection and drags a selection onto it', async () => {
    seed()
    await openLibrary()
    await s.page.click('[data-testid=new-collection]')
    await s.page.fill('input[name=collection-name]', 'ملف الخليج')
    await s.page.keyboard.press('Enter')
    const target = s.page.locator('[data-testid=nav-collection]', { hasText: 'ملف الخليج' })
    await target.waitFor()
    await rows().nth(0).click()
    await rows()
      .nth(1)
      .click({ modifiers: ['Control'] })
    await rows().nth(0).dragTo(target)
    await s.page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid=nav-collection] .side-count')
          ?.getAttribute('data-count') === '2'
    )
    await target.click()
    await s.page.waitForSelector('[data-testid=collection-title]')
    await expect.poll(() => rows().count()).toBe(2)
    await s.page.screenshot({ path: screenshotPath('catalogue-collection-rtl') })
  })

  it('bulk-tags a shift-click selection, then undoes it', async () => {
    seed()
    await openLibrary()
    await rows().nth(0).click()
    await rows()
      .nth(2)
      .click({ modifiers: ['Shift'] })
    expect(await s.page.getAttribute('[data-testid=selected-count]', 'data-count')).toBe('3')
    await s.page.fill('input[name=add-tags]', 'سياسة/دولية')
    await s.page.click('[data-testid=bulk-apply]')
    await s.page.waitForSelector('[data-testid=bulk-done]')
    await expect.poll(async () => (await call('articles.list', { tag: 'سياسة' })).total).toBe(3)
    await expect.poll(() => s.page.locator('.lib-chip', { hasText: 'سياسة/دولية' }).count()).toBe(3)
    await s.page.screenshot({ path: screenshotPath('catalogue-bulk-tag-rtl') })
    await s.page.click('[data-testid=bulk-undo]')
    await expect.poll(async () => (await call('articles.list', { tag: 'سياسة' })).total).toBe(0)
    // Ctrl+A selects everything the filter shows, loaded or not
    await rows().nth(0).click()
    await s.page.keyboard.press('Control+KeyA')
    expect(await s.page.getAttribute('[data-testid=selected-count]', 'data-count')).toBe('4')
  })

  it('merges two tags', async () => {
    seed([{ tags: ['اقتصاد'] }, { tags: ['الاقتصاد'] }, { tags: ['الاقتصاد'] }, {}])
    await s.page.goto(`http://127.0.0.1:${s.server.port}/#/c/tags`)
    const row = s.page.locator('[data-tag="الاقتصاد"]')
    await row.locator('[data-testid=merge-into]').selectOption('اقتصاد')
    await row.locator('[data-testid=merge-tag]').click()
    await expect.poll(() => s.page.locator('[data-testid=tag-row]').count()).toBe(1)
    const tags = await call('tags.list', {})
    expect(tags).toEqual([expect.objectContaining({ name: 'اقتصاد', articleCount: 3 })])
    await s.page.screenshot({ path: screenshotPath('catalogue-tags-rtl') })
  })

  it('shows an entity page with its articles and annotated passages', async () => {
    const uids = seed()
    const entity = await call('entities.create', {
      kind: 'person',
      name: 'الأمير خالد الفيصل',
      aliases: ['Khalid al-Faisal']
    })
    await call('entities.link', { entity: entity.uid, articles: [uids[0], uids[1]] })
    await call('annotations.create', {
      articleUid: uids[2],
      start: 0,
      end: 7,
      entityUid: entity.uid,
      note: 'ذكر الأمير'
    })
    await s.page.goto(`http://127.0.0.1:${s.server.port}/#/c/entities/person`)
    await s.page.click('[data-testid=entity-link]')
    await s.page.waitForSelector('[data-testid=entity-name]')
    expect(await s.page.textContent('[data-testid=entity-name]')).toBe('الأمير خالد الفيصل')
    expect(await s.page.locator('[data-testid=entity-articles] li').count()).toBe(2)
    expect(await s.page.textContent('[data-testid=entity-passages]')).toContain('ميزانية')
    await s.page.screenshot({ path: screenshotPath('catalogue-entity-rtl') })
  })

  it('saves a search and shows its live count in the sidebar', async () => {
    seed()
    await openLibrary()
    await s.page.fill('input[name=library-filter]', 'source:عكاظ')
    await s.page.keyboard.press('Enter')
    await expect.poll(() => rows().count()).toBe(2)
    await s.page.click('[data-testid=save-search]')
    await s.page.fill('input[name=saved-search-name]', 'أخبار عكاظ')
    await s.page.keyboard.press('Enter')
    const saved = s.page.locator('[data-testid=nav-saved]', { hasText: 'أخبار عكاظ' })
    await saved.waitFor()
    expect(await saved.locator('.side-count').getAttribute('data-count')).toBe('2')
    createArticle(s.archive.archive, { title: 'جديد', body: 'نص', source: 'عكاظ' })
    await saved.click()
    await expect.poll(() => saved.locator('.side-count').getAttribute('data-count')).toBe('3')
    await s.page.screenshot({ path: screenshotPath('catalogue-saved-search-rtl') })
  })

  it('moves a selection to the trash and restores it', async () => {
    seed()
    await openLibrary()
    await rows().nth(1).click()
    await s.page.keyboard.press('Delete')
    await expect.poll(() => rows().count()).toBe(3)
    await s.page.click('[data-testid=nav-trash]')
    await expect.poll(() => rows().count()).toBe(1)
    await s.page.screenshot({ path: screenshotPath('catalogue-trash-rtl') })
    await rows().nth(0).click()
    await s.page.click('[data-testid=restore-selected]')
    await expect.poll(() => rows().count()).toBe(0)
    await s.page.click('[data-testid=nav-library]')
    await expect.poll(() => rows().count()).toBe(4)
    expect(await s.page.getAttribute('[data-testid=nav-trash] .side-count', 'data-count')).toBe('0')
  })
})
