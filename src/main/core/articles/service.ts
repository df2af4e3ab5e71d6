import type { Article } from '@shared/domain'
import type { ArticlePage, RevisionSummary } from '@shared/domain-lists'
import type {
  ArticleCreateInput,
  ArticleListInput,
  ArticleUpdateInput
} from '@shared/contract/articles'
import { ArticleListInput as ListSchema } from '@shared/contract/articles'
import { WarraqError } from '@shared/errors'
import { revisionLabel } from '@shared/revisions'
import { authorsSortKey, sortKey } from '@shared/text/sortKey'
import type { Archive } from '../db/open'
import { nowIso, stmt } from '../db/statements'
import { indexArticle, unindexArticle } from '../search/indexer'
import { applyEditorRanges } from '../annotations/editor-ranges'
import { reanchorAnnotations } from '../annotations/reanchor'
import { recordNearDuplicates } from '../import/near-duplicates'
import { refreshChecksums } from './fixity'
import { listPage } from './list'
import { rowById, rowByUid, toArticle, type ArticleRow } from './rows'
import {
  contentHash,
  insertArticle,
  setCollections,
  setRelated,
  setTags,
  sourceId,
  writeRevision,
  ensureBaseRevision,
  type Snapshot
} from './write'

function requireRow(archive: Archive, uid: string): ArticleRow {
  const row = rowByUid(archive, uid)
  if (!row)
    throw new WarraqError('not_found', `No article with uid ${uid}.`, {
      key: 'articles.not_found',
      params: { uid }
    })
  return row
}

export function createArticle(archive: Archive, input: ArticleCreateInput): Article {
  const id = archive.sqlite.transaction(() => {
    const { id } = insertArticle(archive, input, {
      tags: input.tags,
      collections: input.collections
    })
    indexArticle(archive, id)
    recordNearDuplicates(archive, id, input.body)
    return id
  })()
  return toArticle(archive, rowById(archive, id)!)
}

export function getArticle(archive: Archive, uid: string): Article {
  return toArticle(archive, requireRow(archive, uid))
}

const COLUMN_OF: Record<string, string> = {
  title: 'title',
  subtitle: 'subtitle',
  body: 'body',
  lang: 'lang',
  url: 'url',
  published: 'published',
  datePrecision: 'date_precision',
  dateText: 'date_text',
  caption: 'caption',
  imageCredit: 'image_credit',
  section: 'section',
  status: 'status',
  notes: 'notes'
}

/**
 * Applies changed fields if `version` is the one stored (optimistic concurrency: two windows
 * editing the same article cannot overwrite each other), bumps the version and writes a revision.
 */
export function updateArticle(
  archive: Archive,
  input: ArticleUpdateInput,
  reason = 'edit'
): Article {
  const { sqlite } = archive
  const id = sqlite.transaction(() => {
    const row = requireRow(archive, input.uid)
    if (row.version === input.version) ensureBaseRevision(archive, row.id)
    if (row.version !== input.version) {
      throw new WarraqError(
        'conflict',
        `The article was changed elsewhere (version ${row.version}, yours ${input.version}). Reload it before saving.`,
        { key: 'articles.version_conflict', params: { stored: row.version, yours: input.version } }
      )
    }
    const sets: string[] = []
    const values: unknown[] = []
    for (const [field, column] of Object.entries(COLUMN_OF)) {
      const value = (input as Record<string, unknown>)[field]
      if (value === undefined) continue
      sets.push(`${column} = ?`)
      values.push(value)
    }
    if (input.title !== undefined) {
      sets.push('title_key = ?')
      values.push(sortKey(input.title))
    }
    if (input.authors !== undefined) {
      sets.push('authors = ?', 'author_key = ?')
      values.push(JSON.stringify(input.authors), authorsSortKey(input.authors))
    }
    if (input.source !== undefined) {
      sets.push('source_id = ?')
      values.push(sourceId(archive, input.source))
    }
    const bodyChanged = input.body !== undefined && input.body !== row.body
    if (bodyChanged) {
      sets.push('content_hash = ?')
      values.push(contentHash(input.body!))
    }
    const version = row.version + 1
    sets.push('version = ?', 'updated_at = ?')
    values.push(version, nowIso())
    sqlite.prepare(`UPDATE articles SET ${sets.join(', ')} WHERE id = ?`).run(...values, row.id)
    refreshChecksums(sqlite, 'id = ?', row.id)
    if (input.tags !== undefined) setTags(archive, row.id, input.tags)
    if (input.collections !== undefined) setCollections(archive, row.id, input.collections)
    if (bodyChanged) reanchorAnnotations(archive, row.id, row.body, input.body!, version)
    if (input.annotations?.length) {
      const body = input.body ?? row.body
      applyEditorRanges(archive, row.id, body, version, input.annotations)
    }
    if (bodyChanged) recordNearDuplicates(archive, row.id, input.body!)
    const saved = toArticle(archive, rowById(archive, row.id)!)
    writeRevision(archive, row.id, version, snapshotOf(saved), reason)
    indexArticle(archive, row.id)
    return row.id
  })()
  return toArticle(archive, rowById(archive, id)!)
}

