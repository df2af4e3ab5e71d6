/**
 * The lexicon the stemmer checks before stripping a one-letter preposition, a tanween alef or a
 * feminine ت (see @shared/text/stem.ts): a word is known when the archive's index holds it as a
 * surface form in at least two articles (one article's typo is no word), or when the shipped
 * BASE_LEXICON has it.
 *
 * Words are looked up in the index itself, on demand (a MATCH with LIMIT 2, ~0.1 ms), and each
 * answer is kept for the session, so the index and the queries of a session stem alike and the
 * lexicon follows the archive as it grows. Loading the whole vocabulary instead (fts5vocab) took
 * 5 s on 31,000 articles. A word's answer can change between sessions as articles arrive; its
 * exact forms still match then (surface columns), and `warraq rebuild-index` (or the rebuild the
 * open sequence runs when ANALYZER_VERSION changes) re-stems everything alike.
 *
 * An import into an archive whose index was empty when the lexicon was made needs no lookup at
 * all: every committed article then came through the import, which counts its surface words
 * here once its chunk commits (`importedWords`), so the count in memory is the count the index
 * would give. On 6,000 articles that replaced 30,000 lookups (2.2 s) by counts costing 1.8 s, but
 * the counts grow with the words imported, the lookups with the index's size. Any other change
 * of the index (an edit, a deletion, a rebuild, a restore) ends this and the lookups take over.
 */
import Database from 'better-sqlite3'
import { BASE_LEXICON } from '@shared/text/lexicon'
import type { Lexicon } from '@shared/text/lexicon'
import type { Archive } from '../db/open'

interface Cached {
  lexicon: Lexicon
  /** the connection it was made for: a restore reopens the archive on another file */
  connection: Database.Database
  closeReader(): void
}
const cache = new WeakMap<Archive, Cached>()

/**
 * Surface words of the committed articles, each counted up to 2 (what `has` asks), while every
 * article of the index came through the import: null once that is no longer known.
 */
interface SessionWords {
  counts: Map<string, number>
  /** the connection the counts were made on: a restore or a reopen replaces it */
  connection: Database.Database
}
const sessions = new WeakMap<Archive, SessionWords | null>()

/** The index changed other than by an import's chunk: the counts no longer tell, look up. */
export function indexChangedOutsideImport(archive: Archive): void {
  sessions.set(archive, null)
}

function sessionOf(archive: Archive): SessionWords | null {
  const session = sessions.get(archive)
  if (session === undefined || session === null) return null
  if (session.connection !== archive.sqlite) {
    sessions.set(archive, null)
    return null
  }
  return session
}

/**
 * The surface words of the articles one import transaction writes: `add` each article's
 * analysed surfaces, `commit` once the transaction has committed. Null when nothing needs
 * counting (the lexicon looks words up in the index).
 */
export interface ImportedWords {
  /** one written article's analysed fields: their normalised words */
  add(fields: readonly (readonly string[])[]): void
  commit(): void
}

export function importedWords(archive: Archive): ImportedWords | null {
  archiveLexicon(archive)
  const session = sessionOf(archive)
  if (session === null) return null
  const { counts } = session
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
    commit() {
      // an edit between the chunk's start and its commit would have ended the session
      if (sessionOf(archive) !== session) return
      for (const [word, seen] of pending) {
        counts.set(word, Math.min(2, (counts.get(word) ?? 0) + (seen % 4)))
      }
      pending.clear()
    }
  }
}

/** Whether the committed index holds no article (read on the lexicon's own connection). */
function indexIsEmpty(reader: Database.Database | null): boolean {
  if (reader === null) return false
  try {
    return reader.prepare('SELECT rowid FROM articles_fts LIMIT 1').get() === undefined
  } catch {
    return false
  }
}
const MEMO_LIMIT = 1_000_000
const LOOKUP =
  'SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT 2)'

/**
 * Lookups run on a read-only connection of their own: a MATCH on the writing connection inside
 * an import's transaction makes FTS5 flush its pending terms into a new segment at every lookup,
 * which slowed a 31,000-article import many times over. The reader sees committed articles only,
 * which is what a lexicon needs. It is closed with the archive, or when a restore replaces it.
 */
function lookupConnection(archive: Archive): {
  statement: () => Database.Statement | null
  reader: () => Database.Database | null
  close: () => void
} {
  let reader: Database.Database | null = null
  let statement: Database.Statement | null = null
  const statementOf = (): Database.Statement | null => {
    if (statement !== null && reader?.open === true) return statement
    try {
      reader = new Database(archive.file, {
        readonly: true,
        fileMustExist: true,
        // inside Electron the Node build of the addon cannot load: use the archive's own
        nativeBinding: archive.options.nativeBinding
      })
      statement = reader.prepare(LOOKUP).pluck()
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

/**
 * The archive's lexicon, one object per connection of the archive (the stemmer memoises per
 * lexicon): after a restore, the answers and the reader of the file it replaced are dropped.
 */
export function archiveLexicon(archive: Archive): Lexicon {
  const cached = cache.get(archive)
  if (cached !== undefined && cached.connection === archive.sqlite) return cached.lexicon
  if (cached === undefined) archive.onClose(() => cache.get(archive)?.closeReader())
  else cached.closeReader()
  const memo = new Map<string, boolean>()
  const connection = lookupConnection(archive)
  const lookup = connection.statement
  sessions.set(
    archive,
    indexIsEmpty(connection.reader()) ? { counts: new Map(), connection: archive.sqlite } : null
  )
  const lexicon: Lexicon = {
    has(norm: string): boolean {
      if (BASE_LEXICON.has(norm)) return true
      let known = memo.get(norm)
      const session = known === undefined ? sessionOf(archive) : null
      if (known === undefined && session !== null) {
        known = session.counts.get(norm) === 2
        if (memo.size >= MEMO_LIMIT) memo.clear()
        memo.set(norm, known)
      } else if (known === undefined) {
        // normalised words hold only letters and digits, so quoting is all FTS5 needs
        const match = `{title_s body_s meta_s} : "${norm.replaceAll('"', '""')}"`
        const statement = lookup()
        let docs = 0
        try {
          docs = statement === null ? 0 : (statement.get(match) as number)
        } catch {
          docs = 0 // the index is being rebuilt or damaged: the shipped words still stand
        }
        known = docs >= 2
        if (memo.size >= MEMO_LIMIT) memo.clear()
        memo.set(norm, known)
      }
      return known
    }
  }
  cache.set(archive, { lexicon, connection: archive.sqlite, closeReader: connection.close })
  return lexicon
}
