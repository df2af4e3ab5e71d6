import react from '@vitejs/plugin-react'
import { cpSync } from 'node:fs'
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'

const alias = { '@shared': resolve(import.meta.dirname, 'src/shared') }

/** drizzle's migrator reads SQL files at run time: ship them next to the built main process. */
function copyMigrations(): Plugin {
  return {
    name: 'warraq-copy-migrations',
    closeBundle() {
      cpSync(
        resolve(import.meta.dirname, 'src/main/core/db/migrations'),
        resolve(import.meta.dirname, 'out/main/migrations'),
        { recursive: true }
      )
    }
  }
}

export default defineConfig({
  main: {
    resolve: { alias },
    plugins: [copyMigrations()],
    build: {
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/main/index.ts'),
          cli: resolve(import.meta.dirname, 'src/main/cli.ts'),
          // the archive's own thread (worker_threads), started by the shell and the browser host
          worker: resolve(import.meta.dirname, 'src/main/worker/entry.ts')
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
