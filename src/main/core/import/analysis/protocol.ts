/**
 * The messages between an import's writer and its analysis thread. Plain data only: they are
 * copied by the structured clone of `postMessage` (the shingles' buffers are moved).
 */
import type { ParsedArticle } from '@shared/domain'
import type { PreparedArticle } from './prepare'

/** One chunk of records to prepare; units are numbered in the order the writer takes them. */
export interface ChunkRequest {
  unit: number
  fileName: string
  articles: ParsedArticle[]
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
      request: ChunkRequest
      /** false once the counts no longer stand for the index (an edit): look words up */
      countsStand: boolean
    }
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
  | { type: 'counted'; unit: number; counts: [string, number][] }
  | { type: 'failed'; unit: number; message: string }
