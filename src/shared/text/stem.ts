/**
 * Light Arabic stemmer in the light10 family (Larkey et al.), working on NORMALISED tokens
 * (ة is already ه, أ إ آ are ا, ى is ي).
 *
 * Differences from light10, each to fix a measured trap:
 * - single-letter prepositions ب ل (remainder ≥ 4) and ف ك (remainder ≥ 5) are stripped too, or
 *   whenever the remainder is a protected word (بمصر → مصر);
 * - suffixes never leave fewer than 3 letters (light10 allows 2), and ان ون ين fewer than 4;
 * - a preposition before a protected word is stripped first (بالله → الله, not ب+ال+له);
 * - protected words (PROTECTED_WORDS) stop stripping as soon as any intermediate form is one,
 *   checking the least-stripped forms first, so فلسطيني → فلسطين and واشنطن stays whole.
 * Non-Arabic tokens (Latin, digits) are returned unchanged.
 */
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

/** Definite article with its proclitics, longest first. */
const ARTICLES: readonly string[] = ['بال', 'كال', 'فال', 'لل', 'ال']

/** Single-letter prepositions and the shortest remainder each may leave. */
const SINGLE_PREFIX_MIN_REST: ReadonlyMap<string, number> = new Map([
  ['ب', 4],
  ['ل', 4],
  ['ف', 5],
  ['ك', 5]
])

const MIN_AFTER_ARTICLE = 2
const MIN_AFTER_CONJUNCTION = 3

// Indexing stems millions of tokens drawn from a much smaller vocabulary: memoise.
const STEM_CACHE = new Map<string, string>()
const STEM_CACHE_LIMIT = 500_000

const PROTECTED_SET: ReadonlySet<string> = new Set(PROTECTED_WORDS.map((w) => normalizeText(w)))

/** Whether a normalised word is on the protected list. */
export function isProtectedWord(norm: string): boolean {
  return PROTECTED_SET.has(norm)
}

function isArabicLetterCode(c: number): boolean {
  return c >= 0x0620 && c <= 0x06ff
}

/**
 * Strips suffixes in order. With `stopAt`, returns the first form (the word itself included) that
 * is protected, or undefined when none is; without it, returns the fully stripped word.
 */
function stripSuffixes(w: string, stopAt?: ReadonlySet<string>): string | undefined {
  let x = w
  if (stopAt?.has(x) === true) return x
  for (const [suffix, minStem] of SUFFIXES) {
    if (x.length - suffix.length >= minStem && x.endsWith(suffix)) {
      x = x.slice(0, x.length - suffix.length)
      if (stopAt?.has(x) === true) return x
    }
  }
  return stopAt === undefined ? x : undefined
}

/** The protected word `form` is or reaches by stripping suffixes (فلسطيني → فلسطين). */
function protectedStemOf(form: string): string | undefined {
  return stripSuffixes(form, PROTECTED_SET)
}

/** The word after each prefix step, least stripped first (the word itself included). */
function prefixForms(w: string): string[] {
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
  if (minRest !== undefined && rest.length >= 2 && protectedStemOf(rest) !== undefined) {
    forms.push(rest)
    return forms
  }
  // 3. Article, possibly with a preposition; else a single-letter preposition.
  const article = ARTICLES.find((p) => x.startsWith(p) && x.length - p.length >= MIN_AFTER_ARTICLE)
  if (article !== undefined) forms.push(x.slice(article.length))
  else if (minRest !== undefined && rest.length >= minRest) forms.push(rest)
  return forms
}

/**
 * Light stem of one NORMALISED token (output of tokenize/normalizeText). The result is what goes
 * into the `_t` (stem) columns of the index and what query words are matched against there.
 */
export function stemWord(norm: string): string {
  if (norm.length < 3 || !isArabicLetterCode(norm.charCodeAt(0))) return norm
  let stem = STEM_CACHE.get(norm)
  if (stem === undefined) {
    // A news vocabulary is a few hundred thousand words; clearing keeps memory bounded.
    if (STEM_CACHE.size >= STEM_CACHE_LIMIT) STEM_CACHE.clear()
    stem = computeStem(norm)
    STEM_CACHE.set(norm, stem)
  }
  return stem
}

function computeStem(norm: string): string {
  const forms = prefixForms(norm)
  for (const form of forms) {
    const kept = protectedStemOf(form)
    if (kept !== undefined) return kept
  }
  return stripSuffixes(forms[forms.length - 1]) ?? norm
}
