/**
 * JSON importer: an array of article objects (the SaudiNewsNet dumps:
 * `{source, url, date_extracted, title, author, content}`), one object, an object wrapping such
 * an array (`{"articles": […]}`), or JSON Lines (one object per line).
 */
import type { ParsedArticle } from '@shared/domain'
import { collectArticles, noArticlesReason } from './fields'
import type { FieldRecord, RecordsResult } from './fields'
import { isBadRecord, parseLines, recoverArray, type BadRecord } from './json-recover'
import { ImportFormatError } from './types'
import type { FormatImporter, ParseOptions } from './types'

/**
 * Deeper than any article dump. JSON.parse itself reads any depth, but reading records and keeping
 * their fields walks them recursively, and the record-by-record recovery of a broken file parses
 * as it goes: 100k nested arrays would overflow either.
 */
export const MAX_JSON_DEPTH = 64

/** Keys under which an export wraps its list of articles. */
const WRAPPER_KEYS = [
  'articles',
  'items',
  'data',
  'records',
  'docs',
  'documents',
  'results',
  'entries'
]

/**
 * Deepest nesting of `[` and `{` outside strings, stopping as soon as `limit` is passed. A linear
 * scan is cheap next to the parse it protects.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 92)
        i++ // backslash: skip the escaped character
      else if (c === 34) inString = false
    } else if (c === 34) inString = true
    else if (c === 91 || c === 123) {
      if (++depth > limit) return true
    } else if (c === 93 || c === 125) depth--
  }
  return false
}

/**
 * Whether a parsed value nests arrays and objects deeper than `limit`: the same as
 * jsonDepthExceeds on its text, walked with a stack of its own, in the number of values rather
 * than of characters (the corpus's JSON: 0.7 s scanning the text, a few milliseconds walking).
 */
export function valueDepthExceeds(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]]
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [node, depth] = top
    if (typeof node !== 'object' || node === null) continue
    if (depth + 1 > limit) return true
    for (const child of Array.isArray(node) ? node : Object.values(node))
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1])
  }
  return false
}

const TOO_DEEP = (): ImportFormatError =>
  new ImportFormatError(
    `The JSON nests deeper than ${MAX_JSON_DEPTH} levels; article files are never that deep ` +
      '(the file is malformed or hostile)'
  )

/**
 * Top-level values of the file: one JSON document, or JSON Lines. A document that does not parse
 * is read record by record (see json-recover), so one bad record is reported on its own.
 */
function readValues(text: string): unknown[] {
  let whole: unknown
  try {
    whole = JSON.parse(text)
  } catch (error) {
    // the recovery parses as it walks: its depth is checked on the text first
    if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) throw TOO_DEEP()
    const recovered = recoverArray(text)
    if (recovered && recovered.some((v) => !isBadRecord(v))) return [recovered]
    const lines = text.split(/\r?\n/).filter((l) => l.trim())
    if (lines.length < 2 || !lines[0].trim().startsWith('{')) {
      const detail = error instanceof Error ? error.message : String(error)
      throw new ImportFormatError(`The file is not valid JSON: ${detail}`)
    }
    const values = parseLines(text)
    if (values.every(isBadRecord)) {
      const detail = (values[0] as BadRecord).badJson
      throw new ImportFormatError(`The file is not valid JSON (JSON Lines, line 1): ${detail}`)
    }
    return values
  }
  if (valueDepthExceeds(whole, MAX_JSON_DEPTH)) throw TOO_DEEP()
  return [whole]
}

function isRecord(value: unknown): value is FieldRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Flattens the top-level values into the list of candidate article records. */
function recordsOf(values: unknown[]): unknown[] {
  if (values.length === 1) {
    const only = values[0]
    if (Array.isArray(only)) return only
    if (isRecord(only)) {
      const key = WRAPPER_KEYS.find((k) => Array.isArray(only[k]))
      if (key) return only[key] as unknown[]
    }
  }
  return values
}

/** The file's candidate values and, for each, its record (null: not an object). */
export function jsonRecords(source: string): {
  candidates: unknown[]
  records: (FieldRecord | null)[]
} {
  const candidates = recordsOf(readValues(source))
  const records = candidates.map((c) => (isRecord(c) && !isBadRecord(c) ? c : null))
  if (!records.some((r) => r !== null)) {
    throw new ImportFormatError(
      candidates.length === 0
        ? 'The JSON file holds no article objects (the list is empty)'
        : 'The JSON file holds no article objects (expected an object or a list of objects)'
    )
  }
  return { candidates, records }
}

/** Parses and reports which records were skipped and why. */
export function parseJsonWithReport(text: string, options: ParseOptions): RecordsResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (!source.trim()) throw new ImportFormatError('The JSON file is empty')
  const { candidates, records } = jsonRecords(source)
  const result = collectArticles(records, options, 'it is not a JSON object')
  for (const skipped of result.skipped) {
    const bad = candidates[skipped.index - 1]
    if (isBadRecord(bad)) skipped.reason = `it is not valid JSON (${bad.badJson})`
  }
  return result
}

export const jsonImporter: FormatImporter = {
  id: 'json',
  extensions: ['.json', '.jsonl', '.ndjson'],
  sniff(text: string, fileName: string): number {
    const head = text
      .replace(/^\uFEFF/, '')
      .trimStart()
      .slice(0, 200)
    const named = /\.(json|jsonl|ndjson)$/i.test(fileName)
    // `[` or `{` alone may open plain text (a bracketed note); JSON continues with a key or value
    if (/^(\{\s*["}]|\[\s*[[{"\]\d-])/.test(head)) return 0.9
    if (head.startsWith('{') || head.startsWith('[')) return named ? 0.6 : 0.3
    return 0
  },
  parse(text: string, options: ParseOptions): ParsedArticle[] {
    const result = parseJsonWithReport(text, options)
    const reason = noArticlesReason(result, 'JSON file')
    if (reason) throw new ImportFormatError(reason)
    return result.articles
  }
}
