/**
 * The import's analysis thread: prepares each chunk the writer will take next (stems, hashes,
 * shingles) while the writer writes the one before, so the two cores share an import. It never
 * writes to the archive; it reads it only for the lexicon's lookups.
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { AnalysisSeed, FromAnalysis, ToAnalysis } from './protocol'
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
        const { prepared, buffers, answers } = state.analyse(message.request)
        port.postMessage(
          { type: 'analysed', unit, prepared, answers } satisfies FromAnalysis,
          buffers
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
