import { mkdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { openArchive, type Archive } from '../src/main/core/db/open'
import { expandPaths } from '../src/main/core/import/expand'
import { importFiles } from '../src/main/core/import/pipeline'
import { searchArticles } from '../src/main/core/search/service'
import { type CorpusArticle, warmFiles, writeJsonFiles } from './corpus'
import { distinctArticles } from './distinct'
import { spread, timed, timeInterleaved, type Spread, type Timed } from './measure'
import { openPlain, plainImportFiles, plainSearcher, pragmasOf } from './plain'
import { QUERIES, toPlainQuery } from './queries'

export type Side = 'plain' | 'warraq'

export interface ScaleOptions {
  scale: number
  /** the corpus's zips: the input at 1× */
  zips: string[]
  /** the corpus's articles, read once: what larger scales are grown from */
  articles: () => CorpusArticle[]
  work: string
  first: Side
  rounds: number
  warmup: number
}

const MB = 1e6
const mb = (bytes: number): number => Math.round((bytes / MB) * 10) / 10

function fileBytes(path: string): number {
  let bytes = 0
  for (const suffix of ['', '-wal']) {
    try {
      bytes += statSync(path + suffix).size
    } catch {
      // no WAL left after the checkpoint
    }
  }
  return bytes
}

function importFigures(t: Timed<number>, archiveBytes: number): Record<string, number | null> {
  return {
    articles: t.value,
    seconds: Math.round(t.seconds * 10) / 10,
    articlesPerSecond: Math.round(t.value / t.seconds),
    cpuShare: t.cpuShare,
    writeCallsMB: t.io ? mb(t.io.wchar) : null,
    storageWritesMB: t.io ? mb(t.io.writeBytes) : null,
    writeCallsPerArchiveByte: t.io ? Math.round((t.io.wchar / archiveBytes) * 100) / 100 : null,
    storageWritesPerArchiveByte: t.io
      ? Math.round((t.io.writeBytes / archiveBytes) * 100) / 100
      : null
  }
}

export interface ScaleRun {
  result: Record<string, unknown>
  warraqRate: number
  plainRate: number
  /** the imported archive, open: the extras measure on the last one; close it when done */
  archive: Archive
}

/** One scale: the same files into both sides (in the given order), then the query mix on both. */
export async function runScale(o: ScaleOptions): Promise<ScaleRun> {
  const started = performance.now()
  const dir = join(o.work, `x${o.scale}`)
  mkdirSync(dir, { recursive: true })
  const inputs =
    o.scale === 1
      ? o.zips
      : writeJsonFiles(distinctArticles(o.articles(), o.scale), join(dir, 'inputs')).paths
  const inputBytes = warmFiles(inputs)
  const prepareSeconds = Math.round((performance.now() - started) / 100) / 10

  const archivePath = join(dir, 'warraq.db')
  const plainPath = join(dir, 'plain.db')
  const archive = openArchive(archivePath)
  const plainDb = openPlain(plainPath, pragmasOf(archive.sqlite))
  const order: Side[] = o.first === 'plain' ? ['plain', 'warraq'] : ['warraq', 'plain']
  let plainRun: Timed<number> | undefined
  let warraqRun: Timed<number> | undefined
  // what Warraq's import reported beside the articles: exact duplicates skipped, near-duplicate
  // pairs for review, printings linked to a story (distinct inputs keep these near zero)
  let reported = { failed: 0, duplicates: 0, possibleDuplicates: 0, storyCopies: 0 }
  for (const side of order) {
    if (side === 'plain') plainRun = await timed(() => plainImportFiles(plainDb, inputs))
    else {
      warraqRun = await timed(async () => {
        const summary = await importFiles(archive, expandPaths(inputs), { duplicates: 'import' })
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
  if (o.scale > 1) rmSync(join(dir, 'inputs'), { recursive: true, force: true })
  const warraqBytes = fileBytes(archivePath)
  const plainBytes = fileBytes(plainPath)
  const warraqRate = warraqRun.value / warraqRun.seconds
  const plainRate = plainRun.value / plainRun.seconds

  const translated = QUERIES.map((query) => ({ query, plain: toPlainQuery(query) }))
  const plainQueries = translated.flatMap((t) => (t.plain.ok ? [t.plain.plain] : []))
  const plainSearch = plainSearcher(plainDb, plainQueries)
  const totals = new Map<string, number>()
  const rows = new Map<string, number>()
  const pairs = translated.map(({ query, plain }) => ({
    warraq: () => {
      const result = searchArticles(archive, { query, limit: 20, offset: 0, facets: true })
      totals.set(query, result.total)
    },
    plain: plain.ok ? () => void rows.set(query, plainSearch(plain.plain)) : null
  }))
  const samples = timeInterleaved(pairs, o.rounds, o.warmup)
  const both = translated.map((t, i) => (t.plain.ok ? i : -1)).filter((i) => i >= 0)
  const perQuery = translated.map(({ query, plain }, i) => ({
    query,
    plainMatch: plain.ok ? plain.plain.match : null,
    warraq: { ...spread(samples.warraq[i]), total: totals.get(query) },
    plain: plain.ok ? { ...spread(samples.plain[i]), rows: rows.get(query) } : null
  }))
  const indexBytes = archive.sqlite
    .prepare("SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name LIKE 'articles_fts%'")
    .pluck()
    .get() as number
  plainDb.close()

  const warraqMs: Spread = spread(samples.warraq.flat())
  const result: Record<string, unknown> = {
    scale: o.scale,
    inputs: {
      files: inputs.length,
      MB: mb(inputBytes),
      kind: o.scale === 1 ? 'zip' : 'json',
      prepareSeconds
    },
    importOrder: order,
    import: {
      warraq: { ...importFigures(warraqRun, warraqBytes), ...reported },
      plain: importFigures(plainRun, plainBytes),
      ratio: Math.round((warraqRate / plainRate) * 100) / 100
    },
    sizes: { warraqMB: mb(warraqBytes), warraqIndexMB: mb(indexBytes), plainMB: mb(plainBytes) },
    search: {
      rounds: o.rounds,
      warmupRounds: o.warmup,
      warraqMs,
      plainMs: spread(both.flatMap((i) => samples.plain[i])),
      ...(both.length < QUERIES.length
        ? { warraqMsSameQueries: spread(both.flatMap((i) => samples.warraq[i])) }
        : {}),
      plainSkipped: translated.flatMap(({ query, plain }) =>
        plain.ok ? [] : [{ query, reason: plain.reason }]
      ),
      perQuery
    },
    wallSeconds: Math.round((performance.now() - started) / 100) / 10
  }
  return { result, warraqRate, plainRate, archive }
}
