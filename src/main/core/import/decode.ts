/**
 * Turns a file's bytes into text, finding the encoding: a BOM (UTF-8, UTF-16LE, UTF-16BE), else
 * UTF-16 recognised by its NUL bytes, else strict UTF-8, else Windows-1256 when the bytes look like
 * Arabic in that code page. Anything else is refused with the reason: a wrong guess would store
 * mojibake, and U+FFFD replacement would lose the user's text silently.
 */
import { Buffer, isUtf8 } from 'node:buffer'
import { ImportFormatError } from './formats/types'
import type { DecodedText, EncodingName } from './formats/types'

/** How many leading bytes the statistical checks look at: enough to judge, cheap on big files. */
const SAMPLE_BYTES = 64 * 1024

export function decodeBytes(bytes: Uint8Array): DecodedText {
  const bom = detectBom(bytes)
  if (bom) return decodeWith(bom.encoding, bytes.subarray(bom.length), true)
  if (bytes.length === 0) return { text: '', encoding: 'utf-8', bom: false }

  const utf16 = guessUtf16(bytes)
  if (utf16) return decodeWith(utf16, bytes, false)

  // Buffer#indexOf finds a NUL with memchr: Uint8Array#includes looped over a 12 MB file
  if (asBuffer(bytes).indexOf(0) !== -1 || controlRatio(bytes) > 0.05) {
    throw new ImportFormatError('The file looks binary, not text', { key: 'import.binary_file' })
  }
  const utf8 = tryUtf8(bytes)
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', bom: false }
  if (looksLikeWindows1256(bytes)) return decodeWith('windows-1256', bytes, false)
  const invalidAt = locateInvalidUtf8(bytes)
  const byte = bytes[invalidAt].toString(16).toUpperCase().padStart(2, '0')
  throw new ImportFormatError(
    `The file is not valid UTF-8 text (invalid byte 0x${byte} at offset ${invalidAt}) ` +
      'and does not look like Windows-1256 Arabic either',
    { key: 'import.invalid_utf8', params: { byte: `0x${byte}`, offset: invalidAt } }
  )
}

function detectBom(bytes: Uint8Array): { encoding: EncodingName; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf-8', length: 3 }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 }
  return null
}

function decodeWith(encoding: EncodingName, bytes: Uint8Array, bom: boolean): DecodedText {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    if (bytes.length % 2 !== 0) {
      throw new ImportFormatError(
        `The file looks like ${encoding.toUpperCase()} text but has an odd number of bytes ` +
          '(it is probably truncated)'
      )
    }
  }
  if (encoding === 'utf-8') {
    const text = tryUtf8(bytes)
    if (text !== null) return { text, encoding, bom }
  }
  try {
    // ignoreBOM keeps a second BOM as text; the one we detected was already cut off
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes)
    return { text, encoding, bom }
  } catch {
    throw new ImportFormatError(
      `The file is not valid ${encoding.toUpperCase()} text (it contains byte sequences ` +
        'that are not characters in that encoding)'
    )
  }
}

/**
 * UTF-16 without a BOM: text in Latin or Arabic puts a NUL in every other byte for ASCII
 * characters (spaces, digits, newlines, markup). Mostly-NUL odd bytes → LE, even bytes → BE.
 */
function guessUtf16(bytes: Uint8Array): EncodingName | null {
  const n = Math.min(bytes.length, SAMPLE_BYTES) & ~1
  if (n < 4) return null
  let evenNul = 0
  let oddNul = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++
    if (bytes[i + 1] === 0) oddNul++
  }
  const pairs = n / 2
  // Arabic letters are 0x06xx: no NUL in their pairs, so the threshold is low, but one side must
  // be clean or it is binary data rather than text
  if (oddNul > pairs * 0.1 && evenNul < pairs * 0.01) return looksLikeUtf16(bytes, 'utf-16le')
  if (evenNul > pairs * 0.1 && oddNul < pairs * 0.01) return looksLikeUtf16(bytes, 'utf-16be')
  return null
}

/** Confirms a UTF-16 guess: decodes cleanly and has few control characters. */
function looksLikeUtf16(bytes: Uint8Array, encoding: EncodingName): EncodingName | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, SAMPLE_BYTES) & ~1)
  let text: string
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(sample)
  } catch {
    // the sample may cut a surrogate pair; a real error is reported when the whole file decodes
    text = new TextDecoder(encoding).decode(sample)
  }
  let controls = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) controls++
  }
  return controls <= text.length * 0.05 ? encoding : null
}

/** Share of bytes that are C0 controls other than TAB, LF, CR, FF (ESC-heavy junk, executables). */
function controlRatio(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, SAMPLE_BYTES)
  let controls = 0
  for (let i = 0; i < n; i++) {
    const b = bytes[i]
    if ((b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) || b === 127) controls++
  }
  return controls / n
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

