/**
 * The archive's tables. Change this file, then `npm run db:generate` to write a migration;
 * never edit a migration once it has been committed (see README.md in this folder).
 */
import { sql } from 'drizzle-orm'
import {
  blob,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex
} from 'drizzle-orm/sqlite-core'

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`

export const sources = sqliteTable(
  'sources',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull().unique(),
    createdAt: text('created_at').notNull().default(now),
    /** alphabetical sort key of the name (shared/text/sortKey.ts), written with the name */
    nameKey: text('name_key').notNull().default('')
  },
  (t) => [index('sources_name_key_idx').on(t.nameKey, t.id)]
)

/** The bytes of an imported file, unchanged. One file may hold many articles (a JSON array). */
export const originals = sqliteTable(
  'originals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    encoding: text('encoding'),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    importedAt: text('imported_at').notNull().default(now),
    // last, like articles.body: the other columns are read without the blob's overflow pages
    bytes: blob('bytes', { mode: 'buffer' }).notNull()
  },
  (t) => [index('originals_sha256_idx').on(t.sha256)]
)

export const articles = sqliteTable(
  'articles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    uid: text('uid').notNull().unique(),
    title: text('title').notNull().default(''),
    subtitle: text('subtitle'),
    lang: text('lang'),
    sourceId: integer('source_id').references(() => sources.id, { onDelete: 'set null' }),
    url: text('url'),
    published: text('published'),
    datePrecision: text('date_precision'),
    dateText: text('date_text'),
    /** JSON array of names, in the order the article gives them */
    authors: text('authors').notNull().default('[]'),
    caption: text('caption'),
    imageCredit: text('image_credit'),
    section: text('section'),
    status: text('status').notNull().default('new'),
    notes: text('notes'),
    contentHash: text('content_hash').notNull(),
    originalId: integer('original_id').references(() => originals.id, { onDelete: 'set null' }),
    /** position of this article inside its original file (0 for one-article files) */
    originalIndex: integer('original_index'),
    sourceRef: text('source_ref'),
    /** the abstract or summary the source gives (TREC ABSTRACT, a JSON `summary`) */
    summary: text('summary'),
    /** time of day and offset when the source gives them: `21:43`, `21:43+01:00` */
    publishedTime: text('published_time'),
    /** JSON object of the input's fields Warraq has no column for, key → text, kept as given */
    extra: text('extra'),
    /** uid shared by the printings of one story (the same body from other papers or headlines) */
    storyUid: text('story_uid'),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
    deletedAt: text('deleted_at'),
    // last: SQLite reads a row's columns in order, and a long body spills into overflow pages;
    // every column before it is read without touching them (filters, sorts, facets)
    body: text('body').notNull().default(''),
    // Alphabetical sort keys (shared/text/sortKey.ts), written with every write of the title or
    // authors. After the body because ALTER TABLE appends; the library reads them from their
    // indexes only, never from the row.
    titleKey: text('title_key').notNull().default(''),
    /** the first author's */
    authorKey: text('author_key').notNull().default(''),
    /**
     * Fixity: SHA-256 (hex) of the stored text and metadata in a canonical form, written with every
     * save (core/articles/fixity.ts) and verified by `warraq check`. After the body because
     * `ALTER TABLE` can only append, and only the check reads it.
     */
    checksum: text('checksum')
  },
  (t) => [
    index('articles_updated_idx').on(t.updatedAt, t.id),
    index('articles_created_idx').on(t.createdAt, t.id),
    index('articles_title_key_idx').on(t.titleKey, t.id),
    index('articles_author_key_idx').on(t.authorKey, t.id),
    index('articles_source_idx').on(t.sourceId, t.id),
    index('articles_status_idx').on(t.status, t.id),
    index('articles_hash_idx').on(t.contentHash),
    index('articles_deleted_idx').on(t.deletedAt),
    index('articles_source_ref_idx').on(t.sourceRef),
    index('articles_url_idx').on(t.url),
    index('articles_story_idx').on(t.storyUid)
  ]
)

/** Every saved state of an article, restorable. */
export const revisions = sqliteTable(
  'revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    /** JSON of the article's fields at this version */
    snapshot: text('snapshot').notNull(),
    reason: text('reason').notNull().default('edit'),
    createdAt: text('created_at').notNull().default(now)
  },
  (t) => [uniqueIndex('revisions_article_version_idx').on(t.articleId, t.version)]
)

export const collections = sqliteTable('collections', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  uid: text('uid').notNull().unique(),
  name: text('name').notNull(),
  description: text('description'),
  parentId: integer('parent_id'),
  createdAt: text('created_at').notNull().default(now)
})

export const collectionArticles = sqliteTable(
  'collection_articles',
  {
    collectionId: integer('collection_id')
      .notNull()
      .references(() => collections.id, { onDelete: 'cascade' }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0)
  },
  (t) => [
    primaryKey({ columns: [t.collectionId, t.articleId] }),
    index('collection_articles_article_idx').on(t.articleId),
    index('collection_articles_position_idx').on(t.collectionId, t.position, t.articleId)
  ]
)

/** Hierarchical tags: `name` is the full path, `سياسة/دولية`. */
export const tags = sqliteTable('tags', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  color: text('color'),
  createdAt: text('created_at').notNull().default(now)
})

export const articleTags = sqliteTable(
  'article_tags',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' })
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.tagId] }),
    index('article_tags_tag_idx').on(t.tagId)
  ]
)

/** Authority records: people, places, organisations. */
export const entities = sqliteTable('entities', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  uid: text('uid').notNull().unique(),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  /** JSON array of other names, in Arabic and Latin script */
  aliases: text('aliases').notNull().default('[]'),
  note: text('note'),
  createdAt: text('created_at').notNull().default(now)
})

export const articleEntities = sqliteTable(
  'article_entities',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    entityId: integer('entity_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'cascade' })
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.entityId] }),
    index('article_entities_entity_idx').on(t.entityId)
  ]
)

/** W3C Web Annotation: a TextQuoteSelector and a TextPositionSelector on a body version. */
export const annotations = sqliteTable(
  'annotations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    uid: text('uid').notNull().unique(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    exact: text('exact').notNull(),
    prefix: text('prefix').notNull().default(''),
    suffix: text('suffix').notNull().default(''),
    bodyVersion: integer('body_version').notNull(),
    color: text('color').notNull().default('yellow'),
    note: text('note'),
    entityId: integer('entity_id').references(() => entities.id, { onDelete: 'set null' }),
    author: text('author'),
    status: text('status').notNull().default('anchored'),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now)
  },
  (t) => [
    index('annotations_article_idx').on(t.articleId, t.start),
    index('annotations_entity_idx').on(t.entityId)
  ]
)

/** Tags of annotations: the same tags as articles', one row per annotation and tag. */
export const annotationTags = sqliteTable(
  'annotation_tags',
  {
    annotationId: integer('annotation_id')
      .notNull()
      .references(() => annotations.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' })
  },
  (t) => [
    primaryKey({ columns: [t.annotationId, t.tagId] }),
    index('annotation_tags_tag_idx').on(t.tagId)
  ]
)

export const relatedLinks = sqliteTable(
  'related_links',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    url: text('url'),
    targetArticleId: integer('target_article_id').references(() => articles.id, {
      onDelete: 'set null'
    })
  },
  (t) => [index('related_links_article_idx').on(t.articleId)]
)

export const savedSearches = sqliteTable('saved_searches', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  uid: text('uid').notNull().unique(),
  name: text('name').notNull(),
  query: text('query').notNull(),
  createdAt: text('created_at').notNull().default(now)
})

/** Spellings that normalising cannot join (سوريا / سورية), applied at query time. */
export const spellingVariants = sqliteTable('spelling_variants', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** JSON array of equivalent spellings */
  words: text('words').notNull()
})

/** One row per import run, with the result line of every file, re-openable. */
export const importReports = sqliteTable('import_reports', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  uid: text('uid').notNull().unique(),
  startedAt: text('started_at').notNull().default(now),
  finishedAt: text('finished_at'),
  /**
   * JSON: {imported, duplicates, failed, possibleDuplicates, fileCount, …}; the file lines are in
   * import_report_lines (reports of earlier versions keep theirs here, under `files`)
   */
  summary: text('summary').notNull().default('{}')
})

/**
 * The result line of each file of an import, one row each: saving a report in every chunk's
 * transaction writes the lines that changed, not all of them (10,000 files made it quadratic).
 */
export const importReportLines = sqliteTable(
  'import_report_lines',
  {
    reportId: integer('report_id')
      .notNull()
      .references(() => importReports.id, { onDelete: 'cascade' }),
    /** the line's place in the report, from 0 */
    seq: integer('seq').notNull(),
    /** JSON: {path, status, uids, reason, …} */
    line: text('line').notNull()
  },
  (t) => [primaryKey({ columns: [t.reportId, t.seq] })]
)

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull()
})

/**
 * MinHash bands of an article's normalised body (see core/import/near-duplicates.ts): two
 * articles sharing a band are near-duplicate candidates, found with one indexed lookup.
 */
export const articleSignatures = sqliteTable(
  'article_signatures',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    band: integer('band').notNull(),
    /** 32-bit hash of the band's rows, seeded by the band number */
    hash: integer('hash').notNull()
  },
  (t) => [
    index('article_signatures_hash_idx').on(t.hash),
    index('article_signatures_article_idx').on(t.articleId)
  ]
)

/** Possible duplicates awaiting the archivist: open, dismissed, merged or linked. */
export const duplicateCandidates = sqliteTable(
  'duplicate_candidates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** the newer article of the pair */
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    /** the article it resembles, already in the archive */
    otherId: integer('other_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    /** Jaccard similarity of the two bodies' word 5-shingles, 0..1 */
    score: real('score').notNull(),
    status: text('status').notNull().default('open'),
    createdAt: text('created_at').notNull().default(now),
    resolvedAt: text('resolved_at')
  },
  (t) => [
    uniqueIndex('duplicate_candidates_pair_idx').on(t.articleId, t.otherId),
    index('duplicate_candidates_other_idx').on(t.otherId),
    index('duplicate_candidates_status_idx').on(t.status)
  ]
)

/**
 * One bulk edit of a selection, with its inverse: the previous field values per article and the
 * tag, collection and entity links it added or removed, so `bulk.undo` can put them back.
 */
export const bulkOperations = sqliteTable('bulk_operations', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  uid: text('uid').notNull().unique(),
  /** JSON: what was asked (fields set, tags added…), for the history list */
  summary: text('summary').notNull(),
  /** JSON: the inverse, see core/bulk/inverse.ts */
  inverse: text('inverse').notNull(),
  articleCount: integer('article_count').notNull(),
  createdAt: text('created_at').notNull().default(now),
  undoneAt: text('undone_at')
})

/**
 * Articles whose search index entry is behind their tags or source after a large bulk edit,
 * re-indexed in the background in small batches (see core/search/reindex-queue.ts); kept in the
 * archive so a crash before the queue drains loses nothing.
 */
export const reindexQueue = sqliteTable('reindex_queue', {
  articleId: integer('article_id')
    .primaryKey()
    .references(() => articles.id, { onDelete: 'cascade' })
})
