/**
 * The scraped plain-text article: a title (often printed twice), a date line, photo captions
 * with their credit, page widgets (`+ الخط -`), body paragraphs, `اقرأ أيضاً:` links, and
 * sometimes `كتب:` / `المصدر:` lines. One file is one article.
 *
 * Choices: extra captions (after the first) go to `notes` as `تعليق صورة: …` so that `caption`
 * and `imageCredit` always describe the same picture; extra date lines go to `notes` verbatim.
 */
import type { ParsedArticle, RelatedLink } from '@shared/domain'
import type { CaptionLine } from './text-caption'
import { isKnownCredit, readCaptionLine } from './text-caption'
import type { DateLine } from './text-date-line'
import { readDateLine } from './text-date-line'
import {
  isWidgetLine,
  readAuthorLine,
  readRelatedLine,
  readSourceLine,
  relatedLinkFrom
} from './text-labels'
import type { FormatImporter, ParseOptions } from './types'
import { ImportFormatError } from './types'
import { isArabicLetter } from '@shared/text/language'

/** A first line longer than this is a paragraph, not a title: the file name is used instead. */
const MAX_TITLE_LENGTH = 250

const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029|\u0085/u
/** Zero-width and bidi controls: invisible, so a line of only these is an empty line. */
const INVISIBLE = /[\ufeff\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c]/gu

/** Non-empty lines, trimmed (scrapers leave trailing spaces and NBSPs). */
function contentLines(text: string): string[] {
  return text
    .split(LINE_BREAK)
    .map((line) => line.trim())
    .filter((line) => line.replace(INVISIBLE, '').trim().length > 0)
}

function sameText(a: string, b: string): boolean {
  const squeeze = (s: string): string => s.replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim()
  return squeeze(a) === squeeze(b)
}

function titleFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/u).pop() ?? fileName
  return base.replace(/\.[^.]*$/u, '').trim() || base
}

/** 'ar' when most letters are Arabic; otherwise left for the pipeline to decide. */
function detectLanguage(text: string): string | null {
  // the opening of an article tells its language as well as the whole does; a plain loop, as
  // Unicode property regexes over whole articles showed up first in import profiles
  const end = Math.min(text.length, 2000)
  let latin = 0
  let arabic = 0
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i) | 0x20
    if (code >= 0x61 && code <= 0x7a) latin++
    else if (isArabicLetter(text.charCodeAt(i))) arabic++
  }
  return arabic > 0 && arabic >= latin ? 'ar' : null
}

/** Short and without a final stop: a headline rather than a paragraph. */
function looksLikeHeadline(line: string): boolean {
  return line.length <= 160 && !/[.!؟?:]$/u.test(line)
}

/** What the walk over the lines collects. */
interface Collected {
  dates: { line: string; date: DateLine }[]
  captions: CaptionLine[]
  related: RelatedLink[]
  authors: string[]
  sources: string[]
  body: string[]
}

/** Classifies every line after the title; `head` is true until the first body paragraph. */
function collect(lines: string[], from: number, into: Collected): void {
  let head = true
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]
    const isLast = i === lines.length - 1
    const date = readDateLine(line, head || isLast)
    if (date) {
      into.dates.push({ line, date })
      continue
    }
    if (isWidgetLine(line)) continue
    const related = readRelatedLine(line)
    if (related) {
      let link = related.link
      // `اقرأ أيضاً:` alone on its line: the linked title is the next line, if it looks like one
      if (!link && i + 1 < lines.length && looksLikeHeadline(lines[i + 1])) {
        link = relatedLinkFrom(lines[++i])
      }
      if (link) into.related.push(link)
      continue
    }
    const authors = readAuthorLine(line)
    if (authors) {
      into.authors.push(...authors.filter((name) => !into.authors.includes(name)))
      continue
    }
    const source = readSourceLine(line)
    if (source) {
      into.sources.push(source)
      continue
    }
    const caption = readCaptionLine(line)
    // in the body, only a known photo agency makes a line a caption (`(رويترز)`, `(Getty)`)
    if (caption && (head || isKnownCredit(caption.credit))) {
      into.captions.push(caption)
      continue
    }
    into.body.push(line)
    head = false
  }
}

