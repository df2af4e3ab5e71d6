/**
 * The import's analysis thread: prepares each chunk the writer will take next (stems, hashes,
 * shingles) while the writer writes the one before, so the two cores share an import. It never
 * writes to the archive; it reads it only for the lexicon's lookups.
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { AnalysisSeed, FromAnalysis, ToAnalysis } from './protocol'
import { withoutWords } from './prepare'
import { AnalysisState } from './state'

const port = parentPort
if (!port) throw new Error('The analysis thread must run in a worker thread.')
const state = new AnalysisState(workerData as AnalysisSeed)

port.on('message', (message: ToAnalysis) => {
  switch (message.type) {
    case 'analyse': {
      const { unit } = message.request
      try {
        state.begin(message.countsStand)
        port.postMessage({ type: 'started', unit } satisfies FromAnalysis)
        const { prepared, answers } = state.analyse(message.request)
        const sent = prepared.map((p) => p && withoutWords(p))
        const buffers = sent.flatMap((p) =>
          p ? [p.shingles.buffer as ArrayBuffer, p.bands.buffer as ArrayBuffer] : []
        )
        port.postMessage(
          { type: 'analysed', unit, prepared: sent, answers } satisfies FromAnalysis,
          [...new Set(buffers)]
        )
      } catch (err) {
        port.postMessage({ type: 'failed', unit, message: String(err) } satisfies FromAnalysis)
      }
      return
    }
    case 'parse':
      port.postMessage({
        type: 'parsed',
        id: message.request.id,
        outcome: state.parse(message.request)
      } satisfies FromAnalysis)
      return
    case 'release':
      state.release(message.parsed)
      return
    case 'committed':
      port.postMessage({
        type: 'counted',
        unit: message.unit,
        counts: state.committed(message.unit, message.written)
      } satisfies FromAnalysis)
      return
    case 'counts':
      state.adoptCounts(message.counts)
      return
    case 'close':
      state.close()
      port.close()
  }
})
