/**
 * Alphabetical sort keys for titles, authors and source names, stored beside each value and
 * indexed `(key, id)` so the library pages through a million articles in Arabic order with a
 * plain binary comparison (SQLite compares UTF-8 bytes, which is code-point order).
 *
 * The Arabic letters' code points already follow the alphabet (ا ب ت ث … ن ه و ي) except for the
 * alef forms, ة and ى; the search normaliser folds exactly those (آ أ إ ٱ → ا, ة → ه, ى → ي) and
 * drops harakat, tatweel and invisible marks, so the key starts from it. Then:
 * - leading punctuation, quotes, brackets and spaces are dropped: «"الخبر"» files under ا;
 * - runs of spaces become one, so a double space does not move a title;
 * - after the folded text comes U+0001 and the value itself: two values that fold alike
 *   (أحمد / احمد) keep one stable order between them, and U+0001 sorts below every character,
 *   so "احمد" comes before "احمد علي" and before "احمدي".
 * An empty key means an empty value (or punctuation only): the library lists those last.
 */
import { normalizeText } from './normalize'

/** The separator between the folded text and the tiebreak: below every printable character. */
export const SORT_KEY_TIEBREAK = '\u0001'

/** Long values are cut: the first words decide the order, and the index stays small. */
const MAX_LENGTH = 96

const LEADING = /^[^\p{L}\p{N}]+/u
const SPACES = /\s+/gu

/** The folded, comparable part of a value's key; also what a jump ("go to م") seeks. */
export function sortFold(value: string | null | undefined): string {
  if (!value) return ''
  return normalizeText(value)
    .replace(LEADING, '')
    .replace(SPACES, ' ')
    .trimEnd()
    .slice(0, MAX_LENGTH)
}

/** The stored key of a value: folded text, the tiebreak separator, then the value; '' if empty. */
export function sortKey(value: string | null | undefined): string {
  const folded = sortFold(value)
  if (!folded) return ''
  return `${folded}${SORT_KEY_TIEBREAK}${value!.trim().slice(0, MAX_LENGTH)}`
}

/** The key of an article's authors: its first author's, as the library's author column shows. */
export function authorsSortKey(authors: readonly string[] | null | undefined): string {
  return sortKey(authors?.[0])
}

/**
 * A source's key ends with the whole name, uncut, so each source has its own (the library walks
 * sources one by one, see core/articles/list-alpha.ts); it is never empty (the library's empty
 * segment is "no source"): a name of punctuation only sorts first.
 */
export function sourceSortKey(name: string): string {
  return `${sortFold(name)}${SORT_KEY_TIEBREAK}${name}`
}
