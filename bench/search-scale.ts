/**
 * Search at archive scale: builds (or reuses with `--keep DIR`) an archive of N articles, the
 * corpus grown with `distinctArticles`, then times a query mix (bench/queries.ts plus very
 * common words, common phrases, filters and rare words) through `searchArticles` with snippets,
 * highlights, facets and the total, reporting p50/p95/max per query class.
 *
 * Building: each article goes through the real `insertArticle` (the row, its checksum and sort
 * keys) and the real `analyzeArticle` + `writeIndex` the import uses for the FTS rows, in
 * transactions of 5,000 (the lexicon reads committed articles, as it does during an import).
 * Skipped for speed, and said here: the import's parsing, its originals (imported bytes),
 * exact- and near-duplicate detection (signatures) and the import report. The index holds
 * what an import of the same articles would hold.
 *
 * Usage: npx tsx --tsconfig tsconfig.node.json bench/search-scale.ts --articles 250000
 *          [--corpus DIR] [--keep DIR] [--rounds N]
 * With --keep DIR the archive is DIR/search-scale-N.db, reused when it exists and kept after.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { insertArticle } from '../src/main/core/articles/write'
import { openArchive, type Archive } from '../src/main/core/db/open'
import { analyzeArticle, writeIndex } from '../src/main/core/search/indexer'
import { archiveLexicon } from '../src/main/core/search/lexicon'
import { searchArticles } from '../src/main/core/search/service'
import { readCorpus } from './corpus'
import { distinctArticles } from './distinct'
import { QUERIES } from './queries'

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i === -1 ? undefined : process.argv[i + 1]
}

const CLASSES: Record<string, readonly string[]> = {
  mix: QUERIES,
  common: ['السعودية', 'المملكة', 'الله', 'اليوم', 'العام'],
  phrase: ['"المملكة العربية السعودية"', '"خادم الحرمين الشريفين"', '"ولي العهد"', 'وزير الخارجية'],
  filter: [
    'السعودية source:sabq',
    'المملكة date:2014',
    'السعودية date:2010..2013',
    'source:okaz',
    'date:2012',
    'الرياض status:new'
  ],
  rare: ['بوركينا', 'الإسكيمو', 'زنجبار', 'كمبوديا', 'ميانمار']
}

function build(archive: Archive, corpusDir: string, count: number): number {
  const { articles } = readCorpus(corpusDir)
  const scale = Math.ceil(count / articles.length)
  const { sqlite } = archive
  sqlite.pragma('cache_size = -200000')
  const lexicon = archiveLexicon(archive)
  const generated = distinctArticles(articles, scale)
  const started = performance.now()
  let n = 0
  const CHUNK = 5_000
  while (n < count) {
    sqlite.transaction(() => {
      for (let i = 0; i < CHUNK && n < count; i++, n++) {
        const next = generated.next()
        if (next.done) return
        const a = next.value
        const input = {
          title: a.title,
          body: a.content,
          source: a.source,
          url: a.url,
          published: a.date_extracted.slice(0, 10),
          authors: a.author ? [a.author] : [],
          lang: 'ar'
        }
        const { id } = insertArticle(archive, input, { reason: 'import' })
        writeIndex(archive, id, analyzeArticle(input, lexicon))
      }
    })()
    if (n % 50_000 === 0) {
      const seconds = (performance.now() - started) / 1000
      process.stderr.write(`built ${n} in ${Math.round(seconds)} s\n`)
    }
  }
  sqlite.pragma('cache_size = -2000')
  return n
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

const round = (n: number): number => Math.round(n * 10) / 10

function timeClass(archive: Archive, queries: readonly string[], rounds: number) {
  const times: number[] = []
  const cpu: number[] = []
  const perQuery: Record<string, Record<string, unknown>> = {}
  for (let r = 0; r < rounds; r++) {
    for (const query of queries) {
      const c0 = process.cpuUsage()
      const t0 = performance.now()
      const result = searchArticles(archive, { query, limit: 20, offset: 0, facets: true })
      const ms = performance.now() - t0
      const c = process.cpuUsage(c0)
      times.push(ms)
      cpu.push((c.user + c.system) / 1000)
      const seen = perQuery[query]
      perQuery[query] = {
        total: result.total,
        capped: result.totalCapped,
        estimate: result.estimatedTotal,
        ordering: result.ordering,
        maxMs: round(Math.max(Number(seen?.maxMs ?? 0), ms))
      }
    }
  }
  const sorted = [...times].sort((a, b) => a - b)
  const cpuSorted = [...cpu].sort((a, b) => a - b)
  return {
    samples: times.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    max: round(sorted[sorted.length - 1]),
    // the process's own CPU time: on a shared machine, wall time also holds others' work
    cpuP50: round(percentile(cpuSorted, 50)),
    cpuP95: round(percentile(cpuSorted, 95)),
    cpuMax: round(cpuSorted[cpuSorted.length - 1]),
    queries: perQuery
  }
}

function main(): void {
  const corpusDir = resolve(
    arg('corpus') ?? join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'saudinewsnet')
  )
  const count = Number(arg('articles') ?? 250_000)
  const rounds = Number(arg('rounds') ?? 8)
  const keep = arg('keep')
  if (keep) mkdirSync(keep, { recursive: true })
  const work = keep ? resolve(keep) : mkdtempSync(join(tmpdir(), 'warraq-search-scale-'))
  const file = join(work, `search-scale-${count}.db`)
  try {
    let buildSeconds: number | null = null
    if (!existsSync(file)) {
      if (!existsSync(corpusDir)) {
        process.stderr.write(`No corpus at ${corpusDir}: pass --corpus DIR.\n`)
        process.exit(2)
      }
      const archive = openArchive(file)
      const t0 = performance.now()
      build(archive, corpusDir, count)
      archive.sqlite.pragma('wal_checkpoint(TRUNCATE)')
      buildSeconds = Math.round((performance.now() - t0) / 1000)
      archive.close()
    }
    const archive = openArchive(file)
    const articles = archive.sqlite.prepare('SELECT count(*) FROM articles').pluck().get()
    // warm-up: every query once (the lexicon, the statements, the pages the queries read)
    for (const queries of Object.values(CLASSES)) timeClass(archive, queries, 1)
    const classes: Record<string, unknown> = {}
    for (const [name, queries] of Object.entries(CLASSES)) {
      classes[name] = timeClass(archive, queries, rounds)
    }
    const load = loadavg()[0]
    archive.close()
    process.stdout.write(
      `${JSON.stringify(
        {
          articles,
          buildSeconds,
          dbMB: Math.round(statSync(file).size / 1e6),
          rounds,
          loadAverage: Math.round(load * 10) / 10,
          classes
        },
        null,
        1
      )}\n`
    )
  } finally {
    if (!keep) rmSync(work, { recursive: true, force: true })
  }
}

main()
