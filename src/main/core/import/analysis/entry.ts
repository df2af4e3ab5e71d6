/**
 * The import's analysis thread: prepares each chunk the writer will take next (stems, hashes,
 * shingles) while the writer writes the one before, so the two cores share an import. It never
 * writes to the archive; it reads it only for the lexicon's lookups.
 */
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads'
import type { AnalysisSeed, FromAnalysis, ToAnalysis } from './protocol'
import { AnalysisState } from './state'

const port = parentPort
if (!port) throw new Error('The analysis thread must run in a worker thread.')
const state = new AnalysisState(workerData as AnalysisSeed)

/**
 * The messages waiting, worked through in order, except that a file to parse waits while any
 * other message is there: the writer waits for its next chunk, never for a file read ahead (at
 * the start of an import, the second file's parse kept the first chunk waiting). Nothing else is
 * reordered: what a chunk's lexicon sees depends on the commits before it.
 */
const waiting: ToAnalysis[] = []
let closed = false

port.on('message', (message: ToAnalysis) => {
  waiting.push(message)
  while (!closed && waiting.length > 0) {
    for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port))
      waiting.push(m.message as ToAnalysis)
    const first = waiting.findIndex((m) => m.type !== 'parse')
    handle(waiting.splice(first === -1 ? 0 : first, 1)[0])
  }
})

function handle(message: ToAnalysis): void {
  if (!port) return
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
      closed = true
      state.close()
      port.close()
  }
}
