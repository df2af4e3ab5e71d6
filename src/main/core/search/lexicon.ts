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
 */
import Database from 'better-sqlite3'
import { BASE_LEXICON } from '@shared/text/lexicon'
import type { Lexicon } from '@shared/text/lexicon'
import type { Archive } from '../db/open'

const cache = new WeakMap<Archive, Lexicon>()
const MEMO_LIMIT = 1_000_000
const LOOKUP =
  'SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT 2)'

/**
 * Lookups run on a read-only connection of their own: a MATCH on the writing connection inside
 * an import's transaction makes FTS5 flush its pending terms into a new segment at every lookup,
 * which slowed a 31,000-article import many times over. The reader sees committed articles only,
 * which is what a lexicon needs. It is closed with the archive.
 */
function lookupConnection(archive: Archive): () => Database.Statement | null {
  let reader: Database.Database | null = null
  let statement: Database.Statement | null = null
  const close = archive.close.bind(archive)
  archive.close = () => {
    reader?.close()
    reader = null
    close()
  }
  return () => {
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
}

/** The archive's lexicon, one object per open archive (the stemmer memoises per lexicon). */
export function archiveLexicon(archive: Archive): Lexicon {
  let lexicon = cache.get(archive)
  if (lexicon !== undefined) return lexicon
  const memo = new Map<string, boolean>()
  const lookup = lookupConnection(archive)
  lexicon = {
    has(norm: string): boolean {
      if (BASE_LEXICON.has(norm)) return true
      let known = memo.get(norm)
      if (known === undefined) {
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
  cache.set(archive, lexicon)
  return lexicon
}
