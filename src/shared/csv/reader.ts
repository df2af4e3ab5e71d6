/**
 * RFC 4180 CSV reading. `CsvParser` takes the text in chunks (so a large export can be read as it
 * streams) and hands back completed rows; `parseCsv` is the whole-string convenience.
 *
 * Lenient where spreadsheets are lenient: a lone quote inside an unquoted field and text after a
 * closing quote are kept literally. Strict only where data would be lost: a quoted field still
 * open at the end of the input throws `CsvSyntaxError`.
 */
import { needsFormulaGuard } from './writer'

export interface CsvReadOptions {
  /** field separator, one character; `,` when not given */
  delimiter?: string
}

export class CsvSyntaxError extends Error {
  override name = 'CsvSyntaxError'
}

const QUOTE = 34 // "
const CR = 13
const LF = 10

type State = 'fieldStart' | 'unquoted' | 'quoted' | 'quoteInQuoted'

export class CsvParser {
  private readonly delimiter: number
  private state: State = 'fieldStart'
  private field = ''
  private row: string[] = []
  private rows: string[][] = []
  private started = false
  /** a CR ended the last row; a following LF belongs to it (CRLF may straddle two chunks) */
  private afterCr = false
  /** 1-based line where the current quoted field began, for the error message */
  private line = 1
  private quoteLine = 1
  /** the current row opened a quoted field, so it is a row even if every field is empty */
  private rowQuoted = false
  /**
   * Lines where a quoted field that spans lines was followed by stray text: the mark of a quote
   * left open in one record, which swallowed the next rows up to the next record's own quote.
   */
  readonly suspectLines: number[] = []

  constructor(options: CsvReadOptions = {}) {
    const delimiter = options.delimiter ?? ','
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
      throw new CsvSyntaxError(`Unusable CSV delimiter ${JSON.stringify(delimiter)}`)
    }
    this.delimiter = delimiter.charCodeAt(0)
  }

  /** Inside a quoted field: the text so far ends in the middle of a record. */
  get inQuotes(): boolean {
    return this.state === 'quoted'
  }

  /** Feeds the next chunk; returns the rows completed by it. */
  push(chunk: string): string[][] {
    let text = chunk
    if (!this.started && text.length > 0) {
      this.started = true
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
    }
    let i = 0
    while (i < text.length) i = this.step(text, i)
    return this.take()
  }

  /** Ends the input; returns the last row if the text did not end with a newline. */
  end(): string[][] {
    if (this.state === 'quoted') {
      throw new CsvSyntaxError(
        `A quoted CSV field that starts on line ${this.quoteLine} is never closed`
      )
    }
    if (this.state !== 'fieldStart' || this.row.length > 0 || this.rowQuoted) this.endRow()
    return this.take()
  }

  private take(): string[][] {
    const done = this.rows
    this.rows = []
    return done
  }

  /** Consumes from `i` as far as the current state allows; returns where to continue. */
  private step(text: string, i: number): number {
    const code = text.charCodeAt(i)
    if (this.afterCr) {
      this.afterCr = false
      if (code === LF) return i + 1
    }
    if (this.state === 'quoted') return this.quotedRun(text, i)
    if (this.state === 'quoteInQuoted') {
      if (code === QUOTE) {
        this.field += '"'
        this.state = 'quoted'
        return i + 1
      }
      // the quote closed the field: a separator or row end follows, or stray text kept as is
      this.state = 'unquoted'
      if (code !== this.delimiter && code !== LF && code !== CR && this.line > this.quoteLine) {
        this.suspectLines.push(this.quoteLine)
      }
    } else if (this.state === 'fieldStart') {
      if (code === QUOTE) {
        this.state = 'quoted'
        this.rowQuoted = true
        this.quoteLine = this.line
        return i + 1
      }
      this.state = 'unquoted'
    }
    if (code === this.delimiter) {
      this.endField()
      return i + 1
    }
    if (code === LF || code === CR) {
      this.endRow()
      this.line++
      this.afterCr = code === CR
      return i + 1
    }
    let j = i + 1
    while (j < text.length) {
      const c = text.charCodeAt(j)
      if (c === this.delimiter || c === LF || c === CR) break
      j++
    }
    this.field += text.slice(i, j)
    return j
  }

  /**
   * Copies a quoted field's text in one slice up to its closing quote, doubled quotes included
   * (then undoubled): large bodies are mostly this, and a character-by-character loop with one
   * concatenation per `""` was many times slower.
   */
  private quotedRun(text: string, i: number): number {
    let from = i
    let close = text.indexOf('"', from)
    while (close !== -1 && close + 1 < text.length && text.charCodeAt(close + 1) === QUOTE) {
      from = close + 2
      close = text.indexOf('"', from)
    }
    const stop = close === -1 ? text.length : close
    const piece = text.slice(i, stop)
    this.line += countNewlines(piece)
    this.field += piece.includes('""') ? piece.split('""').join('"') : piece
    if (close === -1) return text.length
    // the quote may still be the first of a pair split across chunks: 'quoteInQuoted' decides
    this.state = 'quoteInQuoted'
    return close + 1
  }

  private endField(): void {
    this.row.push(this.field)
    this.field = ''
    this.state = 'fieldStart'
  }

  private endRow(): void {
    this.endField()
    // a blank line is no row (RFC 4180 has none; spreadsheets leave them at the end), but a
    // line holding `""` is a row with one empty field
    if (this.rowQuoted || !(this.row.length === 1 && this.row[0] === '')) this.rows.push(this.row)
    this.row = []
    this.rowQuoted = false
  }
}

/** Parses a whole CSV text into rows of fields. Throws `CsvSyntaxError` on an unclosed quote. */
function countNewlines(text: string): number {
  let n = 0
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++
  return n
}

export function parseCsv(text: string, options: CsvReadOptions = {}): string[][] {
  const parser = new CsvParser(options)
  const rows = parser.push(text)
  for (const row of parser.end()) rows.push(row)
  return rows
}

/**
 * Removes the formula guard `csvField` added: exactly one leading `'`, and only when what follows
 * would have needed the guard (it starts with = + - @ TAB CR, possibly after more `'`), so a value
 * that really starts with `'` survives the round trip.
 */
export function unguardFormula(value: string): string {
  if (value.length > 1 && value[0] === "'" && needsFormulaGuard(value.slice(1))) {
    return value.slice(1)
  }
  return value
}
