/**
 * HTML importer: one news page → one article. Metadata from the page's meta tags (Open Graph,
 * article:*, name=author/date), the text from the main container (see htmlMain.ts) as paragraph
 * lines. Only text nodes are read, so no markup reaches any field. Pages over 20 MB are refused
 * before parsing: no news page is that big, and parsing one would stall the import.
 */
import { parse } from 'parse5'
import type { ParsedArticle } from '@shared/domain'
import { dateOrText, findDateInLine } from './dateField'
import type { DateFields } from './dateField'
import { baseName, splitAuthors } from './fields'
import { attr, blockLines, elementsUnder, isElement, textOf } from './htmlDom'
import type { HtmlElement } from './htmlDom'
import { findMainContainer, isNoise } from './htmlMain'
import { ImportFormatError } from './types'
import type { FormatImporter, ParseOptions } from './types'

export const HTML_MAX_BYTES = 20 * 1024 * 1024

const DATE_META = [
  'article:published_time',
  'og:published_time',
  'datepublished',
  'date',
  'pubdate',
  'publishdate',
  'dc.date',
  'dc.date.issued',
  'dcterms.created',
  'sailthru.date'
]
const AUTHOR_META = ['author', 'article:author', 'dc.creator', 'sailthru.author']

const BYLINE_CLASS = /(?:^|\s)(?:author|byline)(?:$|\s|-name)/i

/** `<a rel="author">`, `.author`, `.byline`: the author line, read into its own field. */
function isByline(el: HtmlElement): boolean {
  if (BYLINE_CLASS.test(attr(el, 'class') ?? '')) return true
  return el.tagName === 'a' && (attr(el, 'rel') ?? '').toLowerCase().split(/\s+/).includes('author')
}

/** What the page says about itself, gathered in one walk. */
interface PageFacts {
  meta: Map<string, string>
  canonical?: string
  relAuthor?: string
  bylineText?: string
  titleTag?: string
  h1?: string
  time?: HtmlElement
  lang?: string
}

function checkSize(text: string): void {
  // byteLength is exact but reads the whole string; the length check alone settles most files
  const bytes = text.length > HTML_MAX_BYTES ? text.length : Buffer.byteLength(text, 'utf8')
  if (bytes > HTML_MAX_BYTES) {
    const mb = (bytes / 1024 / 1024).toFixed(1)
    throw new ImportFormatError(
      `The HTML file is too large (${mb} MB); pages over ${HTML_MAX_BYTES / 1024 / 1024} MB are ` +
        'refused because a news page is far smaller'
    )
  }
}

