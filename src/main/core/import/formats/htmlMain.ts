/**
 * Finds the element holding a page's article text, readability-style: an `<article>` when the
 * page has one with real text, else the element whose paragraphs carry the most text (each
 * paragraph's length counts fully for its parent and half for its grandparent, link text not at
 * all), with menus, headers, footers, sidebars, forms and ad/share/related boxes left out.
 */
import {
  CHROME,
  NEVER_TEXT,
  attr,
  collapse,
  elementsUnder,
  isElement,
  isText,
  textOf
} from './htmlDom'
import type { HtmlElement, HtmlNode } from './htmlDom'

/** class/id words of boxes that are never article text. */
const NOISE =
  /(?:^|[\s_-])(?:ads?|advert\w*|banner|sponsor\w*|share|sharing|social|related|recommend\w*|comments?|promo|newsletter|subscribe|sidebar|breadcrumbs?|widget|cookie\w*|popup|modal|most-?read|font-?size|print|tags)(?:$|[\s_-])/i

export function isNoise(el: HtmlElement): boolean {
  if (NEVER_TEXT.has(el.tagName) || CHROME.has(el.tagName)) return true
  if (attr(el, 'hidden') !== undefined || attr(el, 'aria-hidden') === 'true') return true
  const role = attr(el, 'role')
  if (role === 'navigation' || role === 'banner' || role === 'contentinfo') return true
  const names = `${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''}`
  return names.trim() !== '' && NOISE.test(names)
}

/** Text length of an element without the text inside its links. */
function ownTextLength(el: HtmlElement): number {
  const all = textOf(el).length
  let links = 0
  for (const a of elementsUnder(el)) if (a.tagName === 'a') links += textOf(a).length
  return Math.max(0, all - links)
}

/** Direct text (not inside child elements): pages that separate paragraphs with `<br>`. */
function directTextLength(el: HtmlElement): number {
  let n = 0
  for (const child of el.childNodes) if (isText(child)) n += collapse(child.value).length
  return n
}

function parentElement(node: HtmlNode): HtmlElement | null {
  const parent = 'parentNode' in node ? node.parentNode : null
  return parent && isElement(parent) ? parent : null
}

/** Paragraph text that counts toward an element: `<p>` children plus its own bare text. */
function paragraphScores(body: HtmlElement): Map<HtmlElement, number> {
  const scores = new Map<HtmlElement, number>()
  const add = (el: HtmlElement | null, n: number): void => {
    if (el) scores.set(el, (scores.get(el) ?? 0) + n)
  }
  for (const el of elementsUnder(body, isNoise)) {
    if (el.tagName === 'p' || el.tagName === 'pre' || el.tagName === 'blockquote') {
      const length = ownTextLength(el)
      if (length < 25) continue // captions, "share", bylines
      const parent = parentElement(el)
      add(parent, length)
      add(parent && parentElement(parent), length / 2)
    } else {
      const direct = directTextLength(el)
      if (direct >= 80) add(el, direct)
    }
  }
  return scores
}

function best(scores: Map<HtmlElement, number>): [HtmlElement | null, number] {
  let top: HtmlElement | null = null
  let topScore = 0
  for (const [el, score] of scores) {
    if (score > topScore) {
      top = el
      topScore = score
    }
  }
  return [top, topScore]
}

/** The element whose text is the article, or null when the page has no paragraph text. */
export function findMainContainer(body: HtmlElement): HtmlElement | null {
  const scores = paragraphScores(body)
  const articles = elementsUnder(body, isNoise).filter((el) => el.tagName === 'article')
  if (articles.length > 0) {
    // teaser cards are <article>s too: take the one with the most paragraph text inside it
    const inside = new Map<HtmlElement, number>()
    for (const [el, score] of scores) {
      for (let p: HtmlElement | null = el; p; p = parentElement(p)) {
        if (p.tagName === 'article') {
          inside.set(p, (inside.get(p) ?? 0) + score)
          break
        }
      }
    }
    const [article, score] = best(inside)
    if (article && score >= 100) return article
  }
  return best(scores)[0]
}
