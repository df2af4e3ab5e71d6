// A stand-in archive worker that opens nothing and dies on every call, as a native crash or an
// out-of-memory would end the real one: the client must answer each call with an error result.
import { parentPort } from 'node:worker_threads'

const status = {
  state: 'open',
  file: 'nowhere.db',
  backupsDir: 'nowhere',
  recovery: {
    events: [],
    messages: [],
    keptAside: [],
    preMigrationBackup: null,
    newestGoodBackup: null
  },
  backups: []
}
parentPort.on('message', () => process.exit(7))
parentPort.postMessage({ type: 'ready', status })
