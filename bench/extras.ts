import type { Archive } from '../src/main/core/db/open'

/** Further figures (export, library paging) that other modules add to the one JSON line. */
export async function benchExtras(
  _archive: Archive,
  _workDir: string
): Promise<Record<string, unknown>> {
  return {}
}
