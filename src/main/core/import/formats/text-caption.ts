/**
 * Photo captions of scraped pages: a short line ending with the picture agency in parentheses,
 * `موسكو والجزائر تناقشان الأوضاع السورية وليبيا (Getty)`.
 */
import { foldArabic } from '@shared/dates'

export interface CaptionLine {
  caption: string
  credit: string
}

/** Agencies and outlets that credit news photos, folded; matched inside the credit. */
const KNOWN_CREDITS = [
  'getty',
  'afp',
  'reuters',
  'ap',
  'epa',
  'anadolu',
  'xinhua',
  'فرانس برس',
  'رويترز',
  'ا ف ب',
  'اف ب',
  'الأناضول',
  'العربي الجديد',
  'اسوشيتد برس',
  'اسوشييتد برس',
  'ا ب',
  'د ب ا',
  'شينخوا',
  'ارشيف',
  'ارشيفيه',
  'وام',
  'واس',
  'سانا',
  'فيسبوك',
  'تويتر',
  'مواقع التواصل'
].map(foldArabic)

const CREDIT_AT_END = /^(?<text>.*\S)\s*\((?<credit>[^()]{1,40})\)\s*$/u
/** A sentence ends here: a caption does not (the credit is not a sentence's closing remark). */
const SENTENCE_END = /[.!?؟:؛…]$/u

/** True when `credit` names a photo agency the list knows (as a whole word sequence). */
export function isKnownCredit(credit: string): boolean {
  const folded = ` ${foldArabic(credit)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `
  return KNOWN_CREDITS.some((known) => folded.includes(` ${known} `))
}

/**
 * Reads a caption line, or null. The limits keep out body sentences that happen to end with a
 * parenthesis: captions are short, have no final stop, and credit a name, not a number or year.
 */
export function readCaptionLine(line: string): CaptionLine | null {
  const match = CREDIT_AT_END.exec(line.trim())
  const text = match?.groups?.text.trim()
  const credit = match?.groups?.credit.trim()
  if (!text || !credit) return null
  if (SENTENCE_END.test(text) || text.length > 200 || text.split(/\s+/u).length > 25) return null
  if (/\p{N}/u.test(credit) || credit.split(/\s+/u).length > 4) return null
  return { caption: text, credit }
}
