/**
 * The import's files, each read and parsed while the one before it is written: so the first
 * chunk of the next file is ready to be analysed when the writer reaches it. Parsing may happen
 * on the import's analysis thread (see analysis/analyzer.ts), where it costs the writer nothing.
 */
import type { FileResult, ImportFormatChoice } from '@shared/contract/imports'
import type { ParseOutcome } from './analysis/protocol'
import type { Expanded, InputFile } from './expand'
import type { FieldMapping } from './formats/types'
import { ParseFailure, parseFile, type ParsedFile } from './parse-file'

export type ParsedItem = { failed: FileResult } | { file: InputFile; parsed: ParsedFile }

/** Reads and parses one file, on whichever thread: its records or why it failed, as data. */
export type FileParser = (
  file: InputFile,
  format?: ImportFormatChoice,
  mapping?: FieldMapping
) => Promise<ParseOutcome>

/** Parses a file here, turning a failure into the data that crosses between threads. */
export function parseOutcome(
  file: InputFile,
  format?: ImportFormatChoice,
  mapping?: FieldMapping
): ParseOutcome {
  try {
    return { parsed: parseFile(file, format, mapping) }
  } catch (err) {
    const failure = err instanceof ParseFailure ? err : new ParseFailure(String(err))
    const { message, ref, format: known, encoding } = failure
    return { failure: { message, ref, format: known, encoding } }
  }
}

/** The file's report line when it failed, else the file with its records. */
function itemOf(file: InputFile, outcome: ParseOutcome): ParsedItem {
  if ('parsed' in outcome) return { file, parsed: outcome.parsed }
  const { failure } = outcome
  return {
    failed: {
      path: file.path,
      status: 'failed',
      uids: [],
      reason: failure.message,
      reasonRef: failure.ref,
      format: failure.format,
      encoding: failure.encoding
    }
  }
}

const parseHere: FileParser = async (file, format, mapping) => parseOutcome(file, format, mapping)

/**
 * How many files are read and parsed ahead of the one being written. Two: a file of one chunk is
 * written in about the time its successor takes to parse, so with one ahead the writer waited for
 * every file's parse (3.7 s over the corpus's 18 files).
 */
const FILES_AHEAD = 2

export class ParsedStream {
  private readonly iterator: AsyncIterator<Expanded> | Iterator<Expanded>
  /** the files being read and parsed, in order; the first is the next one */
  private readonly ahead: Promise<ParsedItem | null>[] = []
  private ended = false

  constructor(
    source: AsyncIterable<Expanded> | Iterable<Expanded>,
    private readonly format?: ImportFormatChoice,
    private readonly mapping?: FieldMapping,
    private readonly parse: FileParser = parseHere
  ) {
    this.iterator =
      Symbol.asyncIterator in source
        ? source[Symbol.asyncIterator]()
        : (source as Iterable<Expanded>)[Symbol.iterator]()
  }

  /** The next file, parsed (null at the end); the ones after it start being parsed now. */
  async next(): Promise<ParsedItem | null> {
    const item = await this.peek()
    this.ahead.shift()
    this.fill()
    return item
  }

  /** The next file without taking it. */
  peek(): Promise<ParsedItem | null> {
    this.fill()
    return this.ahead[0]
  }

  /** Ends the source early (a Stop): a folder walk or an archive being read closes its files. */
  async close(): Promise<void> {
    await Promise.allSettled(this.ahead)
    await this.iterator.return?.()
  }

  private fill(): void {
    while (this.ahead.length < FILES_AHEAD) {
      // files are taken from the source in order: each pull starts once the one before has
      const before = this.ahead[this.ahead.length - 1]
      const pulled = (before ?? Promise.resolve(null)).catch(() => null).then(() => this.pull())
      // a failure surfaces when that file is taken, not here
      pulled.catch(() => undefined)
      this.ahead.push(pulled)
    }
  }

  private async pull(): Promise<ParsedItem | null> {
    if (this.ended) return null
    const step = await this.iterator.next()
    if (step.done === true) {
      this.ended = true
      return null
    }
    const item = step.value
    if ('failed' in item) return { failed: { ...item.failed, status: 'failed', uids: [] } }
    return itemOf(item.file, await this.parse(item.file, this.format, this.mapping))
  }
}
