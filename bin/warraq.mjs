#!/usr/bin/env node
// Runs the CLI from source through tsx, so a checkout works right after `npm install` and the
// CLI is always the checkout's current code. No CLI is built into `out/` (see
// electron.vite.config.ts): a built copy would go stale after every pull, and would be a second
// CLI to test. The migrations are read from the source folder here, bundled in the built app.
import { register } from 'tsx/esm/api'
import { fileURLToPath } from 'node:url'

register({ tsconfig: fileURLToPath(new URL('../tsconfig.node.json', import.meta.url)) })
const { main } = await import(fileURLToPath(new URL('../src/main/cli.ts', import.meta.url)))
const code = await main(process.argv.slice(2))
if (code !== 0) process.exitCode = code
