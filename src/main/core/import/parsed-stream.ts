/**
 * The import's files, read and parsed one ahead when the writer asks: so the first chunk of
 * the next file can be analysed while the last chunk of this one is written.
 */
import type { FileResult, ImportFormatChoice } from '@shared/contract/imports'
import type { Expanded } from './expand'
import type { FieldMapping } from './formats/types'
import { ParseFailure, parseFile, type ParsedFile } from './parse-file'

export type ParsedItem =
  | { failed: FileResult }
  | { file: Extract<Expanded, { file: unknown }>['file']; parsed: ParsedFile }

function parseItem(
  item: Expanded,
  format?: ImportFormatChoice,
  mapping?: FieldMapping
): ParsedItem {
  if ('failed' in item) return { failed: { ...item.failed, status: 'failed', uids: [] } }
  try {
    return { file: item.file, parsed: parseFile(item.file, format, mapping) }
  } catch (err) {
    const failure = err instanceof ParseFailure ? err : new ParseFailure(String(err))
    return {
      failed: {
        path: item.file.path,
        status: 'failed',
        uids: [],
        reason: failure.message,
        reasonRef: failure.ref,
        format: failure.format,
        encoding: failure.encoding
      }
    }
  }
}

export class ParsedStream {
  private readonly iterator: AsyncIterator<Expanded> | Iterator<Expanded>
  private peeked: ParsedItem | null | undefined = undefined

  constructor(
    source: AsyncIterable<Expanded> | Iterable<Expanded>,
    private readonly format?: ImportFormatChoice,
    private readonly mapping?: FieldMapping
  ) {
    this.iterator =
      Symbol.asyncIterator in source
        ? source[Symbol.asyncIterator]()
        : (source as Iterable<Expanded>)[Symbol.iterator]()
  }

  /** The next file, parsed (null at the end). */
  async next(): Promise<ParsedItem | null> {
    const item = await this.peek()
    this.peeked = undefined
    return item
  }

  /** The next file without taking it. */
  async peek(): Promise<ParsedItem | null> {
    if (this.peeked === undefined) {
      const step = await this.iterator.next()
      this.peeked = step.done ? null : parseItem(step.value, this.format, this.mapping)
    }
    return this.peeked
  }

  /** Ends the source early (a Stop): a folder walk or an archive being read closes its files. */
  async close(): Promise<void> {
    await this.iterator.return?.()
  }
}
