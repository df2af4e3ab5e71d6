import type { ImportFormatChoice } from '@shared/contract/imports'
import type { MessageRef } from '@shared/errors'
import { reasons, type Reason } from './reasons'
import type { ParsedArticle } from '@shared/domain'
import {
  findLoneSurrogate,
  hasLoneSurrogate,
  replaceLoneSurrogatesDeep
} from '@shared/text/surrogates'
import { decodeBytes } from './decode'
import type { InputFile } from './expand'
import { detectFormat } from './formats'
import { parseCsvWithReport } from './formats/csv'
import { noArticlesReason, type RecordsResult, type SkippedRecord } from './formats/fields'
import { parseJsonWithReport } from './formats/json'
import type { EncodingName, FieldMapping, FormatId, ParseOptions } from './formats/types'
import { ImportFormatError } from './formats/types'
import { parseXmlWithReport } from './formats/xml'

export const MEDIA_TYPES: Record<FormatId, string> = {
  txt: 'text/plain',
  html: 'text/html',
  json: 'application/json',
  csv: 'text/csv',
  xml: 'application/xml'
}

/** Structured formats report the records they skip, so a file can be imported in part. */
const WITH_REPORT: Partial<
  Record<FormatId, [(t: string, o: ParseOptions) => RecordsResult, string]>
> = {
  json: [parseJsonWithReport, 'JSON file'],
  csv: [parseCsvWithReport, 'CSV file'],
  xml: [parseXmlWithReport, 'XML file']
}

export interface ParsedFile {
  format: FormatId
  encoding: EncodingName
  articles: ParsedArticle[]
  skipped: SkippedRecord[]
}

/** Thrown with the format already known, so a failed file's report line still names it. */
export class ParseFailure extends Error {
  override name = 'ParseFailure'
  constructor(
    message: string,
    readonly format?: FormatId,
    readonly encoding?: EncodingName,
    readonly ref: MessageRef = { key: 'import.unreadable', params: { detail: message } }
  ) {
    super(message)
  }
}

/**
 * Lone surrogates (a JSON `"\ud800"`, a CSV cut inside an emoji) become one U+FFFD each: stored
 * as they are, SQLite would keep invalid UTF-8 that reads back as three.
 */
function wellFormed(articles: ParsedArticle[]): ParsedArticle[] {
  return articles.map((a) =>
    // the copy only when some string (field, list item, extra key or value) needs it
    Object.values(a).some((v) =>
      typeof v === 'string' ? hasLoneSurrogate(v) : findLoneSurrogate(v) !== null
    )
      ? replaceLoneSurrogatesDeep(a)
      : a
  )
}

/** Decodes, detects the format and parses one file; throws ParseFailure with the reason. */
export function parseFile(
  file: InputFile,
  choice: ImportFormatChoice = 'auto',
  mapping?: FieldMapping
): ParsedFile {
  let format: FormatId | undefined
  let encoding: EncodingName | undefined
  try {
    const decoded = decodeBytes(file.bytes)
    encoding = decoded.encoding
    const importer = detectFormat(decoded.text, file.name, choice === 'auto' ? undefined : choice)
    format = importer.id
    const options: ParseOptions = mapping
      ? { fileName: file.name, mapping }
      : { fileName: file.name }
    const reporting = WITH_REPORT[importer.id]
    if (!reporting) {
      const articles = wellFormed(importer.parse(decoded.text, options))
      return { format, encoding, articles, skipped: [] }
    }
    const [parse, what] = reporting
    const result = parse(decoded.text, options)
    const reason = noArticlesReason(result, what)
    if (reason) throw new ImportFormatError(reason)
    return { format, encoding, articles: wellFormed(result.articles), skipped: result.skipped }
  } catch (err) {
    if (err instanceof ParseFailure) throw err
    const message = err instanceof Error ? err.message : String(err)
    // a stack overflow or an allocation failure inside a parser is still this file's problem
    const reason =
      err instanceof RangeError ? `The file could not be parsed (${message}).` : message
    const ref = err instanceof ImportFormatError ? err.ref : undefined
    throw new ParseFailure(reason, format, encoding, ref)
  }
}

/** The skipped records as a report reason, or undefined when none was skipped. */
export function skippedReason(skipped: SkippedRecord[], unusable: number): Reason | undefined {
  const sentence = describeSkipped(skipped, unusable)
  if (!sentence) return undefined
  // records a quote left open could not be read at all: said with the line they start on
  const unclosed = skipped.filter((s) => s.line !== undefined)
  if (unclosed.length > 0 && unclosed.length === skipped.length && unusable === 0) {
    return reasons.unclosedQuote(sentence, unclosed.length, unclosed[0].line ?? 0)
  }
  const first = skipped[0] ? `record ${skipped[0].index}: ${skipped[0].reason}` : ''
  return reasons.skipped(sentence, skipped.length, unusable, first)
}

/** "3 record(s) were skipped: record 2: …; record 5: …" — at most a few shown. */
export function describeSkipped(skipped: SkippedRecord[], unusable: number): string | undefined {
  const parts: string[] = []
  if (skipped.length > 0) {
    const shown = skipped
      .slice(0, 5)
      .map((s) => `record ${s.index}: ${s.reason}`)
      .join('; ')
    const more = skipped.length > 5 ? `; and ${skipped.length - 5} more` : ''
    parts.push(`${skipped.length} record(s) were skipped (${shown}${more}).`)
  }
  if (unusable > 0) parts.push(`${unusable} record(s) had no title and no text and were skipped.`)
  return parts.length ? parts.join(' ') : undefined
}
