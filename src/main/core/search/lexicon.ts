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
import { BASE_LEXICON } from '@shared/text/lexicon'
import type { Lexicon } from '@shared/text/lexicon'
import type { Archive } from '../db/open'
import { stmt } from '../db/statements'

const cache = new WeakMap<Archive, Lexicon>()
const MEMO_LIMIT = 1_000_000

/** The archive's lexicon, one object per open archive (the stemmer memoises per lexicon). */
export function archiveLexicon(archive: Archive): Lexicon {
  let lexicon = cache.get(archive)
  if (lexicon !== undefined) return lexicon
  const memo = new Map<string, boolean>()
  lexicon = {
    has(norm: string): boolean {
      if (BASE_LEXICON.has(norm)) return true
      let known = memo.get(norm)
      if (known === undefined) {
        // normalised words hold only letters and digits, so quoting is all FTS5 needs
        const match = `{title_s body_s meta_s} : "${norm.replaceAll('"', '""')}"`
        const docs = stmt(
          archive.sqlite,
          'SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT 2)'
        )
          .pluck()
          .get(match) as number
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
