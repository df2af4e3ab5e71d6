import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { ImportFormatError } from '../../../src/main/core/import/formats/types'
import { readZipEntries } from '../../../src/main/core/import/zip'

const ARTICLE = 'عنوان الخبر\n\nنص قصير عن افتتاح المكتبة.'

function reasonOf(fn: () => unknown): string {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(ImportFormatError)
    return (error as Error).message
  }
  throw new Error('expected an ImportFormatError')
}

/** Offset of the end-of-central-directory record and of each central header. */
function layout(zip: Uint8Array): { eocd: number; central: number[] } {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  let eocd = zip.length - 22
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd--
  const count = view.getUint16(eocd + 10, true)
  const central: number[] = []
  let p = view.getUint32(eocd + 16, true)
  for (let i = 0; i < count; i++) {
    central.push(p)
    p +=
      46 +
      view.getUint16(p + 28, true) +
      view.getUint16(p + 30, true) +
      view.getUint16(p + 32, true)
  }
  return { eocd, central }
}

/** Rewrites an entry name in both its central and local headers (same length only). */
function renameEntry(zip: Uint8Array, from: string, to: string): Uint8Array {
  expect(to.length).toBe(from.length)
  const out = zip.slice()
  const needle = strToU8(from)
  for (let i = 0; i + needle.length <= out.length; i++) {
    if (needle.every((b, k) => out[i + k] === b)) out.set(strToU8(to), i)
  }
  return out
}

describe('readZipEntries', () => {
  it('returns the files, skipping folders and Mac metadata', () => {
    const zip = zipSync({
      'news/one.txt': strToU8(ARTICLE),
      'news/two.json': strToU8('[{"title":"x","content":"y"}]'),
      'empty-dir/': new Uint8Array(0),
      '__MACOSX/news/._one.txt': strToU8('junk'),
      'stored.txt': [strToU8('stored as is'), { level: 0 }]
    })
    const entries = readZipEntries(zip)
    expect(entries.map((e) => e.name)).toEqual(['news/one.txt', 'news/two.json', 'stored.txt'])
    expect(new TextDecoder().decode(entries[0].bytes)).toBe(ARTICLE)
    expect(new TextDecoder().decode(entries[2].bytes)).toBe('stored as is')
  })

  it('reads an empty zip as no entries', () => {
    expect(readZipEntries(zipSync({}))).toEqual([])
  })

  it('refuses zip slip: ".." segments, absolute and drive paths', () => {
    const zip = zipSync({ 'aa/evil.txt': strToU8(ARTICLE), 'ok.txt': strToU8(ARTICLE) })
    expect(reasonOf(() => readZipEntries(renameEntry(zip, 'aa/evil.txt', '../evil.txt')))).toBe(
      'The zip file is refused: entry "../evil.txt" has a ".." path segment (it would escape the folder)'
    )
    const deeper = zipSync({ 'a/../../etc/passwd': strToU8('x') })
    expect(reasonOf(() => readZipEntries(deeper))).toMatch(/"\.\." path segment/)
    expect(reasonOf(() => readZipEntries(renameEntry(zip, 'aa/evil.txt', '/a/evil.txt')))).toMatch(
      /absolute path/
    )
    expect(reasonOf(() => readZipEntries(renameEntry(zip, 'aa/evil.txt', 'C:\\evil.txt')))).toMatch(
      /absolute path/
    )
    expect(
      reasonOf(() => readZipEntries(renameEntry(zip, 'aa/evil.txt', 'a\\..\\evil.t')))
    ).toMatch(/"\.\." path segment/)
  })

  it('refuses a highly compressed entry as a likely bomb before inflating', () => {
    const zip = zipSync({ 'zeros.txt': new Uint8Array(2 * 1024 * 1024) })
    expect(reasonOf(() => readZipEntries(zip))).toMatch(
      /^The zip file is refused as a likely zip bomb: entry "zeros.txt" declares 2097152 bytes from \d+ compressed/
    )
  })

  it('refuses declared sizes that lie about a bomb, before decompressing', () => {
    const zip = zipSync({ 'small.txt': strToU8(ARTICLE) })
    const forged = zip.slice()
    const { central } = layout(forged)
    new DataView(forged.buffer).setUint32(central[0] + 24, 3_000_000_000, true)
    expect(reasonOf(() => readZipEntries(forged))).toMatch(
      /likely zip bomb: entry "small.txt" declares 3000000000/
    )
  })

  it('refuses too many entries and too much in total', () => {
    const zip = zipSync({ 'a.txt': strToU8(ARTICLE), 'b.txt': strToU8(ARTICLE) })
    const forged = zip.slice()
    const { eocd } = layout(forged)
    new DataView(forged.buffer).setUint16(eocd + 10, 65535, true)
    expect(reasonOf(() => readZipEntries(forged, { maxEntries: 60_000 }))).toBe(
      'The zip file has 65535 entries; at most 60000 are accepted'
    )
    expect(reasonOf(() => readZipEntries(zip, { maxTotalUncompressed: 100 }))).toBe(
      'The zip file is refused: its entries add up to more than 100 bytes uncompressed'
    )
  })

  it('catches an entry that inflates past its declared size', () => {
    const text = 'سطر من نص الخبر يتكرر. '.repeat(2000)
    const zip = zipSync({ 'liar.txt': strToU8(text) })
    const forged = zip.slice()
    const { central } = layout(forged)
    new DataView(forged.buffer).setUint32(central[0] + 24, 1000, true)
    expect(reasonOf(() => readZipEntries(forged))).toMatch(
      /^The zip file is damaged or truncated: liar.txt inflates to more than the 1000 bytes/
    )
  })

  it('reports a truncated or corrupted zip as damaged', () => {
    const zip = zipSync({ 'one.txt': strToU8(ARTICLE.repeat(50)), 'two.txt': strToU8(ARTICLE) })
    expect(reasonOf(() => readZipEntries(zip.subarray(0, zip.length >> 1)))).toBe(
      'The zip file is damaged or truncated: its end-of-central-directory record is missing ' +
        '(not a zip, or cut short)'
    )
    // keep the directory, lose the data in front of it
    const { central } = layout(zip)
    const cut = zip.slice()
    cut.fill(0, 40, central[0])
    expect(reasonOf(() => readZipEntries(cut))).toMatch(/^The zip file is damaged or truncated: /)
    expect(reasonOf(() => readZipEntries(strToU8('not a zip at all')))).toMatch(
      /damaged or truncated/
    )
  })

  it('detects altered data with the CRC', () => {
    const zip = zipSync({ 'plain.txt': [strToU8('abcdefgh'), { level: 0 }] })
    const altered = zip.slice()
    const at = Buffer.from(altered).indexOf('abcdefgh') // the stored data
    altered[at] = 0x7a
    expect(reasonOf(() => readZipEntries(altered))).toBe(
      'The zip file is damaged or truncated: plain.txt fails its CRC check'
    )
  })
})
