// A stand-in analysis thread that dies in the middle of its first piece of work (a chunk, or a
// file to parse), as a native crash or an out-of-memory would end the real one: the import must
// go on, parsing and analysing on its own thread.
import { parentPort } from 'node:worker_threads'

parentPort.on('message', (message) => {
  if (message.type === 'analyse') {
    parentPort.postMessage({ type: 'started', unit: message.request.unit })
    process.exit(9)
  }
  if (message.type === 'parse') process.exit(9)
})
