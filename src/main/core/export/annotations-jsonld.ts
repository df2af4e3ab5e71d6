/**
 * Annotations as W3C Web Annotations (JSON-LD, https://www.w3.org/TR/annotation-model/), so
 * Hypothesis-style tools and triple stores can read them. Two things differ from how the app
 * stores them:
 * - TextPositionSelector counts Unicode code points (model §4.2.2), the app UTF-16 units; an
 *   emoji or other astral character before a quote shifts every offset after it by one.
 * - text direction and language are stated, so an Arabic quote shown elsewhere stays RTL.
 */
import type { ExportAnnotation, ExportArticle } from './records'

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'

/** The highlight colours as CSS, so `styleClass` on a target means something to a consumer. */
const COLOUR_CSS: Record<string, string> = {
  yellow: '#fff1a8',
  green: '#c8efc0',
  blue: '#c4dcf7',
  pink: '#f9c9dc',
  orange: '#ffd6a8',
  purple: '#dccbf3'
}

/** The stylesheet shared by every annotation: one class per colour. */
export const STYLESHEET = {
  type: 'CssStylesheet',
  value: Object.entries(COLOUR_CSS)
    .map(([name, colour]) => `.${name} { background-color: ${colour}; }`)
    .join(' ')
}

const isHigh = (code: number): boolean => code >= 0xd800 && code <= 0xdbff
const isLow = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff

/**
 * Converts UTF-16 offsets of one text to code point offsets. Annotations come in text order, so
 * it walks forward from the last answer instead of rescanning the body for each one.
 */
export class CodePointCounter {
  private unit = 0
  private points = 0

  constructor(private readonly text: string) {}

  at(offset: number): number {
    const target = Math.max(0, Math.min(offset, this.text.length))
    if (target < this.unit) {
      this.unit = 0
      this.points = 0
    }
    for (let i = this.unit; i < target; i++) {
      // the low half of a surrogate pair is the same code point as the high half before it
      if (!(i > 0 && isLow(this.text.charCodeAt(i)) && isHigh(this.text.charCodeAt(i - 1)))) {
        this.points++
      }
    }
    this.unit = target
    return this.points
  }
}

const RTL_LANGS = /^(ar|fa|ur|he|yi|ps|sd|ckb|ug|dv)\b/i
const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u
/** The first letter of a text: what decides its direction (Unicode's "first strong" rule). */
const FIRST_LETTER = /\p{L}/u

/** 'rtl' or 'ltr' from the language when known, else from the first letter of the text. */
export function textDirection(text: string, lang: string | null): 'rtl' | 'ltr' {
  if (lang) return RTL_LANGS.test(lang) ? 'rtl' : 'ltr'
  const first = FIRST_LETTER.exec(text)?.[0]
  return first && RTL_SCRIPT.test(first) ? 'rtl' : 'ltr'
}

/** The language tag to state: the article's, else Arabic when the text is Arabic script. */
function languageOf(text: string, lang: string | null): string | undefined {
  if (lang) return lang
  const first = FIRST_LETTER.exec(text)?.[0]
  return first && /\p{Script=Arabic}/u.test(first) ? 'ar' : undefined
}

function bodies(annotation: ExportAnnotation): Record<string, unknown>[] {
  const list: Record<string, unknown>[] = []
  if (annotation.note) {
    list.push({
      type: 'TextualBody',
      purpose: 'commenting',
      value: annotation.note,
      format: 'text/plain',
      language: languageOf(annotation.note, null),
      textDirection: textDirection(annotation.note, null)
    })
  }
  for (const tag of annotation.tags) {
    list.push({ type: 'TextualBody', purpose: 'tagging', value: tag })
  }
  if (annotation.entityUid) {
    // the linked person, place or organisation identifies what the passage is about
    list.push({
      type: 'SpecificResource',
      purpose: 'identifying',
      source: { id: `urn:uuid:${annotation.entityUid}`, label: annotation.entityName }
    })
  }
  return list
}

function motivation(annotation: ExportAnnotation): string {
  if (annotation.note) return 'commenting'
  if (annotation.tags.length > 0) return 'tagging'
  if (annotation.entityUid) return 'identifying'
  return 'highlighting'
}

/**
 * One annotation as a Web Annotation. `counter` must be the article body's; an orphaned
 * annotation's offsets belong to an older body, so it is given by its quote alone.
 */
export function toWebAnnotation(
  article: ExportArticle,
  annotation: ExportAnnotation,
  counter: CodePointCounter
): Record<string, unknown> {
  const quote: Record<string, unknown> = { type: 'TextQuoteSelector', exact: annotation.exact }
  if (annotation.prefix) quote.prefix = annotation.prefix
  if (annotation.suffix) quote.suffix = annotation.suffix
  const selector: Record<string, unknown>[] = [quote]
  if (annotation.status !== 'orphaned') {
    selector.push({
      type: 'TextPositionSelector',
      start: counter.at(annotation.start),
      end: counter.at(annotation.end)
    })
  }
  // the target is the article: its direction is the article's, not the quote's
  const sample = article.body || article.title || annotation.exact
  const target: Record<string, unknown> = {
    source: `urn:uuid:${article.uid}`,
    selector,
    styleClass: annotation.color,
    textDirection: textDirection(sample, article.lang)
  }
  const language = languageOf(sample, article.lang)
  if (language) target.language = language
  const result: Record<string, unknown> = {
    '@context': ANNO_CONTEXT,
    id: `urn:uuid:${annotation.uid}`,
    type: 'Annotation',
    motivation: motivation(annotation),
    created: annotation.createdAt,
    modified: annotation.updatedAt
  }
  if (annotation.author) result.creator = { type: 'Person', name: annotation.author }
  const body = bodies(annotation)
  if (body.length > 0) result.body = body.length === 1 ? body[0] : body
  result.target = target
  result.stylesheet = STYLESHEET
  return result
}
