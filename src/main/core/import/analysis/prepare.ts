/**
 * What the import computes of an article before it writes it, with no access to the archive:
 * the language, the analysed fields for the index, the content hash and the shingles for the
 * near-duplicate check. It runs on the analysis thread (or in the import's own thread for a
 * small import) while the writer writes the chunk before.
 */
import type { ParsedArticle } from '@shared/domain'
import type { Lexicon } from '@shared/text/lexicon'
import { detectLanguage } from '@shared/text/language'
import { contentHashOfSurface } from '../../articles/write'
import { analyzeArticle, type ArticleAnalysis } from '../../search/indexer'
import { bandsOf, MIN_SHINGLES, shingleSetOfSurface } from '../minhash'

export interface PreparedArticle {
  /** the record's title, or the file's name when it has none */
  title: string
  /** the data's own language, else the text's (its direction, and in exports) */
  lang: string | null | undefined
  analysis: ArticleAnalysis
  hash: string
  /** the body's distinct word 5-shingles (see minhash.ts) */
  shingles: Uint32Array
  /** their LSH bands (empty when too few shingles to compare) */
  bands: Int32Array
}

/** A record with neither body nor title is not an article (counted as unusable). */
export function isUsable(article: ParsedArticle): boolean {
  return article.body.trim().length > 0 || article.title.trim().length > 0
}

/** Prepares one record; null when it is unusable. */
export function prepareArticle(
  article: ParsedArticle,
  fileName: string,
  lexicon: Lexicon
): PreparedArticle | null {
  if (!isUsable(article)) return null
  const title = article.title || fileName
  const lang =
    article.lang === undefined ? detectLanguage(`${article.title}\n${article.body}`) : article.lang
  const analysis = analyzeArticle({ ...article, title }, lexicon)
  const shingles = shingleSetOfSurface(analysis.body.surface)
  return {
    title,
    lang,
    analysis,
    hash: contentHashOfSurface(analysis.body.surface),
    shingles,
    bands: shingles.length >= MIN_SHINGLES ? bandsOf(shingles) : new Int32Array(0)
  }
}

/** The analysed words of an article's fields, as the lexicon counts them. */
export function wordsOf(prepared: PreparedArticle): (readonly string[])[] {
  const { title, body, meta } = prepared.analysis
  return [title.words, body.words, meta.words]
}

/** The same without its words, which only the lexicon's counts need: less to copy across. */
export function withoutWords(prepared: PreparedArticle): PreparedArticle {
  const { title, body, meta } = prepared.analysis
  return {
    ...prepared,
    analysis: {
      title: { ...title, words: [] },
      body: { ...body, words: [] },
      meta: { ...meta, words: [] }
    }
  }
}
