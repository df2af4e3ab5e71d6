/**
 * The judged benchmark: ARCD's questions (`../shared/evals/arcd/`, read at run time, never copied
 * here) over its 465 paragraphs mixed into SaudiNewsNet as distractors. Every question is run
 * exactly as typed, through Warraq's search and through plain FTS5 (unicode61, the words joined
 * with OR, bm25) in the same run; each question has one relevant paragraph, the one it was
 * written about. Prints MRR@10, recall@10, recall@100 and how many questions found nothing.
 *
 * Alone: `npm run bench -- --only arcd [--no-distractors] [--db FILE]` (`--db` keeps the built
 * archive in FILE and reuses it on the next run, to compare ranking changes without re-importing;
 * a stemmer change needs a fresh file or `warraq rebuild-index`).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type Database from 'better-sqlite3'
import { openArchive, type Archive } from '../src/main/core/db/open'
import { expandBuffers } from '../src/main/core/import/expand'
import { importFiles } from '../src/main/core/import/pipeline'
import { searchArticles } from '../src/main/core/search/service'
import { readCorpus, type CorpusArticle } from './corpus'
import { plainImport } from './plain'

interface ArcdFile {
  data: { title: string; paragraphs: { context: string; qas: { question: string }[] }[] }[]
}

export interface Judged {
  questions: number
  mrr10: number
  recall10: number
  recall100: number
  empty: number
  p95Ms: number
}

export interface ArcdResult {
  paragraphs: number
  distractors: number
  warraq: Judged
  plainFts5: Judged
}

const URL_PREFIX = 'https://arcd.invalid/paragraph/'

/** The paragraphs as SaudiNewsNet-shaped articles (so one import path reads both) and the questions. */
function readArcd(dir: string): {
  docs: CorpusArticle[]
  questions: { text: string; doc: number }[]
} {
  const file = JSON.parse(readFileSync(join(dir, 'arcd.json'), 'utf8')) as ArcdFile
  const docs: CorpusArticle[] = []
  const questions: { text: string; doc: number }[] = []
  for (const article of file.data) {
    for (const p of article.paragraphs) {
      const doc = docs.length
      docs.push({
        source: 'arcd',
        url: `${URL_PREFIX}${doc}`,
        date_extracted: '2019-01-01',
        title: article.title,
        author: '',
        content: p.context
      })
      for (const qa of p.qas) questions.push({ text: qa.question, doc })
    }
  }
  return { docs, questions }
}

function judge(ranks: (number | null)[], empty: number, times: number[]): Judged {
  const n = ranks.length
  const round = (x: number): number => Math.round(x * 1000) / 1000
  const within = (k: number): number => ranks.filter((r) => r !== null && r <= k).length / n
  const mrr = ranks.reduce<number>((s, r) => s + (r !== null && r <= 10 ? 1 / r : 0), 0) / n
  const sorted = [...times].sort((a, b) => a - b)
  return {
    questions: n,
    mrr10: round(mrr),
    recall10: round(within(10)),
    recall100: round(within(100)),
    empty,
    p95Ms: round(sorted[Math.floor(0.95 * (sorted.length - 1))] ?? 0)
  }
}

/** Plain FTS5 as anyone would write it: each whitespace-separated word quoted, joined by OR. */
function plainRanked(db: Database.Database, query: string): number[] {
  const words = query
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{N}]+/gu, ' ').trim())
    .filter(Boolean)
  if (words.length === 0) return []
  const match = words.map((w) => `"${w.replaceAll('"', '""')}"`).join(' OR ')
  return db
    .prepare(
      'SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT 100'
    )
    .pluck()
    .all(match) as number[]
}

async function buildArchive(file: string, articles: CorpusArticle[]): Promise<Archive> {
  const archive = openArchive(file)
  const count = archive.sqlite.prepare('SELECT count(*) FROM articles').pluck().get() as number
  if (count === 0) {
    const bytes = new TextEncoder().encode(JSON.stringify(articles))
    await importFiles(archive, expandBuffers([{ name: 'arcd-bench.json', bytes }]), {
      duplicates: 'import'
    })
  }
  return archive
}

export async function benchArcd(options: {
  evalDir: string
  corpusDir: string | null
  work: string
  db?: string
}): Promise<ArcdResult> {
  const { docs, questions } = readArcd(options.evalDir)
  const distractors = options.corpusDir !== null ? readCorpus(options.corpusDir).articles : []
  // Paragraphs first, so plain FTS5's rowids 1..465 are the paragraphs.
  const all = [...docs, ...distractors]
  const plain = plainImport(join(options.work, 'arcd-plain.db'), all)
  const archive = await buildArchive(options.db ?? join(options.work, 'arcd-warraq.db'), all)
  try {
    const docOfUid = new Map<string, number>()
    const rows = archive.sqlite
      .prepare('SELECT uid, url FROM articles WHERE url LIKE ?')
      .all(`${URL_PREFIX}%`) as { uid: string; url: string }[]
    for (const r of rows) docOfUid.set(r.uid, Number(r.url.slice(URL_PREFIX.length)))

    const warraqRanks: (number | null)[] = []
    const plainRanks: (number | null)[] = []
    const warraqTimes: number[] = []
    const plainTimes: number[] = []
    let warraqEmpty = 0
    let plainEmpty = 0
    for (const q of questions) {
      let t0 = performance.now()
      let hits: string[] = []
      try {
        const result = searchArticles(archive, {
          query: q.text,
          limit: 100,
          offset: 0,
          facets: false
        })
        hits = result.hits.map((h) => h.uid)
      } catch {
        hits = [] // a refused question counts as finding nothing
      }
      warraqTimes.push(performance.now() - t0)
      if (hits.length === 0) warraqEmpty++
      const at = hits.findIndex((uid) => docOfUid.get(uid) === q.doc)
      warraqRanks.push(at < 0 ? null : at + 1)

      t0 = performance.now()
      const ids = plainRanked(plain.db, q.text)
      plainTimes.push(performance.now() - t0)
      if (ids.length === 0) plainEmpty++
      const pat = ids.indexOf(q.doc + 1)
      plainRanks.push(pat < 0 ? null : pat + 1)
    }
    return {
      paragraphs: docs.length,
      distractors: distractors.length,
      warraq: judge(warraqRanks, warraqEmpty, warraqTimes),
      plainFts5: judge(plainRanks, plainEmpty, plainTimes)
    }
  } finally {
    archive.close()
    plain.db.close()
  }
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i === -1 ? undefined : process.argv[i + 1]
}

/** The part of `npm run bench` that `bench/run.ts` calls; null (with a message) without the data. */
export async function runArcdPart(): Promise<ArcdResult | null> {
  const shared = join(import.meta.dirname, '..', '..', 'shared')
  const evalDir = resolve(arg('arcd') ?? join(shared, 'evals', 'arcd'))
  if (!existsSync(join(evalDir, 'arcd.json'))) {
    process.stderr.write(`arcd: skipped, no ${join(evalDir, 'arcd.json')} (pass --arcd DIR).\n`)
    return null
  }
  const corpus = resolve(arg('corpus') ?? join(shared, 'corpus', 'saudinewsnet'))
  const withDistractors = !process.argv.includes('--no-distractors') && existsSync(corpus)
  const work = mkdtempSync(join(tmpdir(), 'warraq-arcd-'))
  try {
    const db = arg('db')
    return await benchArcd({
      evalDir,
      corpusDir: withDistractors ? corpus : null,
      work,
      db: db === undefined ? undefined : resolve(db)
    })
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
