// Starts the archive worker from its TypeScript source (tsx, vitest, `npm run warraq`): the
// worker thread registers tsx with the project's tsconfig (for the @shared alias), then loads
// entry.ts. The built app runs out/main/worker.js directly and never loads this file.
import { register } from 'tsx/esm/api'
import { fileURLToPath } from 'node:url'

register({ tsconfig: fileURLToPath(new URL('../../../tsconfig.node.json', import.meta.url)) })
await import(new URL('./entry.ts', import.meta.url).href)
