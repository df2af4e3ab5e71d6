import type { FacetValue, SearchFacets } from '@shared/contract/search'
import type { Archive } from '../db/open'
import { stmt } from '../db/statements'

function facet(archive: Archive, sql: string): FacetValue[] {
  return stmt(archive.sqlite, sql).all() as FacetValue[]
}

/** Facet counts over the collected matches (search_hits_v2, see hits.ts). */
export function hitFacets(archive: Archive): SearchFacets {
  return {
    source: facet(
      archive,
      `SELECT s.name AS value, count(*) AS count FROM search_hits_v2 h
       CROSS JOIN sources s ON s.id = h.source_id GROUP BY h.source_id ORDER BY count DESC, value LIMIT 20`
    ),
    year: facet(
      archive,
      `SELECT substr(published, 1, 4) AS value, count(*) AS count FROM search_hits_v2
       WHERE published IS NOT NULL GROUP BY value ORDER BY value DESC LIMIT 30`
    ),
    tag: facet(
      archive,
      `SELECT t.name AS value, count(*) AS count FROM search_hits_v2 h CROSS JOIN article_tags at ON at.article_id = h.id
       JOIN tags t ON t.id = at.tag_id GROUP BY t.id ORDER BY count DESC, value LIMIT 20`
    ),
    collection: facet(
      archive,
      `SELECT c.name AS value, count(*) AS count FROM search_hits_v2 h CROSS JOIN collection_articles ca ON ca.article_id = h.id
       JOIN collections c ON c.id = ca.collection_id GROUP BY c.id ORDER BY count DESC, value LIMIT 20`
    )
  }
}
