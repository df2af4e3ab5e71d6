// Starts the import's analysis thread from its TypeScript source (tsx, vitest, `npm run
// warraq`), as ../../../worker/from-source.mjs does for the archive worker. The built app runs
// out/main/analysis.js and never loads this file.
import { register } from 'tsx/esm/api'
import { fileURLToPath } from 'node:url'

register({ tsconfig: fileURLToPath(new URL('../../../../../tsconfig.node.json', import.meta.url)) })
await import(new URL('./entry.ts', import.meta.url).href)
