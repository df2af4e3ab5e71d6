/**
 * Function words left out of LONG queries only (a pasted sentence or a question): they occur in
 * nearly every article, so OR-ing them in costs time and adds nothing to bm25's ranking. Short
 * queries keep every word, and a `+word` or quoted one is never dropped. Normalised spellings.
 */
import { normalizeText } from '@shared/text'

const WORDS = [
  // prepositions and particles
  'في',
  'من',
  'على',
  'إلى',
  'عن',
  'مع',
  'الى',
  'حتى',
  'منذ',
  'عند',
  'بين',
  'ثم',
  'أن',
  'إن',
  'أنه',
  'أنها',
  'إنه',
  'كان',
  'كانت',
  'قد',
  'لقد',
  'لا',
  'لم',
  'لن',
  'ما',
  'هل',
  'أو',
  'أي',
  'أم',
  'بل',
  'كل',
  'ذلك',
  'تلك',
  'هذا',
  'هذه',
  'هناك',
  'هو',
  'هي',
  'هم',
  'التي',
  'الذي',
  'الذين',
  'اللذان',
  'اللتي',
  'وهو',
  'وهي',
  'وفي',
  'ومن',
  'فيها',
  'فيه',
  'منها',
  'منه',
  'عليه',
  'عليها',
  'به',
  'بها',
  'له',
  'لها',
  // question words of typed questions
  'متى',
  'ماذا',
  'كيف',
  'أين',
  'لماذا',
  'كم',
  'مما',
  'ممن',
  'بماذا',
  'لمن',
  'عما',
  // and as they are often typed
  'ماهو',
  'ماهي',
  'مين',
  'وين',
  'شو'
]

/** Words that open a question: a query starting with one is read as a question (long). */
const QUESTION_WORDS = [
  'متى',
  'أين',
  'وين',
  'من',
  'مين',
  'ما',
  'ماذا',
  'ماهو',
  'ماهي',
  'كيف',
  'لماذا',
  'لم',
  'كم',
  'هل',
  'أي',
  'بماذا',
  'ممن',
  'مما',
  'لمن',
  'عما',
  'بم',
  'فيم'
]

const STOPWORDS: ReadonlySet<string> = new Set(WORDS.map((w) => normalizeText(w)))

const QUESTIONS: ReadonlySet<string> = new Set(QUESTION_WORDS.map((w) => normalizeText(w)))

/** Whether a normalised word opens a question (متى، أين، كيف…). */
export function isQuestionWord(norm: string): boolean {
  return QUESTIONS.has(norm)
}

/** Whether a normalised word is a function word a long query may leave out. */
export function isStopword(norm: string): boolean {
  return STOPWORDS.has(norm)
}
