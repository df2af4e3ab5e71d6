/**
 * CSV importer: a header row naming the columns, then one article per row. The separator (`,`,
 * `;` or TAB — European Excel writes `;`) is read from the header line. Cells are unguarded
 * exactly as Warraq's export guarded them, and a file with Warraq's own article columns has its
 * authors split on ' | ' only, so an exported CSV comes back unchanged.
 */
import type { ParsedArticle } from '@shared/domain'
import { CsvSyntaxError, unguardFormula } from '@shared/csv/reader'
import { readCsvRows, type CsvRows } from './csv-recover'
import { ALL_FIELD_NAMES } from './field-names'
import { collectArticles, noArticlesReason, normalizeFieldName } from './fields'
import type { FieldRecord, RecordsResult, SkippedRecord } from './fields'
import { ImportFormatError } from './types'
import type { FormatImporter, ParseOptions } from './types'

const SEPARATORS = [',', ';', '\t'] as const

/** Column names (normalised) that say a header row is about articles: any field's name. */
const KNOWN_COLUMNS = ALL_FIELD_NAMES

/** The first line (up to the first newline outside quotes). */
function headerLine(text: string): string {
  let inQuotes = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '"') inQuotes = !inQuotes
    else if (!inQuotes && (c === '\n' || c === '\r')) return text.slice(0, i)
  }
  return text
}

/** Counts each candidate separator outside quotes in the header; the most frequent wins. */
export function detectSeparator(text: string): string {
  const line = headerLine(text)
  let best: string = ','
  let bestCount = 0
  for (const sep of SEPARATORS) {
    let count = 0
    let inQuotes = false
    for (const c of line) {
      if (c === '"') inQuotes = !inQuotes
      else if (!inQuotes && c === sep) count++
    }
    if (count > bestCount) {
      best = sep
      bestCount = count
    }
  }
  return best
}

function isWarraqExport(header: string[]): boolean {
  return header.includes('uid') && header.includes('datePrecision') && header.includes('body')
}

function readRows(source: string): CsvRows {
  let read: CsvRows
  try {
    read = readCsvRows(source, detectSeparator(source))
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      throw new ImportFormatError(`The CSV file is malformed: ${error.message}`)
    }
    throw error
  }
  const header = read.broken.find((b) => b.at === 0)
  if (header || read.rows.length === 0) {
    throw new ImportFormatError(
      `The CSV file's header row${header ? ` (line ${header.line})` : ''} has a quote that is never closed`
    )
  }
  return read
}

function rowToRecord(header: string[], row: string[]): FieldRecord {
  const record: FieldRecord = {}
  header.forEach((name, i) => {
    // a repeated column name keeps its first non-empty value
    const value = unguardFormula(row[i] ?? '')
    if (name && (record[name] === undefined || record[name] === '')) record[name] = value
  })
  return record
}

/** The records in file order, null where a record could not be read (its quote never closes). */
function rowsToRecords(header: string[], { rows, broken }: CsvRows): (FieldRecord | null)[] {
  const out: (FieldRecord | null)[] = []
  let b = 0
  for (let r = 1; r <= rows.length; r++) {
    while (b < broken.length && broken[b].at === r) {
      out.push(null)
      b++
    }
    if (r < rows.length) out.push(rowToRecord(header, rows[r]))
  }
  return out
}

/** Each unreadable record's reason, with the line its open quote starts on. */
function brokenReasons(records: (FieldRecord | null)[], { broken }: CsvRows): SkippedRecord[] {
  const out: SkippedRecord[] = []
  let b = 0
  records.forEach((record, i) => {
    if (record !== null) return
    const { line } = broken[b++]
    out.push({
      index: i + 1,
      line,
      reason: `the quote opened on line ${line} is never closed, so the record was not read`
    })
  })
  return out
}

/** The header and the records of a CSV file, whatever its columns are called (the mapping step). */
export function csvRecords(text: string): { header: string[]; records: FieldRecord[] } {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (!source.trim()) throw new ImportFormatError('The CSV file is empty')
  const read = readRows(source)
  const header = read.rows[0].map((h) => h.trim())
  const records = rowsToRecords(header, read).filter((r): r is FieldRecord => r !== null)
  return { header, records }
}

export function parseCsvWithReport(text: string, options: ParseOptions): RecordsResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (!source.trim()) throw new ImportFormatError('The CSV file is empty')
  const read = readRows(source)
  const header = read.rows[0].map((h) => h.trim())
  const mapped = new Set(Object.keys(options.mapping ?? {}).map(normalizeFieldName))
  const known = header.filter((h) => {
    const norm = normalizeFieldName(h)
    return KNOWN_COLUMNS.has(norm) || mapped.has(norm)
  })
  if (known.length === 0) {
    const shown = header
      .slice(0, 6)
      .map((h) => JSON.stringify(h.slice(0, 40)))
      .join(', ')
    throw new ImportFormatError(
      'The CSV file needs a header row naming its columns (such as title, body or content, ' +
        `date, author, source, url); its first row is ${shown}`
    )
  }
  if (read.rows.length < 2 && read.broken.length === 0) {
    throw new ImportFormatError('The CSV file has a header row but no rows')
  }
  const records = rowsToRecords(header, read)
  const result = collectArticles(records, {
    mapping: options.mapping,
    fileName: options.fileName,
    authorsMultiValueOnly: isWarraqExport(header)
  })
  if (read.broken.length === 0) return result
  // the unreadable records take their place among the others, with their line
  const unreadable = brokenReasons(records, read)
  const byIndex = new Set(unreadable.map((s) => s.index))
  const skipped = [...result.skipped.filter((s) => !byIndex.has(s.index)), ...unreadable]
  return { ...result, skipped: skipped.sort((a, b) => a.index - b.index) }
}

export const csvImporter: FormatImporter = {
  id: 'csv',
  extensions: ['.csv', '.tsv'],
  sniff(text: string, fileName: string): number {
    const named = /\.(csv|tsv)$/i.test(fileName)
    const line = headerLine(text.replace(/^\uFEFF/, '').slice(0, 4096))
    const sep = detectSeparator(line)
    const cells = line.split(sep).map((c) => normalizeFieldName(c.replace(/^"|"$/g, '')))
    if (cells.length < 2) return named ? 0.3 : 0
    const known = cells.filter((c) => KNOWN_COLUMNS.has(c)).length
    if (known >= 2) return 0.9
    if (known === 1) return named ? 0.8 : 0.5
    return named ? 0.5 : 0.05
  },
  parse(text: string, options: ParseOptions): ParsedArticle[] {
    const result = parseCsvWithReport(text, options)
    const reason = noArticlesReason(result, 'CSV file')
    if (reason) throw new ImportFormatError(reason)
    return result.articles
  }
}
