import type { ArticleSummary } from '@shared/domain-lists'
import type { Archive } from '../db/open'

/** Fills the tags and collections of one page of summaries with two queries, not two per row. */
export function withLabels(
  archive: Archive,
  rows: { id: number }[],
  summaries: ArticleSummary[]
): ArticleSummary[] {
  if (!rows.length) return summaries
  const ids = rows.map((r) => r.id).join(',')
  const group = (sql: string): Map<number, string[]> => {
    const map = new Map<number, string[]>()
    for (const r of archive.sqlite.prepare(sql).all() as { id: number; name: string }[]) {
      const list = map.get(r.id) ?? []
      list.push(r.name)
      map.set(r.id, list)
    }
    return map
  }
  const tags = group(
    `SELECT at.article_id AS id, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id
     WHERE at.article_id IN (${ids}) ORDER BY t.name`
  )
  const collections = group(
    `SELECT ca.article_id AS id, c.name FROM collection_articles ca
     JOIN collections c ON c.id = ca.collection_id WHERE ca.article_id IN (${ids}) ORDER BY c.name`
  )
  return summaries.map((s, i) => ({
    ...s,
    tags: tags.get(rows[i].id) ?? [],
    collections: collections.get(rows[i].id) ?? []
  }))
}
