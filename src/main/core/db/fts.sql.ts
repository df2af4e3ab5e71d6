import type Database from 'better-sqlite3'

/**
 * The text FTS5 is given is ours already: normalised words of a–z, 0–9 and Arabic letters, one
 * space between them (analyzeForIndex), and query terms are the same words. So the tokenizer
 * only has to split at the spaces, and FTS5's `ascii` (every byte above 127 a word character)
 * splits exactly where `unicode61` does, without looking up each Arabic letter's Unicode
 * category: a 31,000-article index took a quarter less time to build (bench/fts-tokenizer.ts).
 * Archives made before keep their unicode61 index: the two give the same terms for our text.
 */
export const FTS_TOKENIZER = 'ascii'

/**
 * The search index's table. Another tokenizer only for what must compare with it: the benchmark
 * of the two, and archives indexed before the tokenizer changed (tests).
 */
export function searchIndexSql(tokenizer: string = FTS_TOKENIZER): string {
  return `CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
  title_s, title_t, body_s, body_t, meta_s, meta_t,
  content='', contentless_delete=1,
  tokenize="${tokenizer}"
);`
}

/**
 * Custom SQL re-applied after every migrate(): idempotent, so an archive whose FTS table was
 * dropped or damaged gets it back at the next open. The FTS table is contentless (the processed
 * text is derived from `articles` by TypeScript, see core/search/indexer.ts) and keyed on the
 * stable integer `articles.id`.
 *
 * Columns: `_s` holds normalised surface forms, `_t` light stems, per field.
 */
export const FTS_SQL = `
${searchIndexSql()}
-- the library sorts undated articles as '' so its keyset stays total; drizzle-kit cannot write
-- an expression index with a comma in it, so it lives here
CREATE INDEX IF NOT EXISTS articles_published_sort_idx ON articles (ifnull(published, ''), id);
-- search reads these for every hit (filters, facets, order): from this narrow index thousands
-- of hits cost a few pages instead of one article row (and its page) each
CREATE INDEX IF NOT EXISTS articles_hit_idx ON articles (id, source_id, published, deleted_at, status);
-- the library's author column sorts by articles.author_key now (schema.ts)
DROP INDEX IF EXISTS articles_author_sort_idx;
`

/** bm25 weights, in column order: exact title forms rank highest, body stems lowest. */
export const FTS_WEIGHTS = [10, 4, 2, 1, 3, 1] as const

/**
 * How many segments a level of the search index gathers before FTS5 merges them, in one pass
 * (its crisismerge is 16 too), rather than a little after every commit (automerge 4, the
 * default): a 31,000-article import wrote a tenth less and ran a fifth faster
 * (bench/import-profile.ts), and a term's lookup reads at most 15 segments per level.
 */
export const FTS_AUTOMERGE = 16

/**
 * How many bytes of new terms FTS5 gathers in memory before writing them out as a segment (its
 * default is 1 MB). An import's chunk holds 20–40 MB of index text: at 1 MB it was flushed some
 * twenty times a chunk, each flush writing every common term again for the merges to read back.
 * At 16 MB the corpus imported a tenth faster (bench/import-profile.ts, 4, 8, 16 and 32 MB tried).
 */
export const FTS_HASHSIZE = 16 * 1024 * 1024

const TUNING: readonly (readonly [string, number])[] = [
  ['automerge', FTS_AUTOMERGE],
  ['hashsize', FTS_HASHSIZE]
]

/**
 * Sets the search index's merge policy and buffer once (they are kept in the index's config
 * table). Never in the way of opening: a damaged index refuses the write, and the open goes on
 * to its checks and recovery as before.
 */
export function tuneSearchIndex(sqlite: Database.Database): void {
  try {
    const current = sqlite.prepare('SELECT v FROM articles_fts_config WHERE k = ?').pluck()
    const set = sqlite.prepare('INSERT INTO articles_fts (articles_fts, rank) VALUES (?, ?)')
    for (const [key, value] of TUNING) {
      // an integer: FTS5 refuses the REAL that better-sqlite3 binds a number as
      if ((current.get(key) as number | undefined) !== value) set.run(key, BigInt(value))
    }
  } catch {
    // the index is damaged or being rebuilt: its tuning can wait for the next open
  }
}
