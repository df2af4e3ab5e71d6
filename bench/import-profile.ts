/**
 * `node --import tsx bench/import-profile.ts [--corpus DIR] [--zips N | --scale N] [--chunk N]
 * [--side warraq|plain|both]`: imports the first N zips of the corpus (or, with `--scale N`, the
 * corpus grown N times with distinct articles, written to JSON files before either timer starts)
 * through Warraq's import path (expandBuffers + importFiles) and through plain better-sqlite3
 * FTS5 (unzip and JSON parse inside its timer), each from the same files to a committed,
 * checkpointed archive, and prints the time and the bytes written to the disk (/proc/self/io
 * write_bytes) per byte of the archive. Run it under `node --cpu-prof` to see where the time
 * goes.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { openArchive } from '../src/main/core/db/open'
import { expandBuffers } from '../src/main/core/import/expand'
import { importFiles } from '../src/main/core/import/pipeline'
import { corpusZips, readArticles, writeJsonFiles } from './corpus'
import { distinctArticles } from './distinct'
import { openPlain, plainImportFiles, pragmasOf } from './plain'

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

function writeBytes(): number {
  try {
    const io = readFileSync('/proc/self/io', 'utf8')
    return Number(/^write_bytes: (\d+)/m.exec(io)?.[1] ?? 0)
  } catch {
    return 0
  }
}

function fileSize(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}

interface Measure {
  side: string
  articles: number
  seconds: number
  /** user + system CPU time of this process: steadier than wall time on a shared machine */
  cpuSeconds: number
  perSecond: number
  archiveMB: number
  writtenMB: number
  writtenPerArchiveByte: number
}

function measure(
  side: string,
  file: string,
  articles: number,
  seconds: number,
  cpu: NodeJS.CpuUsage,
  written: number
): Measure {
  const size = fileSize(file)
  return {
    side,
    articles,
    seconds: Math.round(seconds * 100) / 100,
    cpuSeconds: Math.round((cpu.user + cpu.system) / 1e4) / 100,
    perSecond: Math.round(articles / seconds),
    archiveMB: Math.round(size / 1e5) / 10,
    writtenMB: Math.round(written / 1e5) / 10,
    writtenPerArchiveByte: size > 0 ? Math.round((written / size) * 100) / 100 : 0
  }
}

async function warraq(work: string, paths: readonly string[]): Promise<Measure> {
  const file = join(work, 'warraq.db')
  const archive = openArchive(file)
  for (const p of (arg('pragma') ?? '').split(',').filter(Boolean)) archive.sqlite.pragma(p)
  for (const kv of (arg('fts') ?? '').split(',').filter(Boolean)) {
    const [k, v] = kv.split('=')
    archive.sqlite
      .prepare('INSERT INTO articles_fts (articles_fts, rank) VALUES (?, ?)')
      .run(k, BigInt(v))
  }
  const w0 = writeBytes()
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  const chunk = arg('chunk')
  // the files read inside the timer, as the plain side reads them
  const files = paths.map((path) => ({
    name: basename(path),
    bytes: new Uint8Array(readFileSync(path))
  }))
  const summary = await importFiles(archive, expandBuffers(files), {
    duplicates: 'import',
    ...(chunk ? { chunkSize: Number(chunk) } : {})
  })
  archive.sqlite.pragma('wal_checkpoint(TRUNCATE)')
  const seconds = (performance.now() - t0) / 1000
  const cpu = process.cpuUsage(c0)
  const written = writeBytes() - w0
  const segments = archive.sqlite
    .prepare('SELECT count(DISTINCT segid) FROM articles_fts_idx')
    .pluck()
    .get() as number
  process.stdout.write(`FTS segments at the end: ${segments}\n`)
  archive.close()
  return measure('warraq', file, summary.imported, seconds, cpu, written)
}

function plain(work: string, paths: readonly string[]): Measure {
  const file = join(work, 'plain.db')
  // Warraq's own pragmas, from an archive opened only to read them
  const probe = openArchive(join(work, 'pragmas.db'))
  const db = openPlain(file, pragmasOf(probe.sqlite))
  probe.close()
  const w0 = writeBytes()
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  // read, unzipped and parsed inside the timer, then checkpointed, as Warraq's side
  const count = plainImportFiles(db, paths)
  const seconds = (performance.now() - t0) / 1000
  const cpu = process.cpuUsage(c0)
  const written = writeBytes() - w0
  db.close()
  return measure('plain', file, count, seconds, cpu, written)
}

async function main(): Promise<void> {
  const dir = resolve(
    arg('corpus') ?? join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'saudinewsnet')
  )
  const zips = Number(arg('zips') ?? 5)
  const side = arg('side') ?? 'both'
  const scale = Number(arg('scale') ?? 1)
  const work = mkdtempSync(join(tmpdir(), 'warraq-profile-'))
  try {
    const files =
      scale > 1
        ? writeJsonFiles(
            distinctArticles(readArticles(corpusZips(dir)), scale),
            join(work, 'inputs')
          ).paths
        : corpusZips(dir).slice(0, zips)
    const results: Measure[] = []
    if (side !== 'warraq') results.push(plain(work, files))
    if (side !== 'plain') results.push(await warraq(work, files))
    for (const r of results) process.stdout.write(`${JSON.stringify(r)}\n`)
    if (results.length === 2) {
      const ratio = results[1].perSecond / results[0].perSecond
      process.stdout.write(`ratio warraq/plain: ${ratio.toFixed(2)}\n`)
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

await main()
