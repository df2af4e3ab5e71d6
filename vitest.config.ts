import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src/shared') } },
  test: {
    include: [
      'tests/unit/**/*.test.ts',
      'tests/integration/**/*.test.ts',
      // the built main process under the Electron double: needs `electron-vite build` first
      'tests/electron-double/**/*.test.ts'
    ],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks'
  }
})
