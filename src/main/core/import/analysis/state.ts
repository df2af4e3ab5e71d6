/**
 * The analysis thread's copy of the archive's lexicon, and the chunks it prepares. It answers
 * as the archive's lexicon would have for the same chunk: from the same answers and counts,
 * updated from each committed chunk in order, or by lookups in a read snapshot taken when the
 * chunk's analysis starts (before the writer begins the chunk before it, so always the same).
 */
import type Database from 'better-sqlite3'
import type { ParsedArticle } from '@shared/domain'
import { countedStemmerOf } from '@shared/text/stem'
import { answeringLexicon, lookupConnection } from '../../search/lexicon-answers'
import { parseOutcome } from '../parsed-stream'
import { movedBuffers, prepareArticle, type PreparedArticle } from './prepare'
import type { AnalysisSeed, ChunkMessage, ParseOutcome, ParseRequest } from './protocol'
import { Vocabulary, type Word } from './vocabulary'

export class AnalysisState {
  private counts: Map<string, number> | null
  private readonly connection
  /** the reader holding this chunk's snapshot, while the lexicon looks words up */
  private snapshot: Database.Database | null = null
  private answers: [string, boolean][] = []
  /** each prepared chunk's words, until its commit says which records were written */
  private readonly words = new Map<number, ((readonly Word[])[] | null)[]>()
  /** the records of the files parsed here, until the writer is done with them */
  private readonly parsed = new Map<number, ParsedArticle[]>()
  private readonly vocabulary

  constructor(seed: AnalysisSeed) {
    this.counts = seed.counts
    this.connection = lookupConnection(seed.file, seed.nativeBinding)
    const lexicon = answeringLexicon({
      memo: seed.memo,
      counts: () => this.counts,
      lookup: this.connection.statement,
      answered: (norm, known) => this.answers.push([norm, known])
    })
    this.vocabulary = new Vocabulary(countedStemmerOf(lexicon), () => this.counts)
  }

  /** Fixes what the chunk's lexicon sees; call before `analyse`. */
  begin(countsStand: boolean): void {
    if (!countsStand) this.counts = null
    if (this.counts !== null) return
    const reader = this.connection.reader()
    if (reader === null) return
    this.snapshot = reader
    try {
      if (reader.inTransaction) reader.exec('COMMIT')
      reader.exec('BEGIN')
      // the first read takes the snapshot every lookup of this chunk then reads
      reader.prepare('SELECT count(*) FROM sqlite_master').get()
    } catch {
      // a busy or damaged file: the lookups of this chunk answer from the shipped words
    }
  }

  /** Reads and parses a file, and keeps its records for the chunks that will name it. */
  parse(request: ParseRequest): ParseOutcome {
    const outcome = parseOutcome(request.file, request.format, request.mapping)
    if ('parsed' in outcome) this.parsed.set(request.id, outcome.parsed.articles)
    return outcome
  }

  release(id: number): void {
    this.parsed.delete(id)
  }

  /** The chunk's records prepared as they cross to the writer, with the buffers they move. */
  analyse(request: ChunkMessage): {
    prepared: (PreparedArticle | null)[]
    buffers: ArrayBuffer[]
    answers: [string, boolean][]
  } {
    try {
      const { records } = request
      let articles: ParsedArticle[]
      if ('articles' in records) articles = records.articles
      else {
        const file = this.parsed.get(records.parsed)
        if (file === undefined) throw new Error(`file ${records.parsed} is not held here`)
        articles = file.slice(records.from, records.to)
      }
      this.vocabulary.beginChunk()
      const analyze = (text: string) => this.vocabulary.analyze(text)
      const done = articles.map((a) => prepareArticle(a, request.fileName, analyze))
      if (this.counts !== null)
        this.words.set(
          request.unit,
          done.map((p) => p && p.words)
        )
      const prepared = done.map((p) => p && p.article)
      const buffers = [...new Set(prepared.flatMap((p) => (p ? movedBuffers(p) : [])))]
      const answers = this.answers
      this.answers = []
      return { prepared, buffers, answers }
    } finally {
      if (this.snapshot?.inTransaction) this.snapshot.exec('COMMIT')
      this.snapshot = null
    }
  }

  /** Counts the written records' words; returns the counts changed. */
  committed(unit: number, written: readonly number[]): [string, number][] {
    const words = this.words.get(unit)
    this.words.delete(unit)
    if (words === undefined || this.counts === null) return []
    for (const i of written) {
      const fields = words[i]
      if (fields) this.vocabulary.countRecord(fields)
    }
    return this.vocabulary.applyCounts()
  }

  adoptCounts(counts: readonly (readonly [string, number])[]): void {
    if (this.counts === null) return
    for (const [word, count] of counts) {
      this.counts.set(word, count)
      this.vocabulary.noteCount(word, count)
    }
  }

  close(): void {
    this.connection.close()
  }
}
