/**
 * Per-code-point folding tables shared by the normaliser and the tokenizer.
 *
 * Everything here works one code point at a time so that every output character can be traced
 * back to the original code point it came from (highlights must land on original offsets).
 * Characters below FAST_LIMIT (ASCII, Latin, Greek, Cyrillic, the Arabic block) are resolved by a
 * precomputed table; anything else goes through NFKC once and is cached.
 */

/** Code units below this are resolved through the precomputed tables. */
export const FAST_LIMIT = 0x700

/** Table value: the code point is removed (mark, tatweel, invisible control). */
export const DROP = -1
/** Table value: the code point becomes several characters; ask `FoldTable.complex`. */
export const COMPLEX = -2

/** Invisible direction and zero-width controls: stripped, and they never join or split words. */
export function isInvisibleControl(c: number): boolean {
  return (
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2069) ||
    c === 0xfeff ||
    c === 0x00ad ||
    c === 0x061c
  )
}

/** Combining marks that are stripped but belong to the word they sit on (harakat, tatweel…). */
export function isStrippedMark(c: number): boolean {
  return (
    (c >= 0x064b && c <= 0x065f) ||
    c === 0x0670 ||
    (c >= 0x06d6 && c <= 0x06ed) ||
    c === 0x0640 ||
    (c >= 0x0610 && c <= 0x061a) ||
    (c >= 0x0300 && c <= 0x036f) ||
    (c >= 0x08d3 && c <= 0x08ff && c !== 0x08e2)
  )
}

/** Arabic letter folds that NFKC does not do (alef forms, alef maksura, ta marbuta, Persian forms). */
const ARABIC_FOLDS: ReadonlyMap<number, number> = new Map([
  [0x0622, 0x0627], // آ
  [0x0623, 0x0627], // أ
  [0x0625, 0x0627], // إ
  [0x0671, 0x0627], // ٱ wasla
  [0x0672, 0x0627], // ٲ wavy hamza above
  [0x0673, 0x0627], // ٳ wavy hamza below
  [0x0649, 0x064a], // ى → ي
  [0x0629, 0x0647], // ة → ه
  // Persian/Urdu keyboard forms of Arabic letters, so pasted text still matches
  [0x06cc, 0x064a], // ی farsi yeh
  [0x06a9, 0x0643], // ک keheh
  [0x06c1, 0x0647], // ہ heh goal
  [0x06be, 0x0647], // ھ heh doachashmee
  // Maghrebi, Persian and Urdu letters for sounds Arabic writes with its nearest letter, so that
  // الڤاتيكان finds الفاتيكان and ڨردان (Tunisian news) finds قردان
  [0x06a8, 0x0642], // ڨ qaf with three dots → ق
  [0x06a4, 0x0641], // ڤ veh → ف
  [0x06a2, 0x0641], // ڢ Maghrebi feh → ف
  [0x06a7, 0x0642], // ڧ Maghrebi qaf → ق
  [0x06af, 0x0643], // گ gaf → ك
  [0x06ad, 0x0643], // ڭ ng → ك
  [0x0686, 0x062c], // چ tcheh → ج
  [0x067e, 0x0628], // پ peh → ب
  [0x0698, 0x0632], // ژ jeh → ز
  [0x06d2, 0x064a], // ے yeh barree → ي
  [0x06d0, 0x064a], // ې e → ي
  [0x06c0, 0x0647], // ۀ heh with yeh above → ه
  [0x06c3, 0x0647], // ۃ teh marbuta goal → ه
  [0x06d5, 0x0647] // ە ae → ه
])

/** Latin letters that NFD does not decompose but people type as plain ASCII. */
const LATIN_SPECIAL: ReadonlyMap<string, string> = new Map([
  ['ß', 'ss'],
  ['æ', 'ae'],
  ['œ', 'oe'],
  ['ø', 'o'],
  ['đ', 'd'],
  ['ð', 'd'],
  ['ł', 'l'],
  ['þ', 'th'],
  ['ı', 'i'],
  ['ħ', 'h']
])