/** The publication date: the first that is not an update, else the first; the rest are notes. */
function pickDate(dates: Collected['dates']): { chosen: DateLine | null; others: string[] } {
  const chosen = dates.find((d) => !d.date.updated) ?? dates[0]
  if (!chosen) return { chosen: null, others: [] }
  return { chosen: chosen.date, others: dates.filter((d) => d !== chosen).map((d) => d.line) }
}

function parseArticle(text: string, options: ParseOptions): ParsedArticle {
  const lines = contentLines(text)
  const collected: Collected = {
    dates: [],
    captions: [],
    related: [],
    authors: [],
    sources: [],
    body: []
  }
  // widgets or a date printed above the title are not the title
  let i = 0
  for (; i < lines.length; i++) {
    const date = readDateLine(lines[i], false)
    if (date) collected.dates.push({ line: lines[i], date })
    else if (!isWidgetLine(lines[i])) break
  }
  if (i >= lines.length) throw new ImportFormatError('The file is empty')

  let title = lines[i]
  if (title.length > MAX_TITLE_LENGTH) {
    title = titleFromFileName(options.fileName)
  } else {
    i++
    // scraped pages print the headline twice (page title, then article heading)
    if (i < lines.length && sameText(lines[i], title)) i++
  }
  collect(lines, i, collected)

  const { chosen, others } = pickDate(collected.dates)
  const [caption, ...moreCaptions] = collected.captions
  const [source, ...moreSources] = collected.sources
  const notes = [
    ...others,
    ...moreCaptions.map((c) => `تعليق صورة: ${c.caption} (${c.credit})`),
    ...moreSources.filter((s) => s !== source).map((s) => `المصدر: ${s}`)
  ]
  const body = collected.body.join('\n')
  return {
    title,
    body,
    lang: detectLanguage(`${title}\n${body}`),
    source: source ?? null,
    published: chosen?.date.published ?? null,
    datePrecision: chosen?.date.precision ?? null,
    dateText: chosen?.date.dateText ?? null,
    authors: collected.authors,
    caption: caption?.caption ?? null,
    imageCredit: caption?.credit ?? null,
    related: collected.related,
    notes: notes.length > 0 ? notes.join('\n') : null
  }
}

/** Looks like a CSV/TSV header and row: the same delimiter count (≥ 2) on the first two lines. */
function looksDelimited(head: string): boolean {
  const [first, second] = head.split(LINE_BREAK)
  if (first === undefined || second === undefined) return false
  return [',', '\t', ';'].some((sep) => {
    const count = first.split(sep).length - 1
    return count >= 2 && second.split(sep).length - 1 === count
  })
}

/**
 * The first `length` characters of the text without its invisible controls and leading space,
 * read from a growing prefix: every importer sniffs every file, and cleaning the whole of each
 * 12 MB JSON file of the corpus to look at its opening was 1.5 s of its 3.9 s of parsing.
 */
function visibleHead(text: string, length: number): string {
  for (let end = 2 * length; ; end *= 2) {
    const head = text.slice(0, end).replace(INVISIBLE, '').trimStart()
    if (head.length >= length || end >= text.length) return head.slice(0, length)
  }
}

export const textImporter: FormatImporter = {
  id: 'txt',
  extensions: ['.txt', '.text', ''],
  sniff(text: string): number {
    const head = visibleHead(text, 2000)
    if (!head) return 0
    // markup and JSON have their own importers, which know them for sure
    if (/^[<{[]/u.test(head)) return 0
    if (looksDelimited(head)) return 0.05
    // plain text is the fallback for anything readable: low, so any real format wins
    return 0.3
  },
  parse(text: string, options: ParseOptions): ParsedArticle[] {
    return [parseArticle(text, options)]
  }
}
