import { join } from 'node:path'
import { backupNow } from '../../src/main/core/backup/backup'
import { openArchive } from '../../src/main/core/db/open'
import { flipPageBytes, middlePageOf, populate } from './damage'

export interface DamagedArchive {
  /** the archive's path, holding a damaged file */
  file: string
  /** its one good backup (made before the damage), with `count` articles */
  backup: string
  count: number
}

/**
 * A populated archive in `dir` with one good backup, then damaged: the bytes at the start of a
 * page in the middle of the articles table are flipped, so quick_check fails at the next open.
 */
export async function damagedArchiveWithBackup(
  dir: string,
  count = 120,
  backupAt = new Date()
): Promise<DamagedArchive> {
  const file = join(dir, 'archive.db')
  const archive = openArchive(file)
  populate(archive, count)
  const backup = await backupNow(archive, 'auto', backupAt)
  archive.close()
  const { pageno, pageSize } = middlePageOf(file, 'articles')
  flipPageBytes(file, pageno, pageSize)
  return { file, backup: backup.file, count }
}