/**
 * Strict UTF-8 (a BOM, if any, kept as text): Node's validator and decoder, native and several
 * times faster than a fatal TextDecoder on files of megabytes; null when the bytes are invalid.
 */
function tryUtf8(bytes: Uint8Array): string | null {
  if (!isUtf8(bytes)) return null
  if (bytes.length < LARGE_TEXT) {
    return asBuffer(bytes).toString('utf8')
  }
  return decodeValidUtf8(bytes)
}

/** From this size a file's UTF-8 is decoded by decodeValidUtf8. */
const LARGE_TEXT = 64 * 1024
/** UTF-16 units decoded before they are made into a string: bounds the buffer. */
const DECODE_UNITS = 1 << 20

/**
 * UTF-8 already validated (isUtf8) into a string. V8's own decoder (behind Buffer#toString and
 * TextDecoder) managed 100 MB/s on Arabic text, where two bytes make each letter: three times the
 * time of JSON.parse on the same file. This loop, then one copy of the UTF-16 units into a string,
 * takes about half as long (bench/import-profile.ts). Valid input is assumed, never checked again.
 */
export function decodeValidUtf8(bytes: Uint8Array): string {
  const units = new Uint16Array(Math.min(DECODE_UNITS, bytes.length) + 2)
  const parts: string[] = []
  let j = 0
  const flush = (): void => {
    parts.push(Buffer.from(units.buffer, 0, j * 2).toString('ucs2'))
    j = 0
  }
  for (let i = 0; i < bytes.length;) {
    if (j >= DECODE_UNITS) flush()
    const b = bytes[i]
    if (b < 0x80) {
      units[j++] = b
      i++
    } else if (b < 0xe0) {
      units[j++] = ((b & 0x1f) << 6) | (bytes[i + 1] & 0x3f)
      i += 2
    } else if (b < 0xf0) {
      units[j++] = ((b & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f)
      i += 3
    } else {
      const point =
        (((b & 0x07) << 18) |
          ((bytes[i + 1] & 0x3f) << 12) |
          ((bytes[i + 2] & 0x3f) << 6) |
          (bytes[i + 3] & 0x3f)) -
        0x10000
      units[j++] = 0xd800 + (point >> 10)
      units[j++] = 0xdc00 + (point & 0x3ff)
      i += 4
    }
  }
  flush()
  return parts.length === 1 ? parts[0] : parts.join('')
}

/** Walks the UTF-8 structure to name the offending offset (only run once decoding failed). */
function locateInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]
    let need: number
    let min: number
    if (b < 0x80) {
      i++
      continue
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1
      min = 0x80
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2
      min = 0x800
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3
      min = 0x10000
    } else return i
    let cp = b & (0x3f >> need)
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) return i
      cp = (cp << 6) | (c & 0x3f)
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i
    i += need + 1
  }
  return 0
}

/**
 * Windows-1256 Arabic: most high bytes are Arabic letters (0xC1–0xDF except 0xD7, 0xE1, 0xE3–0xE6,
 * 0xEC–0xED, 0xF0–0xF3, 0xF5–0xF6, 0xF8, 0xFA) or Arabic punctuation and marks, letters come in
 * words (runs of high bytes, not a lone accented letter of some Latin code page), and the C1
 * range 0x80–0x9F (rare symbols and a few letters in that code page) stays scarce.
 */
function looksLikeWindows1256(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SAMPLE_BYTES)
  let high = 0
  let arabic = 0
  let inWords = 0
  let c1 = 0
  for (let i = 0; i < n; i++) {
    const b = bytes[i]
    if (b < 0x80) continue
    high++
    if (isArabic1256(b)) arabic++
    else if (b < 0xa0) c1++
    if ((i > 0 && bytes[i - 1] >= 0x80) || (i + 1 < n && bytes[i + 1] >= 0x80)) inWords++
  }
  return high >= 2 && arabic >= high * 0.7 && inWords >= high * 0.8 && c1 <= high * 0.1
}

const ARABIC_1256 = new Set([
  0xa1, 0xba, 0xbf, 0xe1, 0xe3, 0xe4, 0xe5, 0xe6, 0xec, 0xed, 0xf0, 0xf1, 0xf2, 0xf3, 0xf5, 0xf6,
  0xf8, 0xfa
])

function isArabic1256(b: number): boolean {
  // 0xC1–0xDF are letters except 0xD7 (×); the rest of the letters, harakat, the Arabic comma
  // (0xA1), semicolon (0xBA) and question mark (0xBF) are listed
  if (b >= 0xc1 && b <= 0xdf && b !== 0xd7) return true
  return ARABIC_1256.has(b)
}
