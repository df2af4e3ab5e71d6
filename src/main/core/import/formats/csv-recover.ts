/**
 * A CSV file whose quoting is broken in one record (a quote opened and never closed) would
 * otherwise swallow every row after it, or fail as a whole. Read strictly first; only when that
 * throws, or the reader saw a quoted field run across rows into stray text, the file is read
 * again record by record from its lines: a record whose quote does not close within it is
 * reported with its line, and the records after it are read as they are.
 */
import { CsvParser, CsvSyntaxError } from '@shared/csv/reader'

export interface BrokenRecord {
  /** 1-based line where the record (and its open quote) starts */
  line: number
  /** how many rows (the header included) were read before it */
  at: number
}

export interface CsvRows {
  rows: string[][]
  broken: BrokenRecord[]
}

/** A record longer than this many lines is taken for a quote left open. */
const MAX_RECORD_LINES = 2_000

function strictRows(text: string, delimiter: string): string[][] | null {
  const parser = new CsvParser({ delimiter })
  try {
    const rows = parser.push(text)
    for (const row of parser.end()) rows.push(row)
    return parser.suspectLines.length > 0 ? null : rows
  } catch (error) {
    if (error instanceof CsvSyntaxError) return null
    throw error
  }
}

/** The rows of lines[from..], one record: where it ends and its rows, or null if it is broken. */
function oneRecord(
  lines: readonly string[],
  from: number,
  delimiter: string
): { next: number; rows: string[][] } | null {
  const parser = new CsvParser({ delimiter })
  const rows = parser.push(lines[from])
  let last = from
  while (parser.inQuotes && last + 1 < lines.length && last - from < MAX_RECORD_LINES) {
    last++
    for (const row of parser.push(`\n${lines[last]}`)) rows.push(row)
  }
  if (parser.inQuotes) return null
  for (const row of parser.end()) rows.push(row)
  if (parser.suspectLines.length > 0) return null
  return { next: last + 1, rows }
}

function recoverRows(text: string, delimiter: string): CsvRows {
  const lines = text.split(/\r\n|\r|\n/)
  const rows: string[][] = []
  const broken: BrokenRecord[] = []
  let i = 0
  while (i < lines.length) {
    const record = oneRecord(lines, i, delimiter)
    if (!record) {
      broken.push({ line: i + 1, at: rows.length })
      i++
      continue
    }
    for (const row of record.rows) rows.push(row)
    i = record.next
  }
  return { rows, broken }
}

/** The file's rows, and the records that could not be read because a quote never closes. */
export function readCsvRows(text: string, delimiter: string): CsvRows {
  const rows = strictRows(text, delimiter)
  return rows ? { rows, broken: [] } : recoverRows(text, delimiter)
}
