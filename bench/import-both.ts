import { spawnSync } from 'node:child_process'
import { rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { openArchive, type Archive } from '../src/main/core/db/open'
import { expandPaths } from '../src/main/core/import/expand'
import { importFiles } from '../src/main/core/import/pipeline'
import { timed, type Timed } from './measure'
import { openPlain, plainImportFiles, pragmasOf } from './plain'

export type Side = 'plain' | 'warraq'

/**
 * Writes what the page cache still holds to the disk before a side's timer starts: otherwise the
 * side that imports second runs while the kernel writes back the first one's gigabyte, and pays
 * for it (seen: the same import 27 s second and 20 s first). Where `sync` is missing, nothing.
 */
function settleDisk(): void {
  spawnSync('sync', [], { stdio: 'ignore' })
}

const mb = (bytes: number): number => Math.round((bytes / 1e6) * 10) / 10
const ratio2 = (a: number, b: number): number => Math.round((a / b) * 100) / 100

/** A database file's bytes with its WAL (none is left after a TRUNCATE checkpoint). */
export function fileBytes(path: string): number {
  let bytes = 0
  for (const suffix of ['', '-wal']) {
    try {
      bytes += statSync(path + suffix).size
    } catch {
      // no such file
    }
  }
  return bytes
}

function figures(t: Timed<number>, archiveBytes: number): Record<string, number | null> {
  return {
    articles: t.value,
    seconds: Math.round(t.seconds * 10) / 10,
    articlesPerSecond: Math.round(t.value / t.seconds),
    cpuShare: t.cpuShare,
    writeCallsMB: t.io ? mb(t.io.wchar) : null,
    storageWritesMB: t.io ? mb(t.io.writeBytes) : null,
    writeCallsPerArchiveByte: t.io ? ratio2(t.io.wchar, archiveBytes) : null,
    storageWritesPerArchiveByte: t.io ? ratio2(t.io.writeBytes, archiveBytes) : null
  }
}

export interface Imported {
  archive: Archive
  plainDb: Database.Database
  archivePath: string
  plainPath: string
  /** one line per round: the order, then both sides' figures */
  rounds: Record<string, unknown>[]
  warraqRates: number[]
  plainRates: number[]
}

/**
 * The same files into fresh archives on both sides, `rounds` times, the side that goes first
 * alternating from round to round (starting with `first`); each side timed from the files on disk
 * to a committed archive with its WAL checkpointed. The last round's archives stay open.
 */
export async function importBoth(
  dir: string,
  inputs: readonly string[],
  first: Side,
  rounds: number
): Promise<Imported> {
  const archivePath = join(dir, 'warraq.db')
  const plainPath = join(dir, 'plain.db')
  const lines: Record<string, unknown>[] = []
  const warraqRates: number[] = []
  const plainRates: number[] = []
  for (let round = 0; ; round++) {
    for (const f of [archivePath, plainPath])
      for (const suffix of ['', '-wal', '-shm']) rmSync(f + suffix, { force: true })
    const archive = openArchive(archivePath)
    const plainDb = openPlain(plainPath, pragmasOf(archive.sqlite))
    const other: Side = first === 'plain' ? 'warraq' : 'plain'
    const order: Side[] = round % 2 === 0 ? [first, other] : [other, first]
    let plainRun: Timed<number> | undefined
    let warraqRun: Timed<number> | undefined
    // what Warraq's import reported beside the articles: exact duplicates skipped, near-duplicate
    // pairs for review, printings linked to a story (distinct inputs keep these near zero)
    let reported = { failed: 0, duplicates: 0, possibleDuplicates: 0, storyCopies: 0 }
    for (const side of order) {
      settleDisk()
      if (side === 'plain') plainRun = await timed(() => plainImportFiles(plainDb, inputs))
      else {
        warraqRun = await timed(async () => {
          const summary = await importFiles(archive, expandPaths([...inputs]), {
            duplicates: 'import'
          })
          archive.sqlite.pragma('wal_checkpoint(TRUNCATE)')
          reported = {
            failed: summary.failed,
            duplicates: summary.duplicates,
            possibleDuplicates: summary.possibleDuplicates ?? 0,
            storyCopies: summary.files.reduce((n, f) => n + (f.storyOf?.length ?? 0), 0)
          }
          return summary.imported
        })
      }
    }
    if (!plainRun || !warraqRun) throw new Error('both sides must run')
    warraqRates.push(warraqRun.value / warraqRun.seconds)
    plainRates.push(plainRun.value / plainRun.seconds)
    lines.push({
      order,
      warraq: { ...figures(warraqRun, fileBytes(archivePath)), ...reported },
      plain: figures(plainRun, fileBytes(plainPath))
    })
    if (round === rounds - 1)
      return { archive, plainDb, archivePath, plainPath, rounds: lines, warraqRates, plainRates }
    archive.close()
    plainDb.close()
  }
}
