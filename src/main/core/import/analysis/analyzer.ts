/**
 * Prepares an import's chunks one ahead of the writer: on a worker thread for a big import (the
 * second core stems while the first writes), on the import's own thread for a small one, where
 * starting a thread would cost more than it saves. Both answer alike: a chunk is analysed when
 * the writer takes the chunk before it, with the lexicon as of the commits before that.
 */
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { ImportFormatChoice } from '@shared/contract/imports'
import { analyzeForIndex, type IndexedText } from '@shared/text/analyze'
import type { Archive } from '../../db/open'
import { archiveLexicon, importedWords } from '../../search/lexicon'
import type { InputFile } from '../expand'
import type { FieldMapping } from '../formats/types'
import { parseOutcome } from '../parsed-stream'
import { prepareArticle, type PreparedArticle } from './prepare'
import type { ChunkRequest, ParseOutcome, ParseRequest } from './protocol'
import { startWorkerBackend } from './worker-backend'

/** Where a chunk is analysed: `auto` moves to a thread once the import is big. */
export type AnalysisThread = 'auto' | 'worker' | 'in-process'

/**
 * Records analysed on the import's thread before `auto` starts the analysis thread. The first
 * chunk is always analysed here (the writer waits for it whichever thread does it); from the
 * second on, a chunk analysed here is time the writer does not write. At 4,000, the 31,000
 * articles of the corpus had their first 4,000 analysed on the writer's thread.
 */
export const WORKER_AFTER_RECORDS = 1_000

/**
 * A file this big starts the analysis thread, which then reads and parses every file after it,
 * so the writer spends nothing on them: the corpus's 2.4 s of decoding and parsing. The first
 * one is parsed here while the thread starts (a third of a second). Smaller files (a page, an
 * upload of a few articles) are parsed here, where starting a thread would cost more.
 */
export const PARSE_ON_THREAD_BYTES = 1_000_000

export interface Backend {
  /** resolves once the chunk's lexicon is fixed; requests are answered in order */
  request(request: ChunkRequest): Promise<void>
  result(unit: number): Promise<(PreparedArticle | null)[]>
  /** the unit's transaction ended with these of its records written (none: rolled back) */
  committed(unit: number, written: number[]): void
  /** counts changed by a chunk another backend prepared */
  adoptCounts?(counts: [string, number][]): void
  /** reads and parses a file where the chunks will be prepared (the thread keeps its records) */
  parse?(request: ParseRequest): Promise<ParseOutcome>
  /** the writer is done with the file whose records these are */
  release?(articles: ChunkRequest['articles']): void
  close(): Promise<void>
}

const HERE = dirname(fileURLToPath(import.meta.url))

/** `analysis.js` beside the built code (or one folder up from a shared chunk), else the source. */
export function analysisEntry(): URL {
  for (const built of [join(HERE, 'analysis.js'), join(HERE, '..', 'analysis.js')]) {
    if (existsSync(built)) return pathToFileURL(built)
  }
  return pathToFileURL(join(HERE, 'from-source.mjs'))
}

/** Analysis on the import's own thread, with the archive's lexicon itself. */
function inProcessBackend(archive: Archive, onCounts: (c: [string, number][]) => void): Backend {
  const results = new Map<number, (PreparedArticle | null)[]>()
  const words = new Map<number, ((readonly string[])[] | null)[]>()
  return {
    async request(request) {
      const lexicon = archiveLexicon(archive)
      const analyze = (text: string): IndexedText => analyzeForIndex(text, lexicon)
      const done = request.articles
        .slice(request.from, request.to)
        .map((a) => prepareArticle(a, request.fileName, analyze))
      results.set(
        request.unit,
        done.map((p) => p && p.article)
      )
      words.set(
        request.unit,
        done.map((p) => p && p.words)
      )
    },
    async result(unit) {
      const prepared = results.get(unit)
      results.delete(unit)
      if (prepared === undefined) throw new Error(`chunk ${unit} was not requested`)
      return prepared
    },
    committed(unit, written) {
      const fields = words.get(unit)
      words.delete(unit)
      const counter = importedWords(archive)
      if (fields === undefined || counter === null) return
      for (const i of written) {
        const f = fields[i]
        if (f) counter.add(f)
      }
      onCounts(counter.commit())
    },
    async close() {}
  }
}

