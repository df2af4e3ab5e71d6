/**
 * The filters of a typed query as the interface shows them (one chip each), and the query with
 * one of them taken out. Removing works on the typed text, so the rest of the query stays
 * exactly as the person wrote it.
 */
import { lexQuery } from './lexer'
import type { FilterName } from './types'

export interface QueryFilter {
  name: FilterName
  value: string
  negated: boolean
  /** where the filter is in the typed query: `[start, end)`, the `-` of a negation included */
  start: number
  end: number
}

/** Every filter of the query, in the order typed; none for a query that does not lex. */
export function queryFilters(query: string): QueryFilter[] {
  const lexed = lexQuery(query)
  if (!lexed.ok) return []
  const out: QueryFilter[] = []
  for (const item of lexed.items) {
    if (item.type !== 'filter') continue
    out.push({
      name: item.name,
      value: item.value,
      negated: item.negated,
      start: item.pos,
      end: item.end
    })
  }
  return out
}

/** The query without one filter: the space around it closes up, nothing else changes. */
export function withoutFilter(query: string, filter: QueryFilter): string {
  const before = query.slice(0, filter.start).replace(/\s+$/, '')
  const after = query.slice(filter.end).replace(/^\s+/, '')
  return before && after ? `${before} ${after}` : before + after
}

/** The query with one more filter, its value quoted when it holds a space. */
export function withFilter(query: string, name: FilterName, value: string): string {
  const quoted = /\s/.test(value) ? `"${value}"` : value
  return `${query.trim()} ${name}:${quoted}`.trim()
}
