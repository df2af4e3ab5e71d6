/**
 * Splits a typed query into raw items (chunks, phrases, OR, filters) with their positions.
 * Knows nothing about normalising: parse.ts turns items into terms.
 */
import { FILTER_NAMES } from './types'
import type { FilterName } from './types'

/** Characters that open or close a phrase: ASCII, typographic and Arabic (guillemet) quotes. */
const QUOTES = '"“”„«»'

/** Scheme-like prefixes that are text, not filters (`http://…`). */
const URL_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'ftp', 'file', 'mailto'])

export type LexItem =
  | {
      type: 'chunk'
      raw: string
      pos: number
      negated: boolean
      exact: boolean
      prefix: boolean
      required: boolean
    }
  | { type: 'phrase'; raw: string; pos: number; negated: boolean; required: boolean }
  | { type: 'or'; pos: number }
  | { type: 'and'; pos: number; word: string }
  | {
      type: 'filter'
      name: FilterName
      value: string
      pos: number
      /** just past the filter's last character (its closing quote, if quoted) */
      end: number
      negated: boolean
    }

/** A lexing failure: an English sentence, a catalogue key with its parameters, the position. */
export interface LexFailure {
  ok: false
  message: string
  key: string
  params: Record<string, string | number>
  position: number
}

export type LexResult = { ok: true; items: LexItem[] } | LexFailure

const KNOWN_FILTERS: ReadonlySet<string> = new Set(FILTER_NAMES)

function isFilterName(name: string): name is FilterName {
  return KNOWN_FILTERS.has(name)
}

function isSpace(ch: string): boolean {
  return /\s/.test(ch)
}

function isQuote(ch: string): boolean {
  return QUOTES.includes(ch)
}

/** Index of the quote closing the phrase opened at `open`, or -1. */
function closingQuote(input: string, open: number): number {
  for (let k = open + 1; k < input.length; k++) if (isQuote(input[k])) return k
  return -1
}

function unclosed(position: number): LexResult {
  return {
    ok: false,
    message: `Unclosed quote at position ${position}`,
    key: 'query.unclosed_quote',
    params: { position },
    position
  }
}

/** Words that join as operators: `AND`, and the Arabic و standing alone between spaces. */
const AND_WORDS: ReadonlySet<string> = new Set(['AND', 'و'])
const OR_WORDS: ReadonlySet<string> = new Set(['OR', 'أو', 'او'])

/** Lexes the whole input; the only errors are unclosed quotes and malformed filter names. */
export function lexQuery(input: string): LexResult {
  const items: LexItem[] = []
  const n = input.length
  let i = 0
  while (i < n) {
    if (isSpace(input[i])) {
      i++
      continue
    }
    const pos = i
    let negated = false
    let exact = false
    let required = false
    if (input[i] === '-' && i + 1 < n && !isSpace(input[i + 1])) {
      negated = true
      i++
    } else if (input[i] === '+' && i + 1 < n && !isSpace(input[i + 1])) {
      required = true
      i++
    }
    if (input[i] === '=' && i + 1 < n && !isSpace(input[i + 1])) {
      exact = true
      i++
    }
    if (isQuote(input[i])) {
      const close = closingQuote(input, i)
      if (close < 0) return unclosed(i)
      items.push({ type: 'phrase', raw: input.slice(i + 1, close), pos, negated, required })
      i = close + 1
      if (input[i] === '*') i++ // a prefix star after a phrase has no meaning; skip it
      continue
    }
    let end = i
    while (end < n && !isSpace(input[end]) && !isQuote(input[end])) end++
    const raw = input.slice(i, end)
    const filter = /^([A-Za-z]+):/.exec(raw)
    if (filter !== null && !exact) {
      const name = filter[1].toLowerCase()
      let value = raw.slice(filter[0].length)
      const isUrl = URL_SCHEMES.has(name) || value.startsWith('//')
      if (!isUrl) {
        if (!isFilterName(name)) {
          const known = FILTER_NAMES.map((f) => `${f}:`).join(', ')
          const message = `Unknown filter "${filter[1]}:" — known filters are ${known}`
          const params = { name: filter[1], known, position: pos }
          return { ok: false, message, key: 'query.unknown_filter', params, position: pos }
        }
        if (value === '' && end < n && isQuote(input[end])) {
          const close = closingQuote(input, end)
          if (close < 0) return unclosed(end)
          value = input.slice(end + 1, close)
          end = close + 1
        }
        items.push({ type: 'filter', name, value: value.trim(), pos, end, negated })
        i = end
        continue
      }
    }
    i = end
    if (!negated && !exact && !required && OR_WORDS.has(raw)) {
      items.push({ type: 'or', pos })
      continue
    }
    if (!negated && !exact && !required && AND_WORDS.has(raw)) {
      items.push({ type: 'and', pos, word: raw })
      continue
    }
    const stars = /\*+$/.exec(raw)
    const body = stars === null ? raw : raw.slice(0, stars.index)
    const prefix = stars !== null
    items.push({ type: 'chunk', raw: body, pos, negated, exact, prefix, required })
  }
  return { ok: true, items }
}
