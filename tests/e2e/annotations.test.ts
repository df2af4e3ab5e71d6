import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAnnotation } from '../../src/main/core/annotations/service'
import { createArticle } from '../../src/main/core/articles/service'
import {
  callApi,
  highlightTexts,
  lineText,
  openEditor,
  saveAndWait,
  selectInLine,
  textWidth
} from './editor-helpers'
import { openSession, screenshotPath, type Session } from './harness'

const LINES = [
  'يرى الوزير أن المستقبل يحتاج تعاوناً دولياً واسعاً.',
  'The minister said that cooperation with Algeria matters.',
  'وقال إن المستقبل مشرق مع شركاء مثل Moscow والجزائر.'
]
const WORD = 'المستقبل'
// "ستق": starts after م and ends before ب, both joined to their neighbours
const HALF = { from: 3, to: 6 }

let s: Session
beforeEach(async () => {
  s = await openSession()
})
afterEach(async () => s.close())

function newArticle(body = LINES.join('\n')): string {
  return createArticle(s.archive.archive, { title: 'المستقبل والتعاون', body }).uid
}

describe('editor and annotations in the browser host', () => {
  it('keeps a half-word Arabic highlight on the same letters through typing, saving and reloading', async () => {
    const uid = newArticle()
    const { page } = s
    await openEditor(s, uid)
    const dirs = await page.$$eval('.cm-line', (els) =>
      els.map((el) => getComputedStyle(el).direction)
    )
    expect(dirs).toEqual(['rtl', 'ltr', 'rtl'])

    const at = LINES[0].indexOf(WORD)
    await selectInLine(page, 0, at + HALF.from, at + HALF.to)
    await page.waitForSelector('[data-testid=annotation-toolbar]')
    await page.screenshot({ path: screenshotPath('editor-annotation-toolbar-rtl') })
    await page.click('[data-testid=highlight-yellow]')
    await page.waitForSelector('.cm-annotation')
    expect(await highlightTexts(page)).toEqual(['ستق'])

    // type before it (start of its paragraph) and elsewhere in the article
    await selectInLine(page, 0, 0, 0)
    await page.keyboard.type('قال: ')
    await selectInLine(page, 2, LINES[2].length, LINES[2].length)
    await page.keyboard.type(' وأضاف كلاماً')
    await selectInLine(page, 1, 4, 4)
    await page.keyboard.type('new ')
    expect(await highlightTexts(page)).toEqual(['ستق'])
    expect(await page.textContent('[data-testid=save-state]')).not.toBe('')
    const calls: string[] = []
    page.on('request', (r) => calls.push(new URL(r.url()).pathname))
    await saveAndWait(page)
    // one atomic write: the body and the editor's ranges together, no per-annotation updates;
    // the reads after it refresh what shows the article (its annotations, the sidebar's counts)
    const reads = new Set(['/api/annotations.list', '/api/library.sidebar'])
    expect(calls.filter((c) => c.startsWith('/api/') && !reads.has(c))).toEqual([
      '/api/articles.update'
    ])

    const [saved] = await callApi(s, 'annotations.list', { articleUid: uid })
    const article = await callApi(s, 'articles.get', { uid })
    expect(saved.status).toBe('anchored')
    expect(article.body.slice(saved.start, saved.end)).toBe('ستق')
    expect(saved.start).toBe(LINES[0].indexOf(WORD) + HALF.from + 'قال: '.length)
    expect(article.version).toBe(2)

    await page.reload()
    await page.waitForSelector('.cm-annotation')
    await page.evaluate(() => document.fonts.ready)
    expect(await highlightTexts(page)).toEqual(['ستق'])
    expect(await lineText(page, 0)).toContain('قال: يرى')
    expect(await page.$('[data-testid=draft-restored]')).toBeNull()

    // joining kept: the half-highlighted word is exactly as wide as the same plain word
    const first = (await lineText(page, 0)).indexOf(WORD)
    const third = (await lineText(page, 2)).indexOf(WORD)
    const highlighted = await textWidth(page, 0, first, first + WORD.length)
    const plain = await textWidth(page, 2, third, third + WORD.length)
    expect(Math.abs(highlighted - plain)).toBeLessThan(0.5)
    await page.screenshot({ path: screenshotPath('editor-half-word-highlight-rtl') })
    await page.addStyleTag({ content: '.cm-scroller { font-size: 2.6rem !important; }' })
    await page
      .locator('.cm-content')
      .screenshot({ path: screenshotPath('editor-half-word-highlight-zoom') })
  })

  it('keeps unsaved typing in a draft across a reload, and orphans a deleted passage on save', async () => {
    const uid = newArticle()
    const at = LINES[0].indexOf(WORD)
    createAnnotation(s.archive.archive, {
      articleUid: uid,
      start: at,
      end: at + WORD.length,
      color: 'green',
      note: 'ملاحظة'
    })
    const { page } = s
    await openEditor(s, uid)
    await selectInLine(page, 2, 0, 0)
    await page.keyboard.type('مسودة ')
    await page.waitForTimeout(500)
    await page.reload()
    await page.waitForSelector('[data-testid=draft-restored]')
    expect(await lineText(page, 2)).toContain('مسودة وقال')

    // delete the passage holding the annotation: it becomes an orphan, not a loss
    await selectInLine(page, 0, at - 3, at + WORD.length + 1)
    await page.keyboard.press('Backspace')
    await page.click('[data-testid=tab-review]')
    await page.waitForSelector('[data-testid=orphan-item]')
    await saveAndWait(page)
    const [orphan] = await callApi(s, 'annotations.list', { articleUid: uid })
    expect(orphan.status).toBe('orphaned')
    expect(orphan.note).toBe('ملاحظة')
    expect((await callApi(s, 'articles.get', { uid })).body).toContain('مسودة وقال')

    // re-attach it to a new selection
    const third = (await lineText(page, 2)).indexOf(WORD)
    await selectInLine(page, 2, third, third + WORD.length)
    await page.click('[data-testid=reattach]')
    await page.waitForSelector('[data-testid=orphan-item]', { state: 'detached' })
    expect(await highlightTexts(page)).toEqual([WORD])
    const [reattached] = await callApi(s, 'annotations.list', { articleUid: uid })
    expect(reattached.status).toBe('anchored')
    expect(reattached.exact).toBe(WORD)
  })

  it('shows annotations re-anchored or needing review after the body changes outside the editor', async () => {
    const uid = newArticle()
    const archive = s.archive.archive
    const moved = LINES[1].indexOf('cooperation') + LINES[0].length + 1
    createAnnotation(archive, {
      articleUid: uid,
      start: moved,
      end: moved + 'cooperation'.length,
      color: 'blue',
      tags: ['تعاون']
    })
    const lost = LINES[2].indexOf('شركاء') + LINES[0].length + LINES[1].length + 2
    createAnnotation(archive, {
      articleUid: uid,
      start: lost,
      end: lost + 'شركاء'.length,
      color: 'pink'
    })

    const changed = [
      'مقدمة جديدة أضيفت في أول المقال.',
      LINES[0],
      LINES[1],
      'وقال إن المستقبل مشرق.'
    ].join('\n')
    await callApi(s, 'articles.update', { uid, version: 1, body: changed })

    const { page } = s
    await openEditor(s, uid, false)
    expect(await highlightTexts(page)).toEqual(['cooperation'])
    await page.waitForSelector('[data-testid=annotation-item]')
    expect(await page.textContent('[data-testid=annotation-panel]')).toContain('تعاون')
    await page.click('[data-testid=tab-review]')
    expect(await page.textContent('[data-testid=orphan-item]')).toContain('شركاء')
    await page.screenshot({ path: screenshotPath('reader-needs-review-rtl') })

    // the reader can re-attach too (the text is read-only there)
    const line = await lineText(page, 3)
    await selectInLine(page, 3, line.indexOf('مشرق'), line.indexOf('مشرق') + 4)
    await page.click('[data-testid=reattach]')
    await page.waitForSelector('[data-testid=orphan-item]', { state: 'detached' })
    expect((await highlightTexts(page)).sort()).toEqual(['cooperation', 'مشرق'].sort())
  })

  it('lists revisions with a word diff and restores one', async () => {
    const uid = newArticle()
    const { page } = s
    await openEditor(s, uid)
    const line = await lineText(page, 0)
    await selectInLine(page, 0, line.indexOf('واسعاً'), line.indexOf('واسعاً') + 'واسعاً'.length)
    await page.keyboard.type('عاجلاً')
    await saveAndWait(page)

    await page.click('[data-testid=tab-history]')
    await page.waitForSelector('[data-testid=revision][data-version="2"]')
    await page.click('[data-testid=revision][data-version="2"] [data-testid=show-changes]')
    const diff = page.locator('[data-testid=revision-diff]')
    await diff.waitFor()
    expect(await diff.locator('ins').allTextContents()).toEqual(['عاجلاً'])
    expect(await diff.locator('del').allTextContents()).toEqual(['واسعاً'])
    // one block per paragraph, each taking its own direction
    const dirs = await diff
      .locator('p[dir=auto]')
      .evaluateAll((els) => els.map((el) => getComputedStyle(el).direction))
    expect(dirs).toEqual(['rtl', 'ltr'])
    await page.screenshot({ path: screenshotPath('editor-history-diff-rtl') })

    // the restore asks first
    page.once('dialog', (d) => void d.accept())
    await page.click('[data-testid=revision][data-version="1"] [data-testid=restore-revision]')
    await page.waitForSelector('[data-testid=revision][data-version="3"]')
    expect(await lineText(page, 0)).toContain('واسعاً')
    const article = await callApi(s, 'articles.get', { uid })
    expect(article.version).toBe(3)
    expect(article.body).toBe(LINES.join('\n'))
  })
})