export function snapshotOf(article: Article): Snapshot {
  return {
    title: article.title,
    subtitle: article.subtitle,
    body: article.body,
    lang: article.lang,
    source: article.source,
    url: article.url,
    published: article.published,
    datePrecision: article.datePrecision,
    dateText: article.dateText,
    authors: article.authors,
    caption: article.caption,
    imageCredit: article.imageCredit,
    section: article.section,
    status: article.status,
    notes: article.notes,
    related: article.related,
    tags: article.tags,
    collections: article.collections
  }
}

/** Moves an article to the trash; it keeps everything and can be restored. */
export function trashArticle(archive: Archive, uid: string): Article {
  archive.sqlite.transaction(() => {
    const row = requireRow(archive, uid)
    if (row.deletedAt) return
    stmt(archive.sqlite, 'UPDATE articles SET deleted_at = ? WHERE id = ?').run(nowIso(), row.id)
    unindexArticle(archive, row.id)
  })()
  return getArticle(archive, uid)
}

export function restoreArticle(archive: Archive, uid: string): Article {
  archive.sqlite.transaction(() => {
    const row = requireRow(archive, uid)
    stmt(archive.sqlite, 'UPDATE articles SET deleted_at = NULL WHERE id = ?').run(row.id)
    indexArticle(archive, row.id)
  })()
  return getArticle(archive, uid)
}

/** Removes trashed articles for good; the caller has asked the user to confirm. */
export function emptyTrash(archive: Archive): number {
  return archive.sqlite.transaction(() => {
    const ids = archive.sqlite
      .prepare('SELECT id FROM articles WHERE deleted_at IS NOT NULL')
      .pluck()
      .all() as number[]
    for (const id of ids) unindexArticle(archive, id)
    archive.sqlite.prepare('DELETE FROM articles WHERE deleted_at IS NOT NULL').run()
    return ids.length
  })()
}

export function listArticles(archive: Archive, input: ArticleListInput): ArticlePage {
  return listPage(archive, ListSchema.parse(input))
}

/** An article never changed since it was created or imported is its own (only) revision. */
function unrevisedCurrent(archive: Archive, row: ArticleRow): RevisionSummary | null {
  const stored = stmt(
    archive.sqlite,
    'SELECT 1 FROM revisions WHERE article_id = ? AND version = ?'
  )
    .pluck()
    .get(row.id, row.version)
  if (stored) return null
  return {
    version: row.version,
    reason: row.originalId === null ? 'create' : 'import',
    label: revisionLabel(row.originalId === null ? 'create' : 'import'),
    createdAt: row.updatedAt,
    title: row.title,
    bodyLength: row.body.length
  }
}

export function listRevisions(archive: Archive, uid: string): RevisionSummary[] {
  const row = requireRow(archive, uid)
  const rows = stmt(
    archive.sqlite,
    'SELECT version, reason, created_at AS createdAt, snapshot FROM revisions WHERE article_id = ? ORDER BY version DESC'
  ).all(row.id) as { version: number; reason: string; createdAt: string; snapshot: string }[]
  const current = unrevisedCurrent(archive, row)
  const stored = rows.map((r) => {
    const snapshot = JSON.parse(r.snapshot) as Snapshot
    return {
      version: r.version,
      reason: r.reason,
      label: revisionLabel(r.reason),
      createdAt: r.createdAt,
      title: snapshot.title,
      bodyLength: snapshot.body.length
    }
  })
  return current ? [current, ...stored] : stored
}

export function getRevision(archive: Archive, uid: string, version: number): Snapshot {
  const row = requireRow(archive, uid)
  const snapshot = stmt(
    archive.sqlite,
    'SELECT snapshot FROM revisions WHERE article_id = ? AND version = ?'
  )
    .pluck()
    .get(row.id, version) as string | undefined
  if (!snapshot && version === row.version) return snapshotOf(toArticle(archive, row))
  if (!snapshot)
    throw new WarraqError('not_found', `The article has no revision ${version}.`, {
      key: 'articles.no_revision',
      params: { version }
    })
  return JSON.parse(snapshot) as Snapshot
}

/** Restoring a revision is itself a new revision; annotations re-anchor to the restored body. */
export function restoreRevision(archive: Archive, uid: string, version: number): Article {
  const snapshot = getRevision(archive, uid, version)
  const current = requireRow(archive, uid)
  const restored = archive.sqlite.transaction(() => {
    const { related, ...fields } = snapshot
    const article = updateArticle(
      archive,
      { ...fields, uid, version: current.version },
      `restore ${version}`
    )
    setRelated(archive, current.id, related ?? [])
    return article
  })()
  return restored
}
