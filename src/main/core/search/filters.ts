import type { Filters } from '@shared/query/types'
import { normalizeText } from '@shared/text/normalize'
import type { Archive } from '../db/open'

export interface SqlPart {
  where: string[]
  params: unknown[]
  /**
   * every condition can be read from an index (source, date, status, tag, collection,
   * identifier): the span of ids passing them is cheap to find (hits.ts narrows the FTS walk to it)
   */
  indexed?: boolean
  /**
   * only conditions on the article row itself (source, date, status, author): listing them
   * newest first is best done down the date index, stopping at the bound
   */
  rowOnly?: boolean
  /**
   * what narrows the span of ids (hits.ts), when `indexed`: the conditions but the statuses,
   * and the statuses on their own, each looked up in the status index for its first and last
   * id (min and max over an IN list would read the whole range: 60 ms at a million articles)
   */
  span?: { where: string[]; params: unknown[]; statuses: string[] }
}

const norm = (s: string): string => normalizeText(s).replace(/\s+/g, ' ').trim()

/** Ids of rows whose name (or alias) contains or equals the value, compared normalised. */
function idsMatching(
  rows: { id: number; names: string[] }[],
  value: string,
  whole: boolean
): number[] {
  const wanted = norm(value)
  return rows
    .filter((row) =>
      row.names.some((name) => {
        const n = norm(name)
        return whole ? n === wanted || n.startsWith(`${wanted}/`) : n.includes(wanted)
      })
    )
    .map((row) => row.id)
}

function inList(column: string, ids: number[]): string {
  return ids.length ? `${column} IN (${ids.join(',')})` : '0'
}

/**
 * Turns filters into SQL over `articles a`. Names are matched in TypeScript with the same
 * normaliser as search (source:الشرق_الاوسط finds الشرق الأوسط), then passed as integer ids.
 */
export function filterSql(archive: Archive, filters: Filters): SqlPart {
  const { sqlite } = archive
  const where: string[] = []
  const params: unknown[] = []
  const indexed =
    filters.authors.length === 0 && filters.entities.length === 0 && !filters.hasAnnotations
  const named = (sql: string) =>
    (sqlite.prepare(sql).all() as { id: number; name: string; aliases?: string }[]).map((r) => ({
      id: r.id,
      names: [r.name, ...(r.aliases ? (JSON.parse(r.aliases) as string[]) : [])]
    }))
  if (filters.sources.length) {
    const rows = named('SELECT id, name FROM sources')
    const ids = filters.sources.flatMap((v) => idsMatching(rows, v, false))
    where.push(inList('a.source_id', ids))
  }
  for (const value of filters.tags) {
    const ids = idsMatching(named('SELECT id, name FROM tags'), value, true)
    where.push(`a.id IN (SELECT article_id FROM article_tags WHERE ${inList('tag_id', ids)})`)
  }
  for (const value of filters.collections) {
    const ids = idsMatching(named('SELECT id, name FROM collections'), value, true)
    where.push(
      `a.id IN (SELECT article_id FROM collection_articles WHERE ${inList('collection_id', ids)})`
    )
  }
  for (const value of filters.entities) {
    const ids = idsMatching(named('SELECT id, name, aliases FROM entities'), value, true)
    const list = inList('entity_id', ids)
    where.push(
      `(a.id IN (SELECT article_id FROM article_entities WHERE ${list}) OR a.id IN (SELECT article_id FROM annotations WHERE ${list}))`
    )
  }
  for (const value of filters.authors) {
    where.push(
      "EXISTS (SELECT 1 FROM json_each(a.authors) j WHERE warraq_norm(j.value) LIKE '%' || ? || '%' ESCAPE '\\')"
    )
    params.push(norm(value).replace(/[\\%_]/g, (c) => `\\${c}`))
  }
  if (filters.dates.length) {
    const ranges = filters.dates.map((range) => {
      const parts: string[] = []
      // written on ifnull(published, ''), the expression the date index holds (fts.sql.ts), so
      // a date filter is a range of that index, read without the article rows; the same rows
      // as comparing published itself
      if (range.start) {
        parts.push("ifnull(a.published, '') >= ?")
        params.push(range.start)
      }
      if (range.end) {
        // `> ''` leaves undated articles out, as published <= ? did, on the index alone
        if (!range.start) parts.push("ifnull(a.published, '') > ''")
        parts.push("ifnull(a.published, '') <= ?")
        params.push(range.end)
      }
      return parts.length ? `(${parts.join(' AND ')})` : 'a.published IS NOT NULL'
    })
    where.push(`(${ranges.join(' OR ')})`)
  }
  if (filters.hasAnnotations)
    where.push('EXISTS (SELECT 1 FROM annotations n WHERE n.article_id = a.id)')
  // the span leaves the statuses out: where and params up to here, and the identifiers after
  const beforeStatuses = { where: where.length, params: params.length }
  if (filters.statuses.length) {
    where.push(`a.status IN (${filters.statuses.map(() => '?').join(',')})`)
    params.push(...filters.statuses)
  }
  const afterStatuses = { where: where.length, params: params.length }
  if (filters.identifiers.length) {
    // any of them: one article has one identifier
    where.push(`a.source_ref IN (${filters.identifiers.map(() => '?').join(',')})`)
    params.push(...filters.identifiers)
  }
  const rowOnly =
    filters.tags.length +
      filters.collections.length +
      filters.entities.length +
      filters.identifiers.length ===
      0 && !filters.hasAnnotations
  const span = indexed
    ? {
        where: [...where.slice(0, beforeStatuses.where), ...where.slice(afterStatuses.where)],
        params: [...params.slice(0, beforeStatuses.params), ...params.slice(afterStatuses.params)],
        statuses: filters.statuses
      }
    : undefined
  return { where, params, indexed, rowOnly, span }
}
