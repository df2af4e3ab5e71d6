/**
 * `node --import tsx bench/fts-tokenizer.ts [--corpus DIR] [--rounds N]`: the corpus analysed
 * once (outside the timers), then the same column texts written into a Warraq archive whose
 * search index is made with each tokenizer, in chunks of CHUNK_ARTICLES per transaction, the
 * order of the two alternating from round to round; prints each round's seconds and the median.
 * Both tokenizers must give the same terms: the script checks that too.
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { searchIndexSql, tuneSearchIndex } from '../src/main/core/db/fts.sql'
import { openArchive } from '../src/main/core/db/open'
import { CHUNK_ARTICLES } from '../src/main/core/import/chunks'
import { analyzeArticle, writeIndex, type ArticleAnalysis } from '../src/main/core/search/indexer'
import { corpusZips, readArticles } from './corpus'

const TOKENIZERS = ['unicode61 remove_diacritics 0', 'ascii'] as const

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

/**
 * Seconds from the first insert to the checkpointed file, and a digest of every term's counts:
 * a real archive whose search index is made with `tokenizer`, written by the import's writeIndex.
 */
function build(
  file: string,
  tokenizer: string,
  rows: readonly ArticleAnalysis[]
): [number, string] {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
  const archive = openArchive(file)
  const { sqlite } = archive
  sqlite.exec(`DROP TABLE articles_fts; ${searchIndexSql(tokenizer)}
    CREATE VIRTUAL TABLE vocabulary USING fts5vocab(articles_fts, 'row');`)
  tuneSearchIndex(sqlite)
  const t0 = performance.now()
  for (let from = 0; from < rows.length; from += CHUNK_ARTICLES) {
    sqlite.transaction(() => {
      for (let i = from; i < Math.min(rows.length, from + CHUNK_ARTICLES); i++)
        writeIndex(archive, i + 1, rows[i])
    })()
  }
  sqlite.pragma('wal_checkpoint(TRUNCATE)')
  const seconds = (performance.now() - t0) / 1000
  const digest = createHash('sha256')
  for (const row of sqlite.prepare('SELECT term, doc, cnt FROM vocabulary ORDER BY term').iterate())
    digest.update(JSON.stringify(row))
  archive.close()
  return [seconds, digest.digest('hex').slice(0, 16)]
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

const dir = resolve(
  arg('corpus') ?? join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'saudinewsnet')
)
const rounds = Number(arg('rounds') ?? 3)
const rows = readArticles(corpusZips(dir)).map((a) =>
  analyzeArticle({ title: a.title, body: a.content, authors: [a.author], source: a.source })
)
const work = mkdtempSync(join(tmpdir(), 'warraq-tokenizer-'))
try {
  const seconds = new Map<string, number[]>(TOKENIZERS.map((t) => [t, []]))
  const terms = new Map<string, string>()
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? TOKENIZERS : [...TOKENIZERS].reverse()
    for (const tokenizer of order) {
      const [s, n] = build(join(work, 'index.db'), tokenizer, rows)
      seconds.get(tokenizer)?.push(s)
      terms.set(tokenizer, n)
      process.stdout.write(`round ${round + 1} ${tokenizer}: ${s.toFixed(2)} s, terms ${n}\n`)
    }
  }
  for (const t of TOKENIZERS)
    process.stdout.write(
      `${rows.length} articles, ${t}: median ${median(seconds.get(t) ?? []).toFixed(2)} s\n`
    )
  if (new Set(terms.values()).size !== 1) throw new Error('the tokenizers gave different terms')
} finally {
  rmSync(work, { recursive: true, force: true })
}
