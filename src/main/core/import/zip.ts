/**
 * Reads the files inside a zip archive, safely. The central directory is read and checked first,
 * and the whole archive is refused BEFORE anything is decompressed when an entry name could
 * escape a folder (zip slip), when declared sizes look like a zip bomb, or when there are too many
 * entries. Inflating then stops as soon as an entry outgrows its declared size, and every entry's
 * CRC is checked, so a lying header cannot blow memory or smuggle altered data.
 */
import { crc32, inflateRawSync } from 'node:zlib'
import { ImportFormatError } from './formats/types'

export interface ZipLimits {
  maxEntries: number
  maxTotalUncompressed: number
  /** uncompressed / compressed above this is a bomb … */
  maxRatio: number
  /** … once the entry is larger than this (small files of repeated text compress very well) */
  ratioCheckAbove: number
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 100_000,
  maxTotalUncompressed: 1024 ** 3,
  maxRatio: 100,
  ratioCheckAbove: 1024 ** 2
}

export interface ZipEntry {
  /** path inside the archive, `/`-separated */
  name: string
  bytes: Uint8Array
}

interface DirectoryEntry {
  name: string
  method: number
  flags: number
  crc: number
  compressedSize: number
  size: number
  localOffset: number
}

const EOCD = 0x06054b50
const ZIP64_LOCATOR = 0x07064b50
const ZIP64_EOCD = 0x06064b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

function damaged(detail: string): ImportFormatError {
  return new ImportFormatError(`The zip file is damaged or truncated: ${detail}`, {
    key: 'import.zip_damaged',
    params: { detail }
  })
}

export function readZipEntries(bytes: Uint8Array, limits: Partial<ZipLimits> = {}): ZipEntry[] {
  const lim = { ...DEFAULT_ZIP_LIMITS, ...limits }
  const entries = readCentralDirectory(bytes, lim)
  checkEntries(entries, lim)
  return entries
    .filter((e) => !e.name.endsWith('/') && !isMacMetadata(e.name))
    .map((e) => ({ name: e.name, bytes: extract(bytes, e) }))
}

/** An entry that could not be read, with the reason; the archive's other entries still are. */
export interface ZipEntryFailure {
  name: string
  error: ImportFormatError
}

/**
 * The entries one by one: a `..` name, an encrypted or unsupported entry, a bomb-like ratio or
 * bad data (CRC, truncation) fails that entry alone, before it is decompressed, and the others
 * are read. Only what concerns the whole archive (its directory unreadable, too many entries,
 * too much in total) refuses it whole.
 */
export function readZipEntriesEach(
  bytes: Uint8Array,
  limits: Partial<ZipLimits> = {}
): (ZipEntry | ZipEntryFailure)[] {
  const lim = { ...DEFAULT_ZIP_LIMITS, ...limits }
  const entries = readCentralDirectory(bytes, lim)
  checkTotal(entries, lim)
  return entries
    .filter((e) => !e.name.endsWith('/') && !isMacMetadata(e.name))
    .map((e) => {
      try {
        const problem = entryProblem(e, lim)
        if (problem) throw problem
        return { name: e.name, bytes: extract(bytes, e) }
      } catch (error) {
        if (!(error instanceof ImportFormatError)) throw error
        return { name: e.name, error }
      }
    })
}

/** Finder's resource forks (`__MACOSX/`, `._name`) are not the user's files. */
function isMacMetadata(name: string): boolean {
  return name.startsWith('__MACOSX/') || /(^|\/)\._[^/]*$/.test(name)
}

function readCentralDirectory(bytes: Uint8Array, lim: ZipLimits): DirectoryEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const eocd = findEocd(bytes, view)
  let count = view.getUint16(eocd + 10, true)
  let offset = view.getUint32(eocd + 16, true)
  const z64 = eocd - 20
  if (z64 >= 0 && view.getUint32(z64, true) === ZIP64_LOCATOR) {
    const at = Number(view.getBigUint64(z64 + 8, true))
    if (at + 56 > bytes.length || view.getUint32(at, true) !== ZIP64_EOCD) {
      throw damaged('the Zip64 end record is missing')
    }
    count = Number(view.getBigUint64(at + 32, true))
    offset = Number(view.getBigUint64(at + 48, true))
  }
  if (count > lim.maxEntries) {
    throw new ImportFormatError(
      `The zip file has ${count} entries; at most ${lim.maxEntries} are accepted`
    )
  }
  const entries: DirectoryEntry[] = []
  let p = offset
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) {
      throw damaged(`entry ${i + 1} of ${count} is missing from the central directory`)
    }
    const nameLength = view.getUint16(p + 28, true)
    const extraLength = view.getUint16(p + 30, true)
    const commentLength = view.getUint16(p + 32, true)
    const end = p + 46 + nameLength + extraLength + commentLength
    if (end > bytes.length) throw damaged(`entry ${i + 1} runs past the end of the file`)
    const flags = view.getUint16(p + 8, true)
    const rawName = bytes.subarray(p + 46, p + 46 + nameLength)
    const entry: DirectoryEntry = {
      // bit 11 marks UTF-8 names; others are CP437, where ASCII (all that the checks need) agrees
      name: new TextDecoder(flags & 0x800 ? 'utf-8' : 'latin1')
        .decode(rawName)
        .replaceAll('\\', '/'),
      method: view.getUint16(p + 10, true),
      flags,
      crc: view.getUint32(p + 16, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true)
    }
    readZip64Extra(view, p + 46 + nameLength, extraLength, entry)
    entries.push(entry)
    p = end
  }
  return entries
}

