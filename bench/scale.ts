import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Archive } from '../src/main/core/db/open'
import { searchArticles } from '../src/main/core/search/service'
import { type CorpusArticle, warmFiles, writeJsonFiles } from './corpus'
import { distinctArticles } from './distinct'
import { fileBytes, importBoth, type Side } from './import-both'
import { spread, timeInterleaved, type Spread } from './measure'
import { plainSearcher } from './plain'
import { QUERIES, toPlainQuery } from './queries'

export type { Side }

export interface ScaleOptions {
  scale: number
  /** the corpus's zips: the input at 1× */
  zips: string[]
  /** the corpus's articles, read once: what larger scales are grown from */
  articles: () => CorpusArticle[]
  work: string
  first: Side
  /** imports of both sides, each into fresh archives; the medians are reported */
  importRounds: number
  rounds: number
  warmup: number
}

const mb = (bytes: number): number => Math.round((bytes / 1e6) * 10) / 10

/** The median (the mean of the middle two for an even count). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
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

  const imported = await importBoth(dir, inputs, o.first, o.importRounds)
  const { archive, plainDb, archivePath, plainPath } = imported
  if (o.scale > 1) rmSync(join(dir, 'inputs'), { recursive: true, force: true })
  const warraqBytes = fileBytes(archivePath)
  const plainBytes = fileBytes(plainPath)
  const warraqRate = median(imported.warraqRates)
  const plainRate = median(imported.plainRates)

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
    import: {
      rounds: imported.rounds.length,
      warraqArticlesPerSecond: Math.round(warraqRate),
      plainArticlesPerSecond: Math.round(plainRate),
      ratio: Math.round((warraqRate / plainRate) * 100) / 100,
      byRound: imported.rounds
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
