/**
 * Light Arabic stemmer in the light10 family (Larkey et al.), working on NORMALISED tokens
 * (ة is already ه, أ إ آ are ا, ى is ي).
 *
 * Differences from light10, each to fix a measured trap:
 * - the one-letter prepositions ب ل ف ك are stripped only when what remains is a word the
 *   LEXICON knows and the word itself never takes the article (البطاقه, البلديه, البرامج show
 *   that ب is a root letter there; فبراير → براير is not a word), or when the rest is protected;
 * - tanween alef (اعتراضاً, normalised اعتراضا), the feminine past ت (قامت, افرجت) and ة before a
 *   pronoun (حكومته, اسرتهم → حكومه) are reduced under the same lexicon check;
 * - suffixes never leave fewer than 3 letters (light10 allows 2), and ان ون ين fewer than 4;
 * - a preposition before a protected word is stripped first (بالله → الله, not ب+ال+له);
 * - protected words (PROTECTED_WORDS) stop stripping as soon as any intermediate form is one,
 *   checking the least-stripped forms first, so فلسطيني → فلسطين and واشنطن stays whole; their
 *   plural and pronoun forms reach them (الولايات → ولايه, وفاته → وفاه).
 * The stemmer is pure: the lexicon is passed in (the archive's own vocabulary in the app, see
 * core/search/lexicon.ts; the shipped BASE_LEXICON otherwise). Non-Arabic tokens are unchanged.
 */
import { BASE_LEXICON } from './lexicon'
import type { Lexicon } from './lexicon'
import { normalizeText } from './normalize'
import { PROTECTED_WORDS } from './protectedWords'

/**
 * Suffixes in light10 order (ية and ة appear here as يه and ه), each stripped at most once, with
 * the shortest stem each may leave. The plural/dual endings need 4 letters left because many
 * common words end in those letters as part of the root (تعاون, قانون, انسان, عنوان).
 */
const SUFFIXES: readonly (readonly [string, number])[] = [
  ['ها', 3],
  ['ان', 4],
  ['ات', 3],
  ['ون', 4],
  ['ين', 4],
  ['يه', 3],
  ['ه', 3],
  ['ي', 3]
]

/** Pronoun suffixes that can stand after ة (written ت then): حكومتها، حكومته، حكومتهم. */
const PRONOUNS_AFTER_TA: readonly string[] = ['هما', 'هم', 'ها', 'ه', 'كم', 'نا']

/** Definite article with its proclitics, longest first. */
const ARTICLES: readonly string[] = ['بال', 'كال', 'فال', 'لل', 'ال']

/** Single-letter prepositions: the shortest remainder each may leave. */
const SINGLE_PREFIX_MIN_REST: ReadonlyMap<string, number> = new Map([
  ['ب', 4],
  ['ل', 4],
  ['ف', 4],
  ['ك', 4]
])

const MIN_AFTER_ARTICLE = 2
const MIN_AFTER_CONJUNCTION = 3

// Indexing stems millions of tokens drawn from a much smaller vocabulary: memoise, per lexicon.
interface StemCache {
  stems: Map<string, string>
  /** how many times the memo was cleared: a caller keeping stems of its own checks it */
  generation: number
}
const STEM_CACHES = new WeakMap<Lexicon, StemCache>()
const STEM_CACHE_LIMIT = 500_000

const PROTECTED_SET: ReadonlySet<string> = new Set(PROTECTED_WORDS.map((w) => normalizeText(w)))

/** Whether a normalised word is on the protected list. */
export function isProtectedWord(norm: string): boolean {
  return PROTECTED_SET.has(norm)
}

function isArabicLetterCode(c: number): boolean {
  return c >= 0x0620 && c <= 0x06ff
}

/** A word the article cannot precede is not a noun: its first letter may be a clitic. */
function takesArticle(word: string, lexicon: Lexicon): boolean {
  return lexicon.has(`ال${word}`)
}

/**
 * ة written ت before a pronoun: the singular with ة (as ه) when `x` ends so and it is known
 * (حكومت → حكومه) or protected; else undefined.
 */
function taMarbutaOf(x: string, known: (w: string) => boolean): string | undefined {
  if (x.length < 4 || !x.endsWith('ت')) return undefined
  const singular = `${x.slice(0, -1)}ه`
  return known(singular) ? singular : undefined
}

/**
 * Strips suffixes in order. With `stopAt`, returns the first form (the word itself included) that
 * is protected, or undefined when none is; without it, returns the fully stripped word.
 */
