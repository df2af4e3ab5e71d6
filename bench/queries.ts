import { parseDateValue, parseQuery } from '@shared/query'
import { lexQuery, type LexItem } from '@shared/query/lexer'
import type { DateRange } from '@shared/query'

/** The fixed query mix: common and rare words, inflected forms, phrases, prefixes, filters. */
export const QUERIES = [
  'السعودية',
  'وزير الخارجية',
  'المستشفيات',
  'والجزائر',
  '"الأمم المتحدة"',
  'اقتصاد*',
  'النفط OR الغاز',
  'التعليم -الجامعة',
  'الرياض date:2015',
  'أمير منطقة',
  'الهلال',
  'مجلس الوزراء',
  'كورونا',
  'داعش',
  'سوريا'
]

/**
 * A Warraq query said in plain FTS5 (default unicode61 tokenizer over the raw text): the MATCH
 * string, and the `date:` ranges as a WHERE on the article's date (any range matches, as in
 * Warraq). Plain FTS5 knows no Arabic: its words match surface forms only, where Warraq's also
 * match their normalised forms and stems; the structure (AND, OR, NOT, phrase, prefix) is the same.
 */
export interface PlainQuery {
  match: string
  dates: DateRange[]
}

export type PlainTranslation = { ok: true; plain: PlainQuery } | { ok: false; reason: string }

function quoted(text: string): string {
  return `"${text.replaceAll('"', '""')}"`
}

type TermItem = Extract<LexItem, { type: 'chunk' | 'phrase' }>

function termOf(item: TermItem): string {
  if (item.type === 'phrase') return quoted(item.raw)
  // `=word` is Warraq's exact form; plain FTS5 has nothing but exact forms
  return item.prefix ? `${quoted(item.raw)}*` : quoted(item.raw)
}

function either(terms: string[]): string {
  return terms.length === 1 ? terms[0] : `(${terms.join(' OR ')})`
}

/**
 * Translates one query of the mix; what plain FTS5 cannot say with the same meaning is refused
 * with the reason (filters other than `date:`, queries of filters only, long queries that Warraq
 * reads as ranked optional words). The result is checked against Warraq's own parser: the same
 * number of required groups, of alternatives in each, of excluded terms, and the same dates.
 */
export function toPlainQuery(query: string): PlainTranslation {
  const lexed = lexQuery(query)
  const parsed = parseQuery(query)
  if (!lexed.ok || !parsed.ok) return { ok: false, reason: 'Warraq refuses the query' }
  const groups: string[][] = []
  const excluded: string[] = []
  const dates: DateRange[] = []
  let joinNext = false
  for (const item of lexed.items) {
    if (item.type === 'and') continue
    if (item.type === 'or') {
      joinNext = groups.length > 0
      continue
    }
    if (item.type === 'filter') {
      if (item.name !== 'date') return { ok: false, reason: `plain FTS5 has no ${item.name}:` }
      const range = parseDateValue(item.value)
      if (!range.ok) return { ok: false, reason: 'Warraq refuses the date' }
      dates.push(range.range)
      continue
    }
    const term = termOf(item)
    if (item.negated) excluded.push(term)
    else if (joinNext) groups[groups.length - 1].push(term)
    else groups.push([term])
    joinNext = false
  }
  const q = parsed.query
  if (q.optional !== undefined)
    return { ok: false, reason: 'a long query: Warraq ranks by optional words, FTS5 needs all' }
  const sameShape =
    q.groups.length === groups.length &&
    q.groups.every((g, i) => g.length === groups[i].length) &&
    q.excluded.length === excluded.length &&
    JSON.stringify(q.filters.dates) === JSON.stringify(dates)
  if (!sameShape) return { ok: false, reason: 'Warraq reads the query differently' }
  if (groups.length === 0) return { ok: false, reason: 'no words: FTS5 needs something to match' }
  const positive = groups.map(either).join(' AND ')
  const match = excluded.length ? `(${positive}) NOT ${either(excluded)}` : positive
  return { ok: true, plain: { match, dates } }
}
