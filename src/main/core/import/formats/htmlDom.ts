/**
 * Small helpers over parse5's default tree: attribute access, iterative walks (a hostile page
 * can nest elements thousands deep, so nothing here recurses), and text extraction that turns
 * block elements into lines. Text comes only from text nodes, so no markup reaches a field;
 * parse5 has already decoded the entities.
 */
import { parseFragment } from 'parse5'
import type { DefaultTreeAdapterTypes } from 'parse5'

export type HtmlNode = DefaultTreeAdapterTypes.Node
export type HtmlElement = DefaultTreeAdapterTypes.Element

export function isElement(node: HtmlNode): node is HtmlElement {
  return 'tagName' in node
}

export function isText(node: HtmlNode): node is DefaultTreeAdapterTypes.TextNode {
  return node.nodeName === '#text'
}

export function attr(el: HtmlElement, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value
}

function childrenOf(node: HtmlNode): HtmlNode[] {
  return 'childNodes' in node ? node.childNodes : []
}

/** Never content: code, styling, embedded objects and form controls. */
export const NEVER_TEXT = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'select',
  'textarea',
  'button',
  'input',
  'head'
])

/** Page furniture: menus, headers, footers, sidebars, forms. */
export const CHROME = new Set(['nav', 'header', 'footer', 'aside', 'form', 'menu', 'dialog'])

/** Every element under `root` in document order, not entering those `skip` rejects. */
export function elementsUnder(root: HtmlNode, skip?: (el: HtmlElement) => boolean): HtmlElement[] {
  const found: HtmlElement[] = []
  const stack: HtmlNode[] = [...childrenOf(root)].reverse()
  while (stack.length > 0) {
    const node = stack.pop() as HtmlNode
    if (!isElement(node)) continue
    if (skip?.(node)) continue
    found.push(node)
    const kids = childrenOf(node)
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i])
  }
  return found
}

/** The text of a node, whitespace collapsed, script and style left out. */
export function textOf(root: HtmlNode): string {
  let text = ''
  const stack: HtmlNode[] = [root]
  while (stack.length > 0) {
    const node = stack.pop() as HtmlNode
    if (isText(node)) text += node.value
    else if (!isElement(node) || !NEVER_TEXT.has(node.tagName)) {
      const kids = childrenOf(node)
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i])
    }
  }
  return collapse(text)
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'nav',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'table',
  'tr',
  'figure',
  'figcaption',
  'hr',
  'address',
  'center',
  'form',
  'fieldset',
  'details',
  'summary',
  'body',
  'html'
])

/**
 * The text under `root` as lines: every block element and `<br>` starts a new line, whitespace
 * inside a line is collapsed, empty lines are dropped. `skip` leaves out whole subtrees.
 */
export function blockLines(root: HtmlNode, skip: (el: HtmlElement) => boolean): string[] {
  const lines: string[] = []
  let line = ''
  const flush = (): void => {
    const done = collapse(line)
    if (done) lines.push(done)
    line = ''
  }
  // a null entry marks the end of a block element, where its line ends
  const stack: (HtmlNode | null)[] = [root]
  while (stack.length > 0) {
    const node = stack.pop()
    if (node === null) {
      flush()
      continue
    }
    if (node === undefined) break
    if (isText(node)) {
      line += node.value
      continue
    }
    if (isElement(node)) {
      if (NEVER_TEXT.has(node.tagName) || (node !== root && skip(node))) continue
      if (node.tagName === 'br') {
        flush()
        continue
      }
      if (node.tagName === 'td' || node.tagName === 'th') line += ' '
      if (BLOCK.has(node.tagName)) {
        flush()
        stack.push(null)
      }
    }
    const kids = childrenOf(node)
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i])
  }
  flush()
  return lines
}

/** Markup that says a field value is HTML rather than text with a stray `<`. */
const LOOKS_LIKE_HTML =
  /<\/?(?:p|br|div|span|a|b|i|u|em|strong|img|ul|ol|li|h[1-6]|figure|table)\b[^>]*>/i

export function looksLikeHtml(value: string): boolean {
  return LOOKS_LIKE_HTML.test(value)
}

/** Converts an HTML snippet (an RSS description, a JSON `content` with markup) to text lines. */
export function htmlFragmentToText(html: string): string {
  return blockLines(parseFragment(html), (el) => CHROME.has(el.tagName)).join('\n')
}
