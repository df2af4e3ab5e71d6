import react from '@vitejs/plugin-react'
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'

const alias = { '@shared': resolve(import.meta.dirname, 'src/shared') }

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      rollupOptions: {
        // The migrations are bundled into this build (core/db/bundled-migrations.ts), so nothing
        // is copied beside it. No CLI is built: `bin/warraq.mjs` and `npm run warraq` run the
        // source through tsx, so a checkout's CLI is always its current code; a built copy
        // would be a second CLI that goes stale after every pull, and no installer ships one.
        input: {
          index: resolve(import.meta.dirname, 'src/main/index.ts'),
          // the archive's own thread (worker_threads), started by the shell and the browser host
          worker: resolve(import.meta.dirname, 'src/main/worker/entry.ts'),
          // an import's analysis thread, started by the archive worker (or the CLI) per import
          analysis: resolve(import.meta.dirname, 'src/main/core/import/analysis/entry.ts')
        }
      }
    }
  },
  preload: {
    resolve: { alias },
    build: {
      // a sandboxed preload cannot require packages: bundle zod and the contract into it
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    resolve: { alias },
    plugins: [react()],
    build: {
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') } }
    }
  }
})