function findEocd(bytes: Uint8Array, view: DataView): number {
  // the record is 22 bytes plus a comment of up to 65535 bytes, at the very end
  const stop = Math.max(0, bytes.length - 22 - 0xffff)
  for (let p = bytes.length - 22; p >= stop; p--) {
    if (view.getUint32(p, true) === EOCD) return p
  }
  throw damaged('its end-of-central-directory record is missing (not a zip, or cut short)')
}

/** Sizes and offsets of 4 GB and more live in the Zip64 extra field (id 1). */
function readZip64Extra(view: DataView, start: number, length: number, e: DirectoryEntry): void {
  let p = start
  while (p + 4 <= start + length) {
    const id = view.getUint16(p, true)
    const size = view.getUint16(p + 2, true)
    if (id === 1) {
      let q = p + 4
      const next = (): number => {
        if (q + 8 > p + 4 + size) throw damaged(`the Zip64 sizes of ${e.name} are cut short`)
        const value = Number(view.getBigUint64(q, true))
        q += 8
        return value
      }
      if (e.size === 0xffffffff) e.size = next()
      if (e.compressedSize === 0xffffffff) e.compressedSize = next()
      if (e.localOffset === 0xffffffff) e.localOffset = next()
      return
    }
    p += 4 + size
  }
}

/** Refuses the archive as a whole, before any decompression, with the first reason found. */
function checkEntries(entries: DirectoryEntry[], lim: ZipLimits): void {
  for (const e of entries) {
    const problem = entryProblem(e, lim)
    if (problem) throw problem
  }
  checkTotal(entries, lim)
}

/** What makes one entry unsafe or unreadable, found from the directory alone. */
function entryProblem(e: DirectoryEntry, lim: ZipLimits): ImportFormatError | null {
  const unsafe = unsafeNameReason(e.name)
  if (unsafe) {
    return new ImportFormatError(
      `The zip file is refused: entry ${JSON.stringify(e.name)} ${unsafe}`,
      { key: 'import.zip_entry_unsafe', params: { entry: e.name } }
    )
  }
  if (e.flags & 1) {
    return new ImportFormatError(`The zip file is encrypted (entry ${JSON.stringify(e.name)})`, {
      key: 'import.zip_encrypted',
      params: { entry: e.name }
    })
  }
  if (e.method !== 0 && e.method !== 8) {
    return new ImportFormatError(
      `The zip entry ${JSON.stringify(e.name)} uses compression method ${e.method}; ` +
        'only stored and deflated entries can be read',
      { key: 'import.zip_method', params: { entry: e.name, method: e.method } }
    )
  }
  const ratio = e.size / Math.max(e.compressedSize, 1)
  if (e.size > lim.ratioCheckAbove && ratio > lim.maxRatio) {
    return new ImportFormatError(
      `The zip file is refused as a likely zip bomb: entry ${JSON.stringify(e.name)} ` +
        `declares ${e.size} bytes from ${e.compressedSize} compressed (ratio ${Math.round(ratio)})`,
      { key: 'import.zip_bomb', params: { entry: e.name } }
    )
  }
  return null
}

function checkTotal(entries: DirectoryEntry[], lim: ZipLimits): void {
  let total = 0
  for (const e of entries) {
    total += e.size
    if (total > lim.maxTotalUncompressed) {
      throw new ImportFormatError(
        `The zip file is refused: its entries add up to more than ${lim.maxTotalUncompressed} ` +
          'bytes uncompressed',
        { key: 'import.zip_too_large', params: { bytes: lim.maxTotalUncompressed } }
      )
    }
  }
}

function unsafeNameReason(name: string): string | null {
  if (name.includes('\0')) return 'has a NUL character in its name'
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return 'has an absolute path'
  if (name.split('/').includes('..')) return 'has a ".." path segment (it would escape the folder)'
  return null
}

function extract(bytes: Uint8Array, e: DirectoryEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const at = e.localOffset
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) {
    throw damaged(`the data of ${e.name} is missing`)
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true)
  const end = start + e.compressedSize
  if (end > bytes.length) throw damaged(`the data of ${e.name} is cut short`)
  const data = bytes.subarray(start, end)
  const out = e.method === 0 ? data.slice() : inflateBounded(data, e)
  if (out.length !== e.size) {
    throw damaged(`${e.name} holds ${out.length} bytes, not the ${e.size} its header declares`)
  }
  if (crc32(out) !== e.crc) throw damaged(`${e.name} fails its CRC check`)
  return out
}

/**
 * Inflates with zlib (native: several times faster than a JavaScript inflater on a corpus of
 * zips), stopping at the first byte beyond the declared size: `maxOutputLength` refuses more.
 */
function inflateBounded(data: Uint8Array, e: DirectoryEntry): Uint8Array {
  try {
    // one byte of room beyond the declared size tells "more than declared" from "exactly"
    const out = inflateRawSync(data, { maxOutputLength: e.size + 1 })
    if (out.length > e.size) throw tooLarge(e)
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength)
  } catch (error) {
    if (error instanceof ImportFormatError) throw error
    const code = (error as { code?: string }).code
    if (code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(e)
    if (code === 'Z_BUF_ERROR') throw damaged(`the compressed data of ${e.name} ends early`)
    throw damaged(
      `${e.name} cannot be decompressed (${error instanceof Error ? error.message : String(error)})`
    )
  }
}

function tooLarge(e: DirectoryEntry): ImportFormatError {
  return damaged(`${e.name} inflates to more than the ${e.size} bytes its header declares`)
}
