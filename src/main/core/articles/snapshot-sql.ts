/**
 * The revision snapshot of `snapshotOf` (articles/service.ts), built by SQLite
 * (one statement for a whole set of articles): the same keys, the same order of tags and collections.
 */
export const SNAPSHOT_SQL = `json_object(
  'title', a.title, 'subtitle', a.subtitle, 'body', a.body, 'lang', a.lang, 'source', s.name,
  'url', a.url, 'published', a.published, 'datePrecision', a.date_precision,
  'dateText', a.date_text, 'authors', json(a.authors), 'caption', a.caption,
  'imageCredit', a.image_credit, 'section', a.section, 'status', a.status, 'notes', a.notes,
  'related', (SELECT json_group_array(json_object('title', r.title, 'url', r.url, 'targetUid', t.uid)
     ORDER BY r.id) FROM related_links r LEFT JOIN articles t ON t.id = r.target_article_id
     WHERE r.article_id = a.id),
  'tags', (SELECT json_group_array(t.name ORDER BY t.name) FROM article_tags x
     JOIN tags t ON t.id = x.tag_id WHERE x.article_id = a.id),
  'collections', (SELECT json_group_array(c.name ORDER BY c.name) FROM collection_articles x
     JOIN collections c ON c.id = x.collection_id WHERE x.article_id = a.id))`
