/**
 * Labelled lines of a scraped article (`اقرأ أيضاً:`, `كتب:`, `المصدر:`) and page widgets.
 *
 * Labels are matched on folded text (no hamza/harakat/tanween differences, so `اقرأ أيضاً`,
 * `إقرأ أيضا` and `اقرا ايضًا` are one label) and the value is cut from the original line, so
 * names and titles keep their exact spelling.
 */
import type { RelatedLink } from '@shared/domain'
import { foldWithOrigin, originalEnd } from '@shared/dates/normalize'

/** Longest label, with spacing and punctuation, that the readers here look for. */
const LABEL_SPAN = 40

/** The original text after a label matched at the start of the folded line; null if no match. */
export function valueAfterLabel(line: string, label: RegExp): string | null {
  // labels are a few words long: folding the head of the line is enough
  const head = line.slice(0, LABEL_SPAN)
  const folded = foldWithOrigin(head)
  const match = label.exec(folded.text)
  if (!match || match.index !== 0) return null
  return line.slice(originalEnd(head, folded, match[0].length)).trim()
}

const RELATED_LABEL =
  /^\s*(?:(?:اقرا|شاهد|طالع|انظر|اقرئي)\s+(?:ايضا|كذلك|المزيد)|(?:read|see)\s+(?:also|more))\s*[:-]?\s*/u
const URL = /(?:https?:\/\/|www\.)[^\s<>"]+/iu

/**
 * `اقرأ أيضاً: عنوان` → a related link; `{ link: null }` when the label stands alone and the title
 * is on the next line; null for any other line.
 */
export function readRelatedLine(line: string): { link: RelatedLink | null } | null {
  const rest = valueAfterLabel(line, RELATED_LABEL)
  if (rest === null) return null
  return { link: relatedLinkFrom(rest) }
}

/** A related link from the text after the label: the url if one is written, the rest as title. */
export function relatedLinkFrom(rest: string): RelatedLink | null {
  const url = URL.exec(rest)?.[0] ?? null
  const title = (url ? rest.replace(url, ' ') : rest)
    .replace(/\s+/g, ' ')
    .replace(/^[\s\-–—:|•]+|[\s\-–—:|•]+$/g, '')
  if (!title && !url) return null
  return url ? { title: title || url, url } : { title }
}

const AUTHOR_LABEL = /^\s*(?:(?:كتب|كتبت|كتبه|بقلم|اعداد|تقرير|تحرير|متابعه|by)\s*[:-]\s*|بقلم\s+)/u

/** Most names have two or more words; a one-word "name" after ` و` is usually part of a name. */
function splitOnAnd(names: string): string[] {
  const parts = names.split(/\s+و(?=\S)/u)
  const words = (s: string): number => s.trim().split(/\s+/).length
  return parts.length > 1 && parts.every((p) => words(p) >= 2) ? parts : [names]
}

/** `كتب: أحمد علي ومحمد حسن` → ['أحمد علي', 'محمد حسن']; null when the line has no such label. */
export function readAuthorLine(line: string): string[] | null {
  const rest = valueAfterLabel(line, AUTHOR_LABEL)
  // a "byline" of more than a dozen words is a sentence that starts with كتب
  if (!rest || rest.split(/\s+/).length > 12) return null
  const authors = rest
    .split(/\s*[،,؛;]\s*/u)
    .flatMap(splitOnAnd)
    .map((name) => name.trim().replace(/[.\s]+$/u, ''))
    .filter((name) => name.length > 0)
  return authors.length > 0 ? [...new Set(authors)] : null
}

const SOURCE_LABEL = /^\s*(?:المصدر|مصدر\s+الخبر|source)\s*[:-]\s*/u

/** `المصدر: رويترز` → 'رويترز'; null for any other line. */
export function readSourceLine(line: string): string | null {
  const rest = valueAfterLabel(line, SOURCE_LABEL)
  return rest ? rest.replace(/[.\s]+$/u, '') : null
}

/** Words of font, print and share widgets, folded (`طباعة` → `طباعه`, `أ` → `ا`). */
const WIDGET_WORDS = new Set([
  'الخط',
  'خط',
  'تكبير',
  'تصغير',
  'حجم',
  'طباعه',
  'اطبع',
  'مشاركه',
  'شارك',
  'ارسال',
  'ارسل',
  'حفظ',
  'نسخ',
  'الرابط',
  'تعليق',
  'تعليقات',
  'التعليقات',
  'مشاهده',
  'مشاهدات',
  'فيسبوك',
  'تويتر',
  'واتساب',
  'تلغرام',
  'تيليغرام',
  'البريد',
  'الالكتروني',
  'a',
  'ا',
  'print',
  'share',
  'tweet',
  'email',
  'facebook',
  'twitter',
  'whatsapp',
  'telegram',
  'linkedin',
  'comments'
])

/** `+ الخط -`, `A A`, `طباعة | مشاركة`, `12 تعليق`: page furniture, not article text. */
export function isWidgetLine(line: string): boolean {
  if (line.length > 100) return false
  const tokens = foldWithOrigin(line)
    .text.split(/\s+/)
    .map((token) => token.replace(/[+\-|•·/،,:()]/gu, ''))
    .filter((token) => token.length > 0)
  if (tokens.length > 8) return false
  // a line of symbols only (`+ -`, `|`) or share counters (`125`) is furniture as well
  return tokens.every((token) => WIDGET_WORDS.has(token) || /^\d+$/u.test(token))
}
