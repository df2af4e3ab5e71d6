/**
 * How the lexicon answers `has(word)`, wherever it runs: on the archive's thread (lexicon.ts)
 * and on the import's analysis thread (import/analysis), which keeps a copy of the same memo and
 * counts so that both stem alike. See lexicon.ts for why words are counted or looked up.
 */
import Database from 'better-sqlite3'
import { BASE_LEXICON } from '@shared/text/lexicon'
import type { Lexicon } from '@shared/text/lexicon'

const MEMO_LIMIT = 1_000_000

/** Whether a word is in at least two committed articles: the count is 2 (LIMIT 2). */
export const LOOKUP_SQL =
  'SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT 2)'

export interface AnswerSources {
  /** every answer given, kept for the session (and copied between threads) */
  memo: Map<string, boolean>
  /** the counts of an import session (see lexicon.ts), or null: look the word up */
  counts(): Map<string, number> | null
  /** LOOKUP_SQL prepared on a read-only connection, or null when there is none */
  lookup(): Database.Statement | null
  /** told of each new answer (the analysis thread sends them back to the archive's) */
  answered?(norm: string, known: boolean): void
}

export function answeringLexicon(sources: AnswerSources): Lexicon {
  const { memo } = sources
  return {
    has(norm: string): boolean {
      if (BASE_LEXICON.has(norm)) return true
      let known = memo.get(norm)
      if (known !== undefined) return known
      const counts = sources.counts()
      if (counts !== null) {
        known = counts.get(norm) === 2
      } else {
        // normalised words hold only letters and digits, so quoting is all FTS5 needs
        const match = `{title_s body_s meta_s} : "${norm.replaceAll('"', '""')}"`
        const statement = sources.lookup()
        let docs = 0
        try {
          docs = statement === null ? 0 : (statement.get(match) as number)
        } catch {
          docs = 0 // the index is being rebuilt or damaged: the shipped words still stand
        }
        known = docs >= 2
      }
      if (memo.size >= MEMO_LIMIT) memo.clear()
      memo.set(norm, known)
      sources.answered?.(norm, known)
      return known
    }
  }
}

/**
 * Counts the surface words of written articles, each up to 2 (what `has` asks): `add` each
 * article's analysed fields, `apply` once their transaction has committed, which returns the
 * counts it changed.
 */
export interface WordCounter {
  add(fields: readonly (readonly string[])[]): void
  apply(): [string, number][]
}

export function wordCounter(counts: Map<string, number>): WordCounter {
  // per word: 4 × the last article that had it + the chunk's articles that had it (1 or 2)
  const pending = new Map<string, number>()
  let article = 0
  return {
    add(fields) {
      article++
      for (const words of fields) {
        for (let i = 0; i < words.length; i++) {
          const word = words[i]
          if (counts.get(word) === 2) continue
          const seen = pending.get(word)
          if (seen === undefined) pending.set(word, article * 4 + 1)
          else if (Math.floor(seen / 4) !== article && seen % 4 < 2) {
            pending.set(word, article * 4 + (seen % 4) + 1)
          }
        }
      }
    },
    apply() {
      const changed: [string, number][] = []
      for (const [word, seen] of pending) {
        const count = Math.min(2, (counts.get(word) ?? 0) + (seen % 4))
        counts.set(word, count)
        changed.push([word, count])
      }
      pending.clear()
      article = 0
      return changed
    }
  }
}

/**
 * Lookups run on a read-only connection of their own: a MATCH on the writing connection inside
 * an import's transaction makes FTS5 flush its pending terms into a new segment at every lookup,
 * which slowed a 31,000-article import many times over. The reader sees committed articles only,
 * which is what a lexicon needs. The archive closes it with itself, or when a restore replaces it; the
 * analysis thread opens one of its own.
 */
export function lookupConnection(
  file: string,
  nativeBinding: string | undefined
): {
  statement: () => Database.Statement | null
  reader: () => Database.Database | null
  close: () => void
} {
  let reader: Database.Database | null = null
  let statement: Database.Statement | null = null
  const statementOf = (): Database.Statement | null => {
    if (statement !== null && reader?.open === true) return statement
    try {
      reader = new Database(file, { readonly: true, fileMustExist: true, nativeBinding })
      statement = reader.prepare(LOOKUP_SQL).pluck()
      return statement
    } catch {
      return null // an archive without a file on disk (or not yet committed): shipped words only
    }
  }
  return {
    statement: statementOf,
    reader: () => (statementOf() === null ? null : reader),
    close: () => {
      reader?.close()
      reader = null
    }
  }
}
