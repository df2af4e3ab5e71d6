/**
 * The messages between an import's writer and its analysis thread. Plain data only: they are
 * copied by the structured clone of `postMessage` (the shingles' buffers are moved).
 */
import type { ImportFormatChoice } from '@shared/contract/imports'
import type { ParsedArticle } from '@shared/domain'
import type { MessageRef } from '@shared/errors'
import type { InputFile } from '../expand'
import type { FieldMapping } from '../formats/types'
import type { ParsedFile } from '../parse-file'
import type { PreparedArticle } from './prepare'

/**
 * One chunk of records to prepare, on the writer's side; units are numbered in the order the
 * writer takes them. `articles` is the whole file's records, the chunk is `from`–`to`.
 */
export interface ChunkRequest {
  unit: number
  fileName: string
  articles: readonly ParsedArticle[]
  from: number
  to: number
}

/** The same as it crosses: the records themselves, or where the thread keeps them. */
export interface ChunkMessage {
  unit: number
  fileName: string
  records: { articles: ParsedArticle[] } | { parsed: number; from: number; to: number }
}

/** A file to read and parse, numbered by the writer. */
export interface ParseRequest {
  id: number
  file: InputFile
  format?: ImportFormatChoice
  mapping?: FieldMapping
}

/** What parsing a file gave: its records, or why it could not be read (a ParseFailure's data). */
export type ParseOutcome =
  | { parsed: ParsedFile }
  | {
      failure: {
        message: string
        ref: MessageRef
        format?: ParsedFile['format']
        encoding?: ParsedFile['encoding']
      }
    }

export interface AnalysisSeed {
  /** the archive's file, for the lexicon's lookups on a read-only connection */
  file: string
  nativeBinding?: string
  /** the lexicon's answers so far */
  memo: Map<string, boolean>
  /** the import session's word counts, or null: the lexicon looks words up */
  counts: Map<string, number> | null
}

export type ToAnalysis =
  | {
      type: 'analyse'
      request: ChunkMessage
      /** false once the counts no longer stand for the index (an edit): look words up */
      countsStand: boolean
    }
  /** read and parse a file, keep its records for the chunks that will name it */
  | { type: 'parse'; request: ParseRequest }
  /** the writer is done with a parsed file: its records may go */
  | { type: 'release'; parsed: number }
  /** the unit's transaction committed with these of its records written (none: rolled back) */
  | { type: 'committed'; unit: number; written: number[] }
  /** counts changed by a chunk another analyser prepared, to keep this one's copy whole */
  | { type: 'counts'; counts: [string, number][] }
  | { type: 'close' }

export type FromAnalysis =
  /** the unit's lexicon is fixed (its read snapshot taken): the writer may go on */
  | { type: 'started'; unit: number }
  | {
      type: 'analysed'
      unit: number
      prepared: (PreparedArticle | null)[]
      /** the lexicon's new answers, for the archive's own lexicon to answer alike */
      answers: [string, boolean][]
    }
  | { type: 'parsed'; id: number; outcome: ParseOutcome }
  | { type: 'counted'; unit: number; counts: [string, number][] }
  | { type: 'failed'; unit: number; message: string }
