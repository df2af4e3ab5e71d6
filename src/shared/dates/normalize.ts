/**
 * Folding of Arabic text for matching, with a map back to the original string.
 *
 * Date expressions are matched on a folded copy (no harakat, no tatweel, one alef, ASCII digits,
 * lower case) but `dateText` must be the substring exactly as the source wrote it, so every
 * folded character remembers the offset of the original character it came from.
 */

/** Text folded for matching, and for each folded character the offset of its original. */
export interface FoldedText {
  text: string
  /** `origin[i]` is the offset in the original string of folded character `i` */
  origin: number[]
}

/**
 * Harakat, Quranic marks, superscript alef, tatweel and bidi/zero-width controls: dropped.
 * Checked by code point ranges rather than a regex: folding runs on every character of a file.
 */
function isDropped(code: number): boolean {
  return (
    (code >= 0x0610 && code <= 0x061a) ||
    (code >= 0x064b && code <= 0x065f) ||
    code === 0x0670 ||
    (code >= 0x06d6 && code <= 0x06ed) ||
    code === 0x0640 ||
    (code >= 0x200b && code <= 0x200f) ||
    code === 0x061c ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff
  )
}

/** One-to-one replacements; anything not listed (and not dropped) is kept as is. */
const REPLACED: Readonly<Record<string, string>> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  // Persian yeh and keheh, common in text typed on Persian keyboards
  ی: 'ي',
  ک: 'ك',
  // heh doachashmee, used for the `هـ` Hijri marker by some Urdu/Persian-origin fonts
  ھ: 'ه',
  // taa marbuta written as haa is frequent in scraped text (الجمعه, القعده): fold both ways
  ة: 'ه',
  '\u060d': '/',
  '\u066b': '.',
  '\u00a0': ' ',
  '\u2007': ' ',
  '\u202f': ' ',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u2044': '/',
  '\u2215': '/'
}

function foldChar(ch: string): string | null {
  const code = ch.charCodeAt(0)
  // ASCII letters, digits and spaces are the common case: only case folding applies
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? ch.toLowerCase() : ch
  if (isDropped(code)) return null
  const replaced = REPLACED[ch]
  if (replaced !== undefined) return replaced
  // Arabic-Indic (U+0660…) and Persian/Urdu (U+06F0…) digits become ASCII digits
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660)
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0)
  // Arabic letters have no case; only Latin-script letters beyond ASCII need lower-casing
  return code >= 0x0600 ? ch : ch.toLowerCase()
}

/** Folds `text` for matching and keeps the origin of every folded character. */
export function foldWithOrigin(text: string): FoldedText {
  let folded = ''
  const origin: number[] = []
  for (let i = 0; i < text.length; i++) {
    const out = foldChar(text[i])
    if (out === null) continue
    // toLowerCase can in principle yield more than one unit; each maps to the same origin
    for (let k = 0; k < out.length; k++) origin.push(i)
    folded += out
  }
  return { text: folded, origin }
}

/** Folds `text` for matching when the origin is not needed (month tables, labels). */
export function foldArabic(text: string): string {
  return foldWithOrigin(text).text
}

/** Harakat and tatweel written after the last matched letter belong to it. */
const TRAILING_MARK = /[\u0610-\u061a\u064b-\u065f\u0670\u0640]/

/** Offset in the original string just after the folded range that ends at `end`. */
export function originalEnd(source: string, folded: FoldedText, end: number): number {
  if (end <= 0) return 0
  let to = folded.origin[end - 1] + 1
  while (to < source.length && TRAILING_MARK.test(source[to])) to++
  return to
}

/** The original substring behind folded range [start, end), trimmed. */
export function originalSlice(
  source: string,
  folded: FoldedText,
  start: number,
  end: number
): string {
  if (end <= start) return ''
  return source.slice(folded.origin[start], originalEnd(source, folded, end)).trim()
}
