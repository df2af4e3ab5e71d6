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
 *
 * A big import stems on its analysis thread (import/analysis), which starts from a copy of these
 * answers and counts and sends back what it learns (`lexiconState`, `adoptLexicon`), so the
 * queries of the session go on stemming as the index was stemmed.
 */
import type Database from 'better-sqlite3'
import type { Lexicon } from '@shared/text/lexicon'
import type { Archive } from '../db/open'
import { answeringLexicon, lookupConnection, wordCounter } from './lexicon-answers'

interface Cached {
  lexicon: Lexicon
  /** its answers so far: the import's analysis thread starts from a copy of them */
  memo: Map<string, boolean>
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
  /** the counts it changed (none once the counts no longer stand for the index) */
  commit(): [string, number][]
}

export function importedWords(archive: Archive): ImportedWords | null {
  archiveLexicon(archive)
  const session = sessionOf(archive)
  if (session === null) return null
  const counter = wordCounter(session.counts)
  return {
    add: (fields) => counter.add(fields),
    commit() {
      // an edit between the chunk's start and its commit would have ended the session
      return sessionOf(archive) === session ? counter.apply() : []
    }
  }
}

/**
 * What the lexicon knows now, for the import's analysis thread to answer alike: its answers so
 * far and, while the import's counts stand in for lookups, those counts (else null).
 */
export function lexiconState(archive: Archive): {
  memo: Map<string, boolean>
  counts: Map<string, number> | null
} {
  archiveLexicon(archive)
  return { memo: cache.get(archive)!.memo, counts: sessionOf(archive)?.counts ?? null }
}

/**
 * What the analysis thread learnt: its new answers (kept unless this thread answered first) and
 * the counts a committed chunk changed (dropped once the counts no longer stand for the index).
 */
export function adoptLexicon(
  archive: Archive,
  answers: readonly (readonly [string, boolean])[],
  counts: readonly (readonly [string, number])[]
): void {
  const memo = lexiconState(archive).memo
  for (const [word, known] of answers) if (!memo.has(word)) memo.set(word, known)
  const session = sessionOf(archive)
  if (session !== null) for (const [word, count] of counts) session.counts.set(word, count)
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
  // inside Electron the Node build of the addon cannot load: use the archive's own
  const connection = lookupConnection(archive.file, archive.options.nativeBinding)
  sessions.set(
    archive,
    indexIsEmpty(connection.reader()) ? { counts: new Map(), connection: archive.sqlite } : null
  )
  const lexicon = answeringLexicon({
    memo,
    counts: () => sessionOf(archive)?.counts ?? null,
    lookup: connection.statement
  })
  cache.set(archive, {
    lexicon,
    memo,
    connection: archive.sqlite,
    closeReader: connection.close
  })
  return lexicon
}
