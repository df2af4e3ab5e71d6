import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openArchive, type Archive, type OpenOptions } from '../../src/main/core/db/open'

export interface TestArchive {
  archive: Archive
  dir: string
  file: string
  cleanup(): void
}

/** A fresh archive file in its own temporary folder, opened with the real migrations. */
export function createTestArchive(options: OpenOptions = {}): TestArchive {
  const dir = mkdtempSync(join(tmpdir(), 'warraq-test-'))
  const file = join(dir, 'archive.db')
  const archive = openArchive(file, options)
  return {
    archive,
    dir,
    file,
    cleanup() {
      try {
        archive.close()
      } catch {
        // already closed by the test
      }
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

export function tempDir(prefix = 'warraq-test-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}