/** Markup some CMSs leave inside meta content (`content="<b>…</b>"`): text only. */
function stripTags(value: string): string {
  return value
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

function gatherFacts(html: HtmlElement): PageFacts {
  const facts: PageFacts = { meta: new Map(), lang: attr(html, 'lang') || undefined }
  for (const el of elementsUnder(html)) {
    const tag = el.tagName
    if (tag === 'meta') {
      const key = (attr(el, 'property') ?? attr(el, 'name') ?? attr(el, 'itemprop'))?.toLowerCase()
      const content = stripTags(attr(el, 'content') ?? '')
      if (key && content && !facts.meta.has(key)) facts.meta.set(key, content)
    } else if (tag === 'link' && attr(el, 'rel')?.toLowerCase() === 'canonical') {
      facts.canonical ??= attr(el, 'href')
    } else if (tag === 'title') facts.titleTag ??= textOf(el)
    else if (tag === 'h1') facts.h1 ??= textOf(el) || undefined
    else if (tag === 'time') facts.time ??= el
    else if (tag === 'a' && attr(el, 'rel')?.toLowerCase().split(/\s+/).includes('author')) {
      facts.relAuthor ??= textOf(el) || undefined
    } else if (BYLINE_CLASS.test(attr(el, 'class') ?? '')) {
      const text = textOf(el)
      if (text && text.length < 120) facts.bylineText ??= text
    }
  }
  return facts
}

/** "Title - Site", "Site | Title" → "Title" when Site is the og:site_name. */
export function stripSiteName(title: string, site: string | undefined): string {
  if (!site) return title
  for (const sep of [' - ', ' | ', ' — ', ' – ', ' :: ', ' « ', ' » ', ' : ']) {
    if (title.endsWith(sep + site)) return title.slice(0, -(sep + site).length).trim()
    if (title.startsWith(site + sep)) return title.slice((site + sep).length).trim()
  }
  return title
}

function cleanByline(text: string): string[] {
  const bare = text.replace(/^(?:بقلم|كتب|كتبت|إعداد|تقرير|by)\s*[:：\-–]?\s*/i, '')
  return splitAuthors(bare).filter((a) => !/^https?:/i.test(a))
}

function readAuthors(facts: PageFacts): string[] {
  for (const key of AUTHOR_META) {
    const value = facts.meta.get(key)
    if (value && !/^https?:/i.test(value)) return cleanByline(value)
  }
  if (facts.relAuthor) return cleanByline(facts.relAuthor)
  return facts.bylineText ? cleanByline(facts.bylineText) : []
}

function readDate(facts: PageFacts, lines: string[]): DateFields {
  const shownTime = facts.time ? findDateInLine(textOf(facts.time)) : null
  for (const key of DATE_META) {
    const value = facts.meta.get(key)
    if (!value) continue
    const date = dateOrText(value)
    // the meta tag is for machines; when the page shows the same day, keep the words it shows
    return shownTime && shownTime.published === date.published ? shownTime : date
  }
  if (facts.time) {
    const machine = attr(facts.time, 'datetime')
    const parsed = machine ? dateOrText(machine) : {}
    const shown = textOf(facts.time)
    if (parsed.published) return shown ? { ...parsed, dateText: shown } : parsed
    if (shownTime) return shownTime
  }
  // a date line near the top of the text ("الثلاثاء 21 يوليو 2015")
  for (const line of lines.slice(0, 15)) {
    if (line.length > 120) continue
    const found = findDateInLine(line)
    if (found) return found
  }
  return {}
}

function findHtmlElement(text: string): HtmlElement {
  const doc = parse(text)
  const html = doc.childNodes.find(isElement)
  if (!html) throw new ImportFormatError('The HTML page has no content')
  return html
}

export function parseHtmlPage(text: string, options: ParseOptions): ParsedArticle {
  checkSize(text)
  const html = findHtmlElement(text)
  const body = html.childNodes.filter(isElement).find((el) => el.tagName === 'body') ?? html
  const facts = gatherFacts(html)
  const site = facts.meta.get('og:site_name')
  const rawTitle = facts.meta.get('og:title') ?? facts.h1 ?? facts.titleTag ?? ''
  const title = stripSiteName(rawTitle, site)

  const container = findMainContainer(body)
  const figcaption =
    container && elementsUnder(container, isNoise).find((e) => e.tagName === 'figcaption')
  const caption = figcaption ? textOf(figcaption) : ''
  // the caption, byline and date have their own fields; the title repeated in the text is not body
  const skipInBody = (el: HtmlElement): boolean =>
    isNoise(el) ||
    el.tagName === 'time' ||
    isByline(el) ||
    (caption !== '' && el.tagName === 'figcaption')
  const root = container ?? body
  const lines = blockLines(root, skipInBody).filter((l) => l !== title && l !== rawTitle)
  if (!title && lines.length === 0) {
    throw new ImportFormatError('The HTML page has no readable text (no title and no paragraphs)')
  }

  const article: ParsedArticle = {
    title: title || baseName(options.fileName),
    body: lines.join('\n')
  }
  const url = facts.canonical ?? facts.meta.get('og:url')
  if (url) article.url = url
  if (site) article.source = site
  if (facts.lang) article.lang = facts.lang
  const section = facts.meta.get('article:section')
  if (section) article.section = section
  if (caption) article.caption = caption
  const authors = readAuthors(facts)
  if (authors.length > 0) article.authors = authors
  // the date line may sit in the article's <header> or byline, which the body leaves out
  Object.assign(
    article,
    readDate(
      facts,
      blockLines(root, () => false)
    )
  )
  return article
}

export const htmlImporter: FormatImporter = {
  id: 'html',
  extensions: ['.html', '.htm', '.xhtml', '.shtml'],
  sniff(text: string): number {
    const head = text
      .replace(/^\uFEFF/, '')
      .trimStart()
      .slice(0, 4096)
    if (
      /^(<\?xml[^>]*>\s*)?<!doctype html/i.test(head) ||
      /^(<\?xml[^>]*>\s*)?<html\b/i.test(head)
    ) {
      return 0.95
    }
    if (/<(html|head|body)\b/i.test(head)) return 0.8
    if (/<(p|div|article|h1|br)\b[^>]*>/i.test(head)) return 0.5
    return 0
  },
  parse(text: string, options: ParseOptions): ParsedArticle[] {
    return [parseHtmlPage(text, options)]
  }
}
