import type { Archive } from '../src/main/core/db/open'
import { benchExport } from './export'

/** Further figures measured on the archive the run just imported: CSV export of everything. */
export async function benchExtras(
  archive: Archive,
  workDir: string
): Promise<Record<string, unknown>> {
  return { export: await benchExport(archive, workDir) }
}
