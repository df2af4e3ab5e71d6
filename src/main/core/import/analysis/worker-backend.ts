/** The writer's end of the analysis thread: requests out, prepared chunks and counts back. */
import { Worker } from 'node:worker_threads'
import type { Archive } from '../../db/open'
import { adoptLexicon, lexiconState } from '../../search/lexicon'
import type { Backend } from './analyzer'
import type { PreparedArticle } from './prepare'
import type {
  AnalysisSeed,
  ChunkMessage,
  ChunkRequest,
  FromAnalysis,
  ParseOutcome,
  ToAnalysis
} from './protocol'

interface Waiting<T> {
  resolve(value: T): void
  reject(err: Error): void
}

/** How long a closing thread may take to finish before it is stopped. */
const CLOSE_WAIT_MS = 2_000

export function startWorkerBackend(
  archive: Archive,
  entry: URL,
  onStopped: (err: Error) => void
): Backend {
  const { memo, counts } = lexiconState(archive)
  const seed: AnalysisSeed = {
    file: archive.file,
    nativeBinding: archive.options.nativeBinding,
    memo,
    counts
  }
  const worker = new Worker(entry, { workerData: seed })
  // an import that ends without closing it (a crash of the writer) must not keep Node running
  worker.unref()
  const started = new Map<number, Waiting<void>>()
  const analysed = new Map<number, Promise<(PreparedArticle | null)[]>>()
  const waitingResult = new Map<number, Waiting<(PreparedArticle | null)[]>>()
  const waitingParse = new Map<number, Waiting<ParseOutcome>>()
  // the records of the files this thread parsed, by the writer's copy: a chunk of one names it
  const held = new WeakMap<ChunkRequest['articles'], number>()
  let stopped: Error | null = null
  let closing = false
  let exited = false
  const post = (message: ToAnalysis): void => {
    if (stopped === null) worker.postMessage(message)
  }

  const failAll = (err: Error): void => {
    stopped = err
    for (const waiting of [...started.values(), ...waitingResult.values()]) waiting.reject(err)
    for (const waiting of waitingParse.values()) waiting.reject(err)
    started.clear()
    waitingResult.clear()
    waitingParse.clear()
  }

  worker.on('message', (message: FromAnalysis) => {
    switch (message.type) {
      case 'started':
        started.get(message.unit)?.resolve()
        started.delete(message.unit)
        return
      case 'analysed':
        adoptLexicon(archive, message.answers, [])
        waitingResult.get(message.unit)?.resolve(message.prepared)
        waitingResult.delete(message.unit)
        return
      case 'failed': {
        const err = new Error(message.message)
        started.get(message.unit)?.reject(err)
        started.delete(message.unit)
        waitingResult.get(message.unit)?.reject(err)
        waitingResult.delete(message.unit)
        return
      }
      case 'parsed':
        waitingParse.get(message.id)?.resolve(message.outcome)
        waitingParse.delete(message.id)
        return
      case 'counted':
        adoptLexicon(archive, [], message.counts)
    }
  })
  worker.on('error', (err) => {
    failAll(err)
    if (!closing) onStopped(err)
  })
  worker.on('exit', (code) => {
    exited = true
    if (stopped !== null) return
    const err = new Error(`the analysis thread exited with code ${code}`)
    failAll(err)
    if (!closing) onStopped(err)
  })

  return {
    request(request) {
      if (stopped !== null) return Promise.reject(stopped)
      const { unit } = request
      const result = new Promise<(PreparedArticle | null)[]>((resolve, reject) =>
        waitingResult.set(unit, { resolve, reject })
      )
      // a result nobody takes (a Stop) must not be an unhandled rejection
      result.catch(() => undefined)
      analysed.set(unit, result)
      const begun = new Promise<void>((resolve, reject) => started.set(unit, { resolve, reject }))
      begun.catch(() => undefined)
      const countsStand = counts !== null && lexiconState(archive).counts !== null
      const parsed = held.get(request.articles)
      const message: ChunkMessage = {
        unit,
        fileName: request.fileName,
        records:
          parsed === undefined
            ? { articles: request.articles.slice(request.from, request.to) }
            : { parsed, from: request.from, to: request.to }
      }
      post({ type: 'analyse', request: message, countsStand })
      // counting, the thread's lexicon is its copy of the counts, and the messages keep their
      // order: the commits it must not see come after this request. Looking words up, it reads
      // the archive, so the writer waits until its snapshot is taken before it writes again
      return countsStand ? Promise.resolve() : begun
    },
    result(unit) {
      const result = analysed.get(unit)
      analysed.delete(unit)
      return result ?? Promise.reject(new Error(`chunk ${unit} was not requested`))
    },
    committed(unit, written) {
      post({ type: 'committed', unit, written })
    },
    adoptCounts(changed) {
      if (changed.length > 0) post({ type: 'counts', counts: changed })
    },
    async parse(request) {
      if (stopped !== null) throw stopped
      const outcome = new Promise<ParseOutcome>((resolve, reject) =>
        waitingParse.set(request.id, { resolve, reject })
      )
      post({ type: 'parse', request })
      const done = await outcome
      if ('parsed' in done) held.set(done.parsed.articles, request.id)
      return done
    },
    release(articles) {
      const parsed = held.get(articles)
      if (parsed !== undefined) post({ type: 'release', parsed })
    },
    async close() {
      if (closing || exited) return
      closing = true
      const ended = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
      post({ type: 'close' })
      const timer = setTimeout(() => void worker.terminate(), CLOSE_WAIT_MS)
      await ended
      clearTimeout(timer)
    }
  }
}
