/**
 * `npm run bench -- [--corpus DIR] [--scale N | --scales 1,8] [--rounds N] [--warmup N]
 * [--import-rounds N] [--first plain|warraq] [--skip arcd,extras] [--only arcd] [--keep]`
 *
 * Like for like: the same files (the corpus's zips at 1×, the same generated JSON files of
 * distinct articles at N×) go into Warraq's import and into plain better-sqlite3 FTS5, each timed
 * from the files on disk (read, unzipped, parsed inside the timer) to a committed archive with
 * its WAL checkpointed; the side that imports first alternates from one scale to the next and
 * from one import round to the next (`--import-rounds`, fresh archives each, medians). Then
 * the same query mix runs on both (plain FTS5 syntax of the same meaning; what it cannot say is
 * left out and listed), after warm-up rounds, interleaved. Prints one JSON line with the figures.
 * Not a test: no goal is asserted.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { runArcdPart } from './arcd'
import { corpusZips, readArticles, type CorpusArticle } from './corpus'
import { benchExtras } from './extras'
import { runScale, type ScaleRun, type Side } from './scale'

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i === -1 ? undefined : process.argv[i + 1]
}

function positive(name: string, fallback: number): number {
  const value = Number(arg(name) ?? fallback)
  if (!Number.isInteger(value) || value < 0) {
    process.stderr.write(`--${name} takes a whole number, not ${arg(name)}.\n`)
    process.exit(2)
  }
  return value
}

function machine(): Record<string, unknown> {
  return {
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memoryGB: Math.round(totalmem() / 1e9),
    node: process.version,
    loadAverage: loadavg().map((n) => Math.round(n * 100) / 100)
  }
}

async function main(): Promise<void> {
  const started = performance.now()
  if (arg('only') === 'arcd') {
    const arcd = await runArcdPart()
    process.stdout.write(`${JSON.stringify({ arcd })}\n`)
    return
  }
  const skip = new Set((arg('skip') ?? '').split(',').filter(Boolean))
  const corpusDir = resolve(
    arg('corpus') ?? join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'saudinewsnet')
  )
  if (!existsSync(corpusDir)) {
    process.stderr.write(`No corpus at ${corpusDir}: pass --corpus DIR (SaudiNewsNet's zips).\n`)
    process.exit(2)
  }
  const scales = (arg('scales') ?? arg('scale') ?? '1').split(',').map(Number)
  if (scales.some((s) => !Number.isInteger(s) || s < 1)) {
    process.stderr.write('--scale and --scales take whole numbers from 1 (--scales 1,8).\n')
    process.exit(2)
  }
  const rounds = Math.max(1, positive('rounds', 20))
  const warmup = positive('warmup', 2)
  const importRounds = Math.max(1, positive('import-rounds', 1))
  const firstSide: Side = arg('first') === 'warraq' ? 'warraq' : 'plain'
  const zips = corpusZips(corpusDir)
  let articles: CorpusArticle[] | null = null
  const work = mkdtempSync(join(tmpdir(), 'warraq-bench-'))
  const before = machine()
  const runs: ScaleRun[] = []
  try {
    for (const [index, scale] of scales.entries()) {
      const other: Side = firstSide === 'plain' ? 'warraq' : 'plain'
      const run = await runScale({
        scale,
        zips,
        articles: () => (articles ??= readArticles(zips)),
        work,
        first: index % 2 === 0 ? firstSide : other,
        importRounds,
        rounds,
        warmup
      })
      // keep only the last archive open: the extras measure on it
      runs.at(-1)?.archive.close()
      runs.push(run)
      process.stderr.write(`bench: ${scale}× done\n`)
    }
    const base = runs.find((r) => r.result.scale === 1)
    const rateVs1x = base
      ? runs.map((r) => ({
          scale: r.result.scale,
          warraq: Math.round((r.warraqRate / base.warraqRate) * 100) / 100,
          plain: Math.round((r.plainRate / base.plainRate) * 100) / 100
        }))
      : null
    const last = runs[runs.length - 1]
    const extras = skip.has('extras') ? null : await benchExtras(last.archive, work)
    last.archive.close()
    const arcd = skip.has('arcd') ? null : await runArcdPart()
    const output = {
      date: new Date().toISOString(),
      machine: { ...before, loadAverageAtEnd: machine().loadAverage },
      corpus: corpusDir,
      scales: runs.map((r) => r.result),
      rateVs1x,
      extras,
      arcd,
      skipped: [...skip],
      wallSeconds: Math.round((performance.now() - started) / 100) / 10
    }
    process.stdout.write(`${JSON.stringify(output)}\n`)
  } finally {
    if (!process.argv.includes('--keep')) rmSync(work, { recursive: true, force: true })
  }
}

await main()
