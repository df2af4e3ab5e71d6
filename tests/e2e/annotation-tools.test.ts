import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAnnotation } from '../../src/main/core/annotations/service'
import { createArticle } from '../../src/main/core/articles/service'
import { createEntity } from '../../src/main/core/entities/service'
import { callApi, highlightTexts, lineText, openEditor, selectInLine } from './editor-helpers'
import { openSession, screenshotPath, type Session } from './harness'

const LINES = [
  'يرى الوزير أن المستقبلَ يحتاج تعاوناً دولياً واسعاً مع الجزائر.',
  'The minister said that cooperation with Algeria matters.',
  'وقال إن المستقبل مشرق مع شركاء مثل Moscow والجزائر، وإن مستقبلنا واحد.'
]

let s: Session
beforeEach(async () => {
  s = await openSession()
})
afterEach(async () => s.close())

function newArticle(title = 'المستقبل والتعاون'): string {
  return createArticle(s.archive.archive, { title, body: LINES.join('\n') }).uid
}

describe('annotation tools in the browser host', () => {
  it('links an entity from the toolbar: creates one, then picks it by an alias', async () => {
    const uid = newArticle()
    const { page } = s
    await openEditor(s, uid, false)
    const at = LINES[0].indexOf('الجزائر')
    await selectInLine(page, 0, at, at + 'الجزائر'.length)
    await page.click('[data-testid=annotate-entity]')
    await page.fill('[data-testid=entity-search]', 'الجزائر')
    await page.selectOption('[data-testid=entity-kind]', 'place')
    await page.fill('[data-testid=entity-aliases]', 'Algeria، Algérie')
    await page.screenshot({ path: screenshotPath('toolbar-entity-picker-rtl') })
    await page.click('[data-testid=entity-create]')
    await page.waitForSelector('.cm-annotation')
    const [first] = await callApi(s, 'annotations.list', { articleUid: uid })
    expect(first.entityName).toBe('الجزائر')
    const [place] = await callApi(s, 'entities.list', { query: 'algerie' })
    expect(place).toMatchObject({ kind: 'place', aliases: ['Algeria', 'Algérie'] })

    // the same place again, found through an alias (normalised: no accent)
    const second = (await lineText(page, 1)).indexOf('Algeria')
    await selectInLine(page, 1, second, second + 'Algeria'.length)
    await page.click('[data-testid=annotate-entity]')
    await page.fill('[data-testid=entity-search]', 'algerie')
    await page.waitForSelector('[data-testid=entity-option]')
    await page.click('[data-testid=entity-option]')
    await page.waitForFunction(() => document.querySelectorAll('.cm-annotation').length === 2)
    const list = await callApi(s, 'annotations.list', { articleUid: uid })
    expect(list.map((a) => a.entityUid)).toEqual([place.uid, place.uid])
    expect((await callApi(s, 'entities.list', {})).length).toBe(1)
  })

  it('places the toolbar from the inline start and shows no text cursor in the reader', async () => {
    const uid = newArticle()
    const { page } = s
    await openEditor(s, uid, false)
    expect(await page.$eval('.cm-content', (el) => getComputedStyle(el).caretColor)).toBe(
      'rgba(0, 0, 0, 0)'
    )
    const at = LINES[0].indexOf('الوزير')
    await selectInLine(page, 0, at, at + 'الوزير'.length)
    const bar = await page.waitForSelector('[data-testid=annotation-toolbar]')
    const style = await bar.evaluate((el) => (el as HTMLElement).style.cssText)
    expect(style).toContain('inset-inline-start')
    expect(style).not.toMatch(/(^|;\s*)left:/)
    // the toolbar sits over the selected word (near the right edge in RTL)
    const word = await page.evaluate(() => {
      const r = document.getSelection()!.getRangeAt(0).getBoundingClientRect()
      return (r.left + r.right) / 2
    })
    const box = (await bar.boundingBox())!
    expect(word).toBeGreaterThan(box.x - 1)
    expect(word).toBeLessThan(box.x + box.width + 1)
  })

  it('edits the note, tags, colour and entity of an annotation from the side panel', async () => {
    const uid = newArticle()
    const archive = s.archive.archive
    const person = createEntity(archive, { kind: 'person', name: 'أحمد عطاف', aliases: [] })
    const at = LINES[0].indexOf('الوزير')
    const a = createAnnotation(archive, {
      articleUid: uid,
      start: at,
      end: at + 'الوزير'.length,
      note: 'قديمة'
    })
    const { page } = s
    await openEditor(s, uid, false)
    await page.waitForSelector('[data-testid=annotation-item]')
    await page.click('[data-testid=edit-annotation]')
    await page.fill('[data-testid=edit-note]', 'ملاحظة جديدة عن الوزير')
    await page.fill('[data-testid=edit-tags]', 'سياسة/دولية، أشخاص')
    await page.check('[data-testid=edit-color-blue]')
    await page.fill('[data-testid=annotation-editor] [data-testid=entity-search]', 'عطاف')
    await page.click('[data-testid=annotation-editor] [data-testid=entity-option]')
    await page.screenshot({ path: screenshotPath('panel-edit-annotation-rtl') })
    await page.click('[data-testid=edit-save]')
    await page.waitForSelector('[data-testid=annotation-editor]', { state: 'detached' })
    const [saved] = await callApi(s, 'annotations.list', { articleUid: uid })
    expect(saved).toMatchObject({
      uid: a.uid,
      note: 'ملاحظة جديدة عن الوزير',
      tags: ['أشخاص', 'سياسة/دولية'], // in name order, like article tags
      color: 'blue',
      entityUid: person.uid
    })
    expect(await page.textContent('[data-testid=annotation-panel]')).toContain('أحمد عطاف')
    expect(await page.getAttribute('.cm-annotation', 'class')).toContain('cm-annotation-blue')
  })

  it('finds in the article with Ctrl+F, by the search rules, and steps with Enter', async () => {
    const uid = newArticle()
    const { page } = s
    await openEditor(s, uid)
    // unsaved typing before the matches: the archive's ranges are mapped to the current text
    await selectInLine(page, 0, 0, 0)
    await page.keyboard.type('عاجل: ')
    await page.keyboard.press('Control+KeyF')
    await page.waitForSelector('[data-testid=find-input]')
    await page.keyboard.type('مستقبل')
    // the count's digits follow the digit setting: read the numbers from its data attributes
    const position = async (): Promise<[number, number]> => {
      const el = await page.$('[data-testid=find-count]')
      return [
        Number(await el?.getAttribute('data-current')),
        Number(await el?.getAttribute('data-total'))
      ]
    }
    await page.waitForFunction(
      () => document.querySelector('[data-testid=find-count]')?.getAttribute('data-current') === '1'
    )
    const marks = await page.$$eval('.cm-find-match', (els) => els.map((el) => el.textContent))
    // the harakat of المستقبلَ and the prefix of مستقبلنا do not stop the match
    expect(marks.length).toBeGreaterThanOrEqual(2)
    expect(marks[0]).toContain('المستقبل')
    const [, total] = await position()
    expect(total).toBe(marks.length)
    expect(await page.textContent('.cm-find-current')).toContain('المستقبل')
    await page.keyboard.press('Enter')
    expect((await position())[0]).toBe(2)
    await page.keyboard.press('Shift+Enter')
    await page.keyboard.press('Shift+Enter')
    expect((await position())[0]).toBe(total)
    await page.screenshot({ path: screenshotPath('editor-find-rtl') })
    await page.keyboard.press('Escape')
    await page.waitForSelector('[data-testid=find-bar]', { state: 'detached' })
    expect(await page.$$('.cm-find-match')).toHaveLength(0)
  })

  it('lists every annotation of the archive, filters it, and opens one in its article', async () => {
    const archive = s.archive.archive
    const one = newArticle('زيارة الجزائر')
    const two = newArticle('Moscow talks')
    const word = (line: number, w: string) => {
      const offset = LINES.slice(0, line).reduce((n, l) => n + l.length + 1, 0)
      const start = offset + LINES[line].indexOf(w)
      return { start, end: start + w.length }
    }
    createAnnotation(archive, {
      articleUid: one,
      ...word(0, 'تعاوناً'),
      note: 'تعاونٌ مهمّ',
      tags: ['سياسة/دولية'],
      color: 'green'
    })
    createAnnotation(archive, { articleUid: one, ...word(1, 'cooperation'), color: 'pink' })
    const target = createAnnotation(archive, {
      articleUid: two,
      ...word(2, 'شركاء'),
      tags: ['سياسة'],
      color: 'blue'
    })
    const { page } = s
    await page.click('[data-testid=nav-annotations]')
    await page.waitForSelector('[data-testid=annotation-hit]')
    expect(await page.getAttribute('[data-testid=annotations-total]', 'data-count')).toBe('3')
    await page.fill('[data-testid=annotations-query]', 'تعاون مهم')
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid=annotation-hit]').length === 1
    )
    expect(await page.textContent('[data-testid=annotation-hit]')).toContain('زيارة الجزائر')
    await page.fill('[data-testid=annotations-query]', '')
    await page.fill('[data-testid=annotations-tag]', 'سياسة')
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid=annotation-hit]').length === 2
    )
    await page.selectOption('[data-testid=annotations-color]', 'blue')
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid=annotation-hit]').length === 1
    )
    await page.screenshot({ path: screenshotPath('annotations-view-rtl') })
    await page.click('[data-testid=annotation-hit] a')
    await page.waitForSelector('.cm-annotation-active')
    expect(page.url()).toContain(`annotation=${target.uid}`)
    expect(await page.textContent('.cm-annotation-active')).toBe('شركاء')
    expect(await highlightTexts(page)).toContain('شركاء')
  })
})
