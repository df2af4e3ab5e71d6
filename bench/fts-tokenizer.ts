/**
 * `node --import tsx bench/fts-tokenizer.ts [--corpus DIR] [--rounds N]`: the corpus analysed
 * once (outside the timers), then the same column texts written into Warraq's search index
 * table made with each tokenizer, in chunks of CHUNK_ARTICLES per transaction, the order of the
 * two alternating from round to round; prints each round's seconds and the median. Both
 * tokenizers must give the same terms: the script checks that too.
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { FTS_AUTOMERGE } from '../src/main/core/db/fts.sql'
import { CHUNK_ARTICLES } from '../src/main/core/import/chunks'
import { analyzeArticle, type ArticleAnalysis } from '../src/main/core/search/indexer'
import { corpusZips, readArticles } from './corpus'

const TOKENIZERS = ['unicode61 remove_diacritics 0', 'ascii'] as const

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

/** Seconds from the first insert to the checkpointed file, and a digest of every term's counts. */
function build(
  file: string,
  tokenizer: string,
  rows: readonly ArticleAnalysis[]
): [number, string] {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('cache_size = -65536')
  db.pragma('wal_autocheckpoint = 10000')
  db.exec(`CREATE VIRTUAL TABLE t USING fts5(title_s, title_t, body_s, body_t, meta_s, meta_t,
    content='', contentless_delete=1, tokenize="${tokenizer}");
    CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row');`)
  db.prepare("INSERT INTO t (t, rank) VALUES ('automerge', ?)").run(BigInt(FTS_AUTOMERGE))
  const insert = db.prepare(
    'INSERT INTO t (rowid, title_s, title_t, body_s, body_t, meta_s, meta_t) VALUES (?, ?, ?, ?, ?, ?, ?)'
  )
  const t0 = performance.now()
  for (let from = 0; from < rows.length; from += CHUNK_ARTICLES) {
    db.transaction(() => {
      for (let i = from; i < Math.min(rows.length, from + CHUNK_ARTICLES); i++) {
        const { title, body, meta } = rows[i]
        insert.run(
          i + 1,
          title.surface,
          title.stems,
          body.surface,
          body.stems,
          meta.surface,
          meta.stems
        )
      }
    })()
  }
  db.pragma('wal_checkpoint(TRUNCATE)')
  const seconds = (performance.now() - t0) / 1000
  const digest = createHash('sha256')
  for (const row of db.prepare('SELECT term, doc, cnt FROM v ORDER BY term').iterate())
    digest.update(JSON.stringify(row))
  db.close()
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