function stripSuffixes(
  w: string,
  lexicon: Lexicon,
  stopAt?: ReadonlySet<string>
): string | undefined {
  let x = w
  if (stopAt?.has(x) === true) return x
  // protected mode: the singular is protected itself or as a stem (وزاره reaches وزار)
  const known = (v: string): boolean =>
    stopAt !== undefined
      ? stopAt.has(v) || (v.endsWith('ه') && stopAt.has(v.slice(0, -1)))
      : lexicon.has(v)
  // ة + pronoun first: the pronoun goes, and the ت is the ة again (وفاته → وفاه).
  for (const pronoun of PRONOUNS_AFTER_TA) {
    if (x.length - pronoun.length < 4 || !x.endsWith(pronoun)) continue
    const singular = taMarbutaOf(x.slice(0, x.length - pronoun.length), known)
    if (singular !== undefined) {
      x = singular
      if (stopAt?.has(x) === true) return x
      break
    }
  }
  // A feminine plural of a protected word meets its singular (الولايات → ولايه).
  if (stopAt !== undefined && x.endsWith('ات') && stopAt.has(`${x.slice(0, -2)}ه`)) {
    return `${x.slice(0, -2)}ه`
  }
  if (stopAt === undefined && x.length >= 5 && x.endsWith('ا') && !x.endsWith('وا')) {
    // tanween alef (اعتراضاً), only when the bare word is known
    const bare = x.slice(0, -1)
    if (lexicon.has(bare)) x = bare
  }
  if (stopAt === undefined && x.length >= 4 && x.endsWith('ت') && !x.endsWith('ات')) {
    // feminine past ت (قامت, افرجت): a known verb, never seen with the article
    const verb = x.slice(0, -1)
    if (lexicon.has(verb) && !takesArticle(x, lexicon)) return stripSuffixes(verb, lexicon)
  }
  for (const [suffix, minStem] of SUFFIXES) {
    if (x.length - suffix.length >= minStem && x.endsWith(suffix)) {
      x = x.slice(0, x.length - suffix.length)
      if (stopAt?.has(x) === true) return x
    }
  }
  return stopAt === undefined ? x : undefined
}

/** The protected word `form` is or reaches by stripping suffixes (فلسطيني → فلسطين). */
function protectedStemOf(form: string, lexicon: Lexicon): string | undefined {
  return stripSuffixes(form, lexicon, PROTECTED_SET)
}

/** The word after each prefix step, least stripped first (the word itself included). */
function prefixForms(w: string, lexicon: Lexicon): string[] {
  const forms = [w]
  let x = w
  // 1. Conjunction و (light10: remainder of at least 3 letters).
  if (x.startsWith('و') && x.length - 1 >= MIN_AFTER_CONJUNCTION) {
    x = x.slice(1)
    forms.push(x)
  }
  // 2. A preposition glued to a protected word: بالله = ب + الله, للجنة = ل + لجنة, بمصر.
  const rest = x.slice(1)
  const minRest = SINGLE_PREFIX_MIN_REST.get(x[0])
  if (minRest !== undefined && rest.length >= 2 && protectedStemOf(rest, lexicon) !== undefined) {
    forms.push(rest)
    return forms
  }
  // 3. Article, possibly with a preposition; else a single-letter preposition, when what remains
  //    is a word the lexicon knows and the whole is no noun (no البطاقه beside بطاقه).
  const article = ARTICLES.find((p) => x.startsWith(p) && x.length - p.length >= MIN_AFTER_ARTICLE)
  if (article !== undefined) forms.push(x.slice(article.length))
  else if (
    minRest !== undefined &&
    rest.length >= minRest &&
    lexicon.has(rest) &&
    !takesArticle(x, lexicon)
  ) {
    forms.push(rest)
  }
  return forms
}

/**
 * Light stem of one NORMALISED token (output of tokenize/normalizeText). The result is what goes
 * into the `_t` (stem) columns of the index and what query words are matched against there, so
 * the index and the query must pass the same lexicon.
 */
export function stemWord(norm: string, lexicon: Lexicon = BASE_LEXICON): string {
  if (norm.length < 3 || !isArabicLetterCode(norm.charCodeAt(0))) return norm
  return cachedStem(norm, lexicon, stemCacheOf(lexicon))
}

/**
 * `stemWord` bound to one lexicon, its memo found once: what the indexer calls per token (a
 * field of thousands of tokens then makes one WeakMap lookup, not one per token).
 */
export function stemmerOf(lexicon: Lexicon = BASE_LEXICON): (norm: string) => string {
  const cache = stemCacheOf(lexicon)
  return (norm) =>
    norm.length < 3 || !isArabicLetterCode(norm.charCodeAt(0))
      ? norm
      : cachedStem(norm, lexicon, cache)
}

/** A stemmer bound to one lexicon, and how many times its memo has been cleared. */
export interface CountedStemmer {
  stem(norm: string): string
  /**
   * Changes each time the memo of the lexicon's stems is cleared. A caller that keeps the stems
   * it was given (the import's vocabulary) asks again once this changes, so that it stems exactly
   * as calling `stemWord` for every token would: a word stemmed again after a clear is stemmed
   * with what the lexicon knows then.
   */
  generation(): number
}

export function countedStemmerOf(lexicon: Lexicon = BASE_LEXICON): CountedStemmer {
  const cache = stemCacheOf(lexicon)
  return { stem: stemmerOf(lexicon), generation: () => cache.generation }
}

function stemCacheOf(lexicon: Lexicon): StemCache {
  let cache = STEM_CACHES.get(lexicon)
  if (cache === undefined) {
    cache = { stems: new Map(), generation: 0 }
    STEM_CACHES.set(lexicon, cache)
  }
  return cache
}

function cachedStem(norm: string, lexicon: Lexicon, cache: StemCache): string {
  let stem = cache.stems.get(norm)
  if (stem === undefined) {
    // A news vocabulary is a few hundred thousand words; clearing keeps memory bounded.
    if (cache.stems.size >= STEM_CACHE_LIMIT) {
      cache.stems.clear()
      cache.generation++
    }
    stem = computeStem(norm, lexicon)
    cache.stems.set(norm, stem)
  }
  return stem
}

function computeStem(norm: string, lexicon: Lexicon): string {
  const forms = prefixForms(norm, lexicon)
  for (const form of forms) {
    const kept = protectedStemOf(form, lexicon)
    if (kept !== undefined) return kept
  }
  return stripSuffixes(forms[forms.length - 1], lexicon) ?? norm
}
