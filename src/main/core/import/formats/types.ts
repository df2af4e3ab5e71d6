import { MAPPABLE_FIELDS, type MappableField } from '@shared/contract/imports'
import type { MessageRef } from '@shared/errors'
import type { ParsedArticle } from '@shared/domain'

export type FormatId = 'txt' | 'html' | 'json' | 'csv' | 'xml'

export type EncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256'

/** Decoded text of one file, with what the decoder found. */
export interface DecodedText {
  text: string
  encoding: EncodingName
  bom: boolean
}

/** The list lives in the contract, which validates the interface's mappings with it. */
export { MAPPABLE_FIELDS, type MappableField }
/** Every mappable field is an article field (checked by the compiler here). */
export const ARTICLE_MAPPABLE_FIELDS: readonly (keyof ParsedArticle)[] = MAPPABLE_FIELDS

/** Options a user may pass for structured formats (JSON, CSV, XML): source field → article field. */
export interface FieldMapping {
  [sourceField: string]: keyof ParsedArticle
}

export interface ParseOptions {
  mapping?: FieldMapping
  /** file name, used as a last-resort title and for format hints */
  fileName: string
}

/**
 * One importer per format. `sniff` looks at the decoded text (and name) and answers how sure it
 * is that the content is its format (0 = not at all, 1 = certain); `parse` returns the articles
 * or throws an ImportFormatError whose message is shown to the user as the file's reason.
 */
export interface FormatImporter {
  id: FormatId
  extensions: readonly string[]
  sniff(text: string, fileName: string): number
  parse(text: string, options: ParseOptions): ParsedArticle[]
}

/**
 * A file's content could not be read as an article; `message` is the reason in English (CLI,
 * logs) and `ref` the catalogue key the interface shows (by default the generic "could not be
 * read" with the English detail).
 */
export class ImportFormatError extends Error {
  override name = 'ImportFormatError'
  readonly ref: MessageRef
  constructor(message: string, ref?: MessageRef) {
    super(message)
    this.ref = ref ?? { key: 'import.unreadable', params: { detail: message } }
  }
}
