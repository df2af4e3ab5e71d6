/**
 * Light Arabic stemmer in the light10 family (Larkey et al.), working on NORMALISED tokens
 * (ة is already ه, أ إ آ are ا, ى is ي).
 *
 * Differences from light10, each to fix a measured trap:
 * - single-letter prepositions ب ل (remainder ≥ 4) and ف ك (remainder ≥ 5) are stripped too, or
 *   whenever the remainder is a protected word (بمصر → مصر);
 * - suffixes never leave fewer than 3 letters (light10 allows 2);
 * - protected words (PROTECTED_WORDS) stop stripping as soon as any intermediate form is one,
 *   checking the least-stripped forms first, so فلسطيني → فلسطين and واشنطن stays whole.
 * Non-Arabic tokens (Latin, digits) are returned unchanged.
 */
import { normalizeText } from './normalize'
import { PROTECTED_WORDS } from './protectedWords'

/** Suffixes in light10 order (ية and ة appear here as يه and ه), each stripped at most once. */
const SUFFIXES: readonly string[] = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي']

/** Definite article with its proclitics, longest first. */
const ARTICLES: readonly string[] = ['بال', 'كال', 'فال', 'لل', 'ال']

/** Single-letter prepositions and the shortest remainder each may leave. */
const SINGLE_PREFIX_MIN_REST: ReadonlyMap<string, number> = new Map([
  ['ب', 4],
  ['ل', 4],
  ['ف', 5],
  ['ك', 5]
])

const MIN_STEM = 3
const MIN_AFTER_ARTICLE = 2
const MIN_AFTER_CONJUNCTION = 3

// Indexing stems millions of tokens drawn from a much smaller vocabulary: memoise.
const STEM_CACHE = new Map<string, string>()
const STEM_CACHE_LIMIT = 200_000

const PROTECTED_SET: ReadonlySet<string> = new Set(PROTECTED_WORDS.map((w) => normalizeText(w)))

/** Whether a normalised word is on the protected list. */
export function isProtectedWord(norm: string): boolean {
  return PROTECTED_SET.has(norm)
}

function isArabicLetterCode(c: number): boolean {
  return c >= 0x0620 && c <= 0x06ff
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
  // 2. Article, possibly with a preposition; else a single-letter preposition.
  const article = ARTICLES.find((p) => x.startsWith(p) && x.length - p.length >= MIN_AFTER_ARTICLE)
  if (article !== undefined) {
    forms.push(x.slice(article.length))
    return forms
  }
  const minRest = SINGLE_PREFIX_MIN_REST.get(x[0])
  if (minRest !== undefined) {
    const rest = x.slice(1)
    if (rest.length >= minRest || (rest.length >= 2 && PROTECTED_SET.has(rest))) forms.push(rest)
  }
  return forms
}

/**
 * Strips suffixes in order; calls `stop` after each strip and returns early when it says so.
 * Returns the stripped word, or the protected intermediate form.
 */
function stripSuffixes(w: string, stop?: (form: string) => boolean): string {
  let x = w
  for (const suffix of SUFFIXES) {
    if (x.length - suffix.length >= MIN_STEM && x.endsWith(suffix)) {
      x = x.slice(0, x.length - suffix.length)
      if (stop?.(x) === true) return x
    }
  }
  return x
}

/**
 * Light stem of one NORMALISED token (output of tokenize/normalizeText). The result is what goes
 * into the `_t` (stem) columns of the index and what query words are matched against there.
 */
export function stemWord(norm: string): string {
  if (norm.length < MIN_STEM || !isArabicLetterCode(norm.charCodeAt(0))) return norm
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
  let protectedForm: string | undefined
  const isProtected = (f: string): boolean => {
    if (!PROTECTED_SET.has(f)) return false
    protectedForm = f
    return true
  }
  for (const form of forms) {
    if (isProtected(form)) return form
    stripSuffixes(form, isProtected)
    if (protectedForm !== undefined) return protectedForm
  }
  return stripSuffixes(forms[forms.length - 1])
}
