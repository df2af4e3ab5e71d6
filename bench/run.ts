/**
 * `npm run bench -- [--corpus DIR] [--scale N] [--queries N] [--only arcd]`: imports the corpus through
 * Warraq's import path and through plain better-sqlite3 FTS5 in the same run, runs a fixed mix
 * of queries on both, and prints one JSON line with the figures. Not a test: no goal is asserted.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { openArchive } from '../src/main/core/db/open'
import { expandBuffers } from '../src/main/core/import/expand'
import { importFiles } from '../src/main/core/import/pipeline'
import { searchArticles } from '../src/main/core/search/service'
import { readCorpus, scaledJsonFiles } from './corpus'
import { plainImport, plainSearch } from './plain'
import { runArcdPart } from './arcd'
import { benchExtras } from './extras'
import { QUERIES } from './queries'

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i === -1 ? undefined : process.argv[i + 1]
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

function timeQueries(
  run: (q: string) => void,
  rounds: number
): { p50: number; p95: number; max: number } {
  const times: number[] = []
  for (let r = 0; r < rounds; r++) {
    for (const q of QUERIES) {
      const t0 = performance.now()
      run(q)
      times.push(performance.now() - t0)
    }
  }
  const round = (n: number) => Math.round(n * 100) / 100
  return {
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    max: round(Math.max(...times))
  }
}

async function main(): Promise<void> {
  if (arg('only') === 'arcd') {
    const arcd = await runArcdPart()
    process.stdout.write(`${JSON.stringify({ arcd })}\n`)
    return
  }
  const corpusDir = resolve(
    arg('corpus') ?? join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'saudinewsnet')
  )
  if (!existsSync(corpusDir)) {
    process.stderr.write(`No corpus at ${corpusDir}: pass --corpus DIR (SaudiNewsNet's zips).\n`)
    process.exit(2)
  }
  const scale = Number(arg('scale') ?? 1)
  const rounds = Number(arg('rounds') ?? 5)
  const work = mkdtempSync(join(tmpdir(), 'warraq-bench-'))
  try {
    const { files, articles } = readCorpus(corpusDir)
    const inputs = scale > 1 ? scaledJsonFiles(articles, scale) : files
    const total = scale > 1 ? articles.length * scale : articles.length

    let t0 = performance.now()
    const plain = plainImport(
      join(work, 'plain.db'),
      scale > 1 ? scaledIter(articles, scale) : articles
    )
    const plainSeconds = (performance.now() - t0) / 1000

    const archive = openArchive(join(work, 'warraq.db'))
    t0 = performance.now()
    const summary = await importFiles(archive, expandBuffers(inputs), { duplicates: 'import' })
    const warraqSeconds = (performance.now() - t0) / 1000
    archive.sqlite.pragma('wal_checkpoint(TRUNCATE)')

    const warraqQueries = timeQueries(
      (q) => void searchArticles(archive, { query: q, limit: 20, offset: 0, facets: true }),
      rounds
    )
    const plainQueries = timeQueries((q) => void plainSearch(plain.db, q), rounds)
    const indexBytes = archive.sqlite
      .prepare("SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name LIKE 'articles_fts%'")
      .pluck()
      .get() as number
    const extras = await benchExtras(archive, work)
    // the judged part builds its own archive (paragraphs + corpus); close this one's memory first
    const arcd = await runArcdPart()
    const result = {
      articles: total,
      imported: summary.imported,
      failed: summary.failed,
      warraqArticlesPerSecond: Math.round(summary.imported / warraqSeconds),
      plainArticlesPerSecond: Math.round(plain.count / plainSeconds),
      importRatio:
        Math.round((summary.imported / warraqSeconds / (plain.count / plainSeconds)) * 100) / 100,
      warraqQueryMs: warraqQueries,
      plainQueryMs: plainQueries,
      warraqDbMB: Math.round(statSync(join(work, 'warraq.db')).size / 1e6),
      warraqIndexMB: Math.round(indexBytes / 1e6),
      plainDbMB: Math.round(statSync(join(work, 'plain.db')).size / 1e6),
      ...extras,
      arcd
    }
    plain.db.close()
    archive.close()
    process.stdout.write(`${JSON.stringify(result)}\n`)
  } finally {
    if (!process.argv.includes('--keep')) rmSync(work, { recursive: true, force: true })
  }
}

function* scaledIter(articles: ReturnType<typeof readCorpus>['articles'], scale: number) {
  for (let copy = 0; copy < scale; copy++) {
    for (const a of articles)
      yield copy === 0
        ? a
        : { ...a, title: `${a.title} (${copy})`, content: `${a.content}\nنسخة ${copy}` }
  }
}

await main()
