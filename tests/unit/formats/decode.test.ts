import { describe, expect, it } from 'vitest'
import { decodeBytes, decodeValidUtf8 } from '../../../src/main/core/import/decode'
import { ImportFormatError } from '../../../src/main/core/import/formats/types'
import { fixtureBytes } from './fixture'

const ARABIC = 'افتتحت البلدية مكتبة الحي القديم، وقال المدير: «المجموعة تضم ٨٠٠٠ مجلد».\n'

/** Windows-1256 bytes of a text, from the inverse of the decoder's own table. */
function encodeWindows1256(text: string): Uint8Array {
  const decoder = new TextDecoder('windows-1256')
  const table = new Map<string, number>()
  for (let b = 0; b < 256; b++) table.set(decoder.decode(new Uint8Array([b])), b)
  return Uint8Array.from(
    [...text].map((ch) => {
      const byte = table.get(ch)
      if (byte === undefined) throw new Error(`no Windows-1256 byte for ${ch}`)
      return byte
    })
  )
}

function utf16be(text: string): Uint8Array {
  const le = Buffer.from(text, 'utf16le')
  const be = new Uint8Array(le.length)
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1]
    be[i + 1] = le[i]
  }
  return be
}

function reasonOf(fn: () => unknown): string {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(ImportFormatError)
    return (error as Error).message
  }
  throw new Error('expected an ImportFormatError')
}

describe('decodeBytes', () => {
  it('reads plain UTF-8 and UTF-8 with BOM (BOM removed, reported)', () => {
    const bytes = new TextEncoder().encode(ARABIC)
    expect(decodeBytes(bytes)).toEqual({ text: ARABIC, encoding: 'utf-8', bom: false })
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes])
    expect(decodeBytes(withBom)).toEqual({ text: ARABIC, encoding: 'utf-8', bom: true })
  })

  it('reads the UTF-16LE fixture with BOM', () => {
    const decoded = decodeBytes(fixtureBytes('utf16le-bom.txt'))
    expect(decoded.encoding).toBe('utf-16le')
    expect(decoded.bom).toBe(true)
    expect(decoded.text.startsWith('عنوان بترميز UTF-16\n')).toBe(true)
    expect(decoded.text).not.toContain('\uFFFD')
  })

  it('reads UTF-16BE with BOM', () => {
    const decoded = decodeBytes(new Uint8Array([0xfe, 0xff, ...utf16be(ARABIC)]))
    expect(decoded).toEqual({ text: ARABIC, encoding: 'utf-16be', bom: true })
  })

  it('detects UTF-16 without BOM from its NUL bytes', () => {
    expect(decodeBytes(new Uint8Array(Buffer.from(ARABIC, 'utf16le')))).toEqual({
      text: ARABIC,
      encoding: 'utf-16le',
      bom: false
    })
    expect(decodeBytes(utf16be(ARABIC)).encoding).toBe('utf-16be')
  })

  it('reads Windows-1256 Arabic that is not valid UTF-8', () => {
    const text = 'مكتبة الحي القديم، افتتحت اليوم؟ نعم.\nشكراً للجميع.'
    const decoded = decodeBytes(encodeWindows1256(text))
    expect(decoded).toEqual({ text, encoding: 'windows-1256', bom: false })
  })

  it('refuses invalid UTF-8 that is not Arabic Windows-1256, naming byte and offset', () => {
    // Latin-1 "café crème": 0xE9 and 0xE8 are French letters in Windows-1256, not Arabic
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('menu: caf'),
      0xe9,
      0x20,
      0x63,
      0x72,
      0xe8,
      0x6d,
      0x65
    ])
    expect(reasonOf(() => decodeBytes(bytes))).toBe(
      'The file is not valid UTF-8 text (invalid byte 0xE9 at offset 9) and does not look like ' +
        'Windows-1256 Arabic either'
    )
  })

  it('names the first bad byte even deep in a valid file', () => {
    const good = new TextEncoder().encode('a'.repeat(1234))
    const bytes = new Uint8Array([...good, 0xc3, 0x28, ...good])
    expect(reasonOf(() => decodeBytes(bytes))).toContain('invalid byte 0xC3 at offset 1234')
  })

  it('refuses binary junk', () => {
    const junk = new Uint8Array(4096)
    let seed = 7
    for (let i = 0; i < junk.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      junk[i] = seed >> 16
    }
    expect(reasonOf(() => decodeBytes(junk))).toBe('The file looks binary, not text')
    // PNG header and C0 controls without NULs
    const controls = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x1b : 0x41))
    expect(reasonOf(() => decodeBytes(controls))).toBe('The file looks binary, not text')
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])
    expect(reasonOf(() => decodeBytes(png))).toBe('The file looks binary, not text')
  })

  it('refuses truncated UTF-16 with a reason', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42])
    expect(reasonOf(() => decodeBytes(bytes))).toMatch(/UTF-16LE.*odd number of bytes/)
  })

  it('never returns U+FFFD for bad input', () => {
    const lone = new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]) // unpaired surrogate
    expect(reasonOf(() => decodeBytes(lone))).toMatch(/not valid UTF-16LE/)
  })

  it('reads an empty file as empty UTF-8 text', () => {
    expect(decodeBytes(new Uint8Array(0))).toEqual({ text: '', encoding: 'utf-8', bom: false })
  })
})

describe('decoding a large UTF-8 file', () => {
  /** Text in every UTF-8 length: ASCII, Arabic (2 bytes), € and CJK (3), emoji (4 bytes). */
  const sample = 'Riyadh الرياض ١٤٣٦هـ €5 漢字 👍🏽 مَرْحَبًا\n'

  it('gives exactly what Node’s own decoder gives, across its buffer’s bounds', () => {
    // over a million UTF-16 units, so the output is made in parts; an emoji at each bound
    for (const repeat of [1, 3_000, 40_000]) {
      const text = sample.repeat(repeat)
      const bytes = new TextEncoder().encode(text)
      expect(decodeValidUtf8(bytes)).toBe(text)
    }
    const shifted = `${'ا'.repeat((1 << 20) - 1)}👍${'x'.repeat(10)}`
    expect(decodeValidUtf8(new TextEncoder().encode(shifted))).toBe(shifted)
  })

  it('is what decodeBytes returns for a large file', () => {
    const text = sample.repeat(5_000)
    const decoded = decodeBytes(new TextEncoder().encode(text))
    expect(decoded).toEqual({ text, encoding: 'utf-8', bom: false })
  })
})