/** Folds one UTF-16 code unit that is already in NFKC form. */
function foldUnit(c: number, foldHamzaSeats: boolean): string {
  if (isInvisibleControl(c) || isStrippedMark(c)) return ''
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? String.fromCharCode(c + 32) : String.fromCharCode(c)
  if (c >= 0x0600 && c <= 0x06ff) {
    if (c >= 0x0660 && c <= 0x0669) return String.fromCharCode(c - 0x0660 + 0x30)
    if (c >= 0x06f0 && c <= 0x06f9) return String.fromCharCode(c - 0x06f0 + 0x30)
    if (foldHamzaSeats && c === 0x0624) return '\u0648'
    if (foldHamzaSeats && c === 0x0626) return '\u064a'
    return String.fromCharCode(ARABIC_FOLDS.get(c) ?? c)
  }
  const ch = String.fromCharCode(c)
  // Accent folding only for alphabetic scripts; NFD would explode Hangul syllables into jamo.
  if (c < 0x0530 || (c >= 0x1e00 && c <= 0x1fff)) {
    let out = ''
    for (const d of ch.toLowerCase().normalize('NFD')) {
      const dc = d.charCodeAt(0)
      if (dc >= 0x0300 && dc <= 0x036f) continue
      out += LATIN_SPECIAL.get(d) ?? d
    }
    return out
  }
  return ch
}

/** The full fold of one code point: NFKC, then per-unit folding. */
export function foldCodePoint(cp: number, foldHamzaSeats: boolean): string {
  if (isInvisibleControl(cp) || isStrippedMark(cp)) return ''
  const ch = String.fromCodePoint(cp)
  const nf = cp < 0x80 ? ch : ch.normalize('NFKC')
  let out = ''
  for (let k = 0; k < nf.length; k++) {
    const u = nf.charCodeAt(k)
    // Keep surrogate pairs that NFKC left alone (emoji, CJK extensions) as they are.
    out += u >= 0xd800 && u <= 0xdfff ? nf[k] : foldUnit(u, foldHamzaSeats)
  }
  // Isolated harakat presentation forms (U+FE70–FE7F) decompose to SPACE + mark: they are marks.
  if (cp >= 0xfe70 && cp <= 0xfe7f) out = out.trim()
  return out
}

/** Precomputed folding for one option set. */
export interface FoldTable {
  /** For code units < FAST_LIMIT: output code, DROP or COMPLEX. */
  readonly fast: Int32Array
  /** Fold of any code point (cached); '' when dropped. */
  complex(cp: number): string
}

function buildFoldTable(foldHamzaSeats: boolean): FoldTable {
  const fast = new Int32Array(FAST_LIMIT)
  const cache = new Map<number, string>()
  for (let c = 0; c < FAST_LIMIT; c++) {
    const f = foldCodePoint(c, foldHamzaSeats)
    fast[c] = f.length === 0 ? DROP : f.length === 1 ? f.charCodeAt(0) : COMPLEX
    if (f.length > 1) cache.set(c, f)
  }
  return {
    fast,
    complex(cp: number): string {
      let f = cache.get(cp)
      if (f === undefined) {
        f = foldCodePoint(cp, foldHamzaSeats)
        cache.set(cp, f)
      }
      return f
    }
  }
}

let plainTable: FoldTable | undefined
let hamzaTable: FoldTable | undefined

/** The lazily built table for the given option. */
export function getFoldTable(foldHamzaSeats: boolean): FoldTable {
  if (foldHamzaSeats) return (hamzaTable ??= buildFoldTable(true))
  return (plainTable ??= buildFoldTable(false))
}

const WORD_UNITS = new Uint8Array(FAST_LIMIT)
for (let c = 0x30; c <= 0x39; c++) WORD_UNITS[c] = 1
for (let c = 0x61; c <= 0x7a; c++) WORD_UNITS[c] = 1
for (const [from, to] of [
  [0x0620, 0x063f],
  [0x0641, 0x064a],
  [0x066e, 0x066f],
  [0x0671, 0x06d3],
  [0x06d5, 0x06d5],
  [0x06ee, 0x06ef],
  [0x06fa, 0x06fc],
  [0x06ff, 0x06ff]
]) {
  for (let c = from; c <= to; c++) WORD_UNITS[c] = 1
}

/**
 * Whether a NORMALISED code unit is a word character: ASCII a–z, 0–9, or an Arabic letter.
 * Other scripts count as separators so the index only holds what FTS5's unicode61 splits exactly
 * as we do.
 */
export function isWordUnit(u: number): boolean {
  return u < FAST_LIMIT && WORD_UNITS[u] === 1
}