/**
 * The writer's side. A thread that fails to start or stops is replaced by analysis on the
 * import's own thread for the chunks it still owed: the import goes on, slower.
 */
export class Analyzer implements Backend {
  private readonly local: Backend
  private worker: Backend | null = null
  private workerFailed = false
  private records = 0
  private readonly owner = new Map<number, Backend>()
  private readonly requests = new Map<number, ChunkRequest>()
  private parses = 0

  constructor(
    private readonly archive: Archive,
    private readonly thread: AnalysisThread = 'auto',
    private readonly entry: URL = analysisEntry()
  ) {
    this.local = inProcessBackend(archive, (counts) => this.worker?.adoptCounts?.(counts))
  }

  /** Reads and parses a file: on the thread when it is big or already running. */
  async parseFile(
    file: InputFile,
    format?: ImportFormatChoice,
    mapping?: FieldMapping
  ): Promise<ParseOutcome> {
    if (this.worker === null) {
      // the thread starts for a big file, and boots while this first one is parsed here
      if (file.bytes.length >= PARSE_ON_THREAD_BYTES) this.backendFor(true)
      return parseOutcome(file, format, mapping)
    }
    const backend = this.worker
    if (backend.parse) {
      try {
        return await backend.parse({ id: this.parses++, file, format, mapping })
      } catch (err) {
        this.dropWorker(err)
      }
    }
    return parseOutcome(file, format, mapping)
  }

  /** The writer is done with a file's records (the thread that parsed it lets them go). */
  release(articles: ChunkRequest['articles']): void {
    this.worker?.release?.(articles)
  }

  async request(request: ChunkRequest): Promise<void> {
    const backend = this.backendFor()
    this.records += request.to - request.from
    this.requests.set(request.unit, request)
    this.owner.set(request.unit, backend)
    try {
      await backend.request(request)
    } catch (err) {
      if (backend === this.local) throw err
      this.dropWorker(err)
      this.owner.set(request.unit, this.local)
      await this.local.request(request)
    }
  }

  async result(unit: number): Promise<(PreparedArticle | null)[]> {
    const backend = this.owner.get(unit)
    const request = this.requests.get(unit)
    this.requests.delete(unit)
    if (backend === undefined || request === undefined) throw new Error(`chunk ${unit} unknown`)
    try {
      return await backend.result(unit)
    } catch (err) {
      if (backend === this.local) throw err
      // analysed again here: with the archive's lexicon as it is now, a chunk later than planned
      this.owner.set(unit, this.local)
      await this.local.request(request)
      return this.local.result(unit)
    }
  }

  committed(unit: number, written: number[]): void {
    const backend = this.owner.get(unit)
    this.owner.delete(unit)
    backend?.committed(unit, written)
  }

  /** A chunk asked for but never taken (a Stop, a file that failed): forget it. */
  discard(unit: number): void {
    const backend = this.owner.get(unit)
    this.requests.delete(unit)
    backend?.result(unit).catch(() => undefined)
    this.committed(unit, [])
  }

  async close(): Promise<void> {
    await this.worker?.close()
    this.worker = null
  }

  private backendFor(bigFile = false): Backend {
    if (this.worker !== null) return this.worker
    const wanted =
      this.thread === 'worker' ||
      (this.thread === 'auto' && (bigFile || this.records >= WORKER_AFTER_RECORDS))
    if (!wanted || this.workerFailed) return this.local
    try {
      this.worker = startWorkerBackend(this.archive, this.entry, (err) => this.dropWorker(err))
      return this.worker
    } catch (err) {
      this.dropWorker(err)
      return this.local
    }
  }

  private dropWorker(err: unknown): void {
    if (this.workerFailed) return
    this.workerFailed = true
    const worker = this.worker
    this.worker = null
    void worker?.close()
    console.error(
      `[warraq] the import's analysis thread stopped (${String(err)}); analysing on the import's thread`
    )
  }
}
