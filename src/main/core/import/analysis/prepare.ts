/**
 * What the import computes of an article before it writes it, with no access to the archive:
 * the language, the analysed fields for the index, the content hash and the shingles for the
 * near-duplicate check. It runs on the analysis thread (or in the import's own thread for a
 * small import) while the writer writes the chunk before.
 */
import type { ParsedArticle } from '@shared/domain'
import { detectArticleLanguage } from '@shared/text/language'
import { contentHashOfSurface } from '../../articles/write'
import { analyzeFields, columnsOf, type IndexColumns } from '../../search/indexer'
import { bandsOf, enoughShingles, shinglesOfSurface, shinglesOfWords } from '../minhash'

export interface PreparedArticle {
  /** the record's title, or the file's name when it has none */
  title: string
  /** the data's own language, else the text's (its direction, and in exports) */
  lang: string | null | undefined
  /** the article's row in the search index */
  index: IndexColumns
  /** how many words the body has (a placeholder's are few, see identity.ts) */
  bodyWords: number
  hash: string
  /** the body's word 5-shingles in text order, repeats included (see minhash.ts) */
  shingles: Uint32Array
  /** their LSH bands (empty when too few different shingles to compare) */
  bands: Int32Array
}

/** A field analysed for the index, its words in whatever form its analyser keeps them. */
export interface AnalysedField<W> {
  surface: string
  stems: string
  words: readonly W[]
  /** the words' hashes for shingles (minhash.ts), when the analyser keeps them */
  wordHashes?: Uint32Array
}

/** A prepared record, and the analysed words of its fields, which the lexicon counts. */
export interface Prepared<W> {
  article: PreparedArticle
  words: (readonly W[])[]
}

/** A record with neither body nor title is not an article (counted as unusable). */
export function isUsable(article: ParsedArticle): boolean {
  return article.body.trim().length > 0 || article.title.trim().length > 0
}

/**
 * Prepares one record; null when it is unusable. `analyze` is analyzeForIndex with the archive's
 * lexicon, or what gives the same (the analysis thread's vocabulary).
 */
export function prepareArticle<W>(
  article: ParsedArticle,
  fileName: string,
  analyze: (text: string) => AnalysedField<W>
): Prepared<W> | null {
  if (!isUsable(article)) return null
  const title = article.title || fileName
  const lang =
    article.lang === undefined ? detectArticleLanguage(article.title, article.body) : article.lang
  const analysis = analyzeFields({ ...article, title }, analyze)
  const { body } = analysis
  const shingles = body.wordHashes
    ? shinglesOfWords(body.wordHashes, body.wordHashes.length)
    : shinglesOfSurface(body.surface)
  return {
    article: {
      title,
      lang,
      index: columnsOf(analysis),
      bodyWords: analysis.body.words.length,
      hash: contentHashOfSurface(analysis.body.surface),
      shingles,
      bands: enoughShingles(shingles) ? bandsOf(shingles) : new Int32Array(0)
    },
    words: [analysis.title.words, analysis.body.words, analysis.meta.words]
  }
}

/** The buffers of a prepared article that cross to the writer moved rather than copied. */
export function movedBuffers(prepared: PreparedArticle): ArrayBuffer[] {
  return [prepared.shingles.buffer as ArrayBuffer, prepared.bands.buffer as ArrayBuffer]
}
