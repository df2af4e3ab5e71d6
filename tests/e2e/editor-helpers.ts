/** Helpers for driving the CodeMirror body editor and the archive API in end-to-end tests. */
import type { Page } from 'playwright-core'
import type { CallInput, CallName, CallOutput } from '../../src/shared/contract'
import type { Session } from './harness'

/** Calls the browser host's HTTP API directly, as another program (or an import) would. */
export async function callApi<K extends CallName>(
  s: Session,
  name: K,
  input: CallInput<K>
): Promise<CallOutput<K>> {
  const response = await fetch(`http://127.0.0.1:${s.server.port}/api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${s.server.token}` },
    body: JSON.stringify(input)
  })
  const result = (await response.json()) as {
    ok: boolean
    value?: unknown
    error?: { message: string }
  }
  if (!result.ok) throw new Error(result.error?.message ?? 'API error')
  return result.value as CallOutput<K>
}

export async function openEditor(s: Session, uid: string, edit = true): Promise<void> {
  await s.page.goto(`http://127.0.0.1:${s.server.port}/#/article/${uid}${edit ? '/edit' : ''}`)
  await s.page.waitForSelector('.cm-content .cm-line')
  await s.page.evaluate(() => document.fonts.ready)
}

/**
 * Selects characters [from, to) of the editor's line `line` (0-based) through the DOM selection,
 * as a mouse selection would; CodeMirror reads it from `selectionchange`.
 */
export async function selectInLine(
  page: Page,
  line: number,
  from: number,
  to: number
): Promise<void> {
  await page.evaluate(
    ({ line, from, to }) => {
      const content = document.querySelector<HTMLElement>('.cm-content')!
      content.focus()
      const el = content.querySelectorAll('.cm-line')[line]
      const locate = (target: number): [Node, number] => {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
        let seen = 0
        let last: [Node, number] = [el, 0]
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const length = node.textContent?.length ?? 0
          if (target <= seen + length) return [node, target - seen]
          seen += length
          last = [node, length]
        }
        return last
      }
      const [a, aOffset] = locate(from)
      const [b, bOffset] = locate(to)
      document.getSelection()!.setBaseAndExtent(a, aOffset, b, bOffset)
    },
    { line, from, to }
  )
  // let CodeMirror pick up the selection
  await page.waitForTimeout(80)
}

export async function lineText(page: Page, line: number): Promise<string> {
  return page.evaluate(
    (line) => document.querySelectorAll('.cm-line')[line].textContent ?? '',
    line
  )
}

/** Rendered width of characters [from, to) of a line: changes if letters lose their joining. */
export async function textWidth(
  page: Page,
  line: number,
  from: number,
  to: number
): Promise<number> {
  return page.evaluate(
    ({ line, from, to }) => {
      const el = document.querySelectorAll('.cm-line')[line]
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
      const range = document.createRange()
      let seen = 0
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent?.length ?? 0
        if (from >= seen && from <= seen + length) range.setStart(node, from - seen)
        if (to >= seen && to <= seen + length) {
          range.setEnd(node, to - seen)
          break
        }
        seen += length
      }
      return range.getBoundingClientRect().width
    },
    { line, from, to }
  )
}

export async function highlightTexts(page: Page): Promise<string[]> {
  return page.$$eval('.cm-annotation', (els) => els.map((el) => el.textContent ?? ''))
}

export async function saveAndWait(page: Page): Promise<void> {
  await page.keyboard.press('Control+KeyS')
  await page.waitForFunction(() => {
    const state = document.querySelector('[data-testid=save-state]')
    return state?.getAttribute('data-dirty') === 'false' && state.textContent !== ''
  })
}
