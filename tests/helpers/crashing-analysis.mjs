// A stand-in analysis thread that dies in the middle of its first chunk, as a native crash or an
// out-of-memory would end the real one: the import must go on, analysing on its own thread.
import { parentPort } from 'node:worker_threads'

parentPort.on('message', (message) => {
  if (message.type !== 'analyse') return
  parentPort.postMessage({ type: 'started', unit: message.request.unit })
  process.exit(9)
})
