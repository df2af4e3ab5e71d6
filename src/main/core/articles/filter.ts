import type { ListFilter } from '@shared/contract/articles'
import { WarraqError } from '@shared/errors'
import type { z } from 'zod'
import type { Archive } from '../db/open'
import { stmt } from '../db/statements'
import { compileQuery } from '../search/compile'
import { filterSql, type SqlPart } from '../search/filters'

export type ParsedFilter = z.output<typeof ListFilter>

export function collectionIdByUid(archive: Archive, uid: string): number {
  const id = stmt(archive.sqlite, 'SELECT id FROM collections WHERE uid = ?').pluck().get(uid) as
    number | undefined
  if (id === undefined)
    throw new WarraqError('not_found', `No collection with uid ${uid}.`, {
      key: 'collections.not_found',
      params: { uid }
    })
  return id
}

/** Ids of a tag and of every tag below it in the hierarchy. */
export function tagSubtreeIds(archive: Archive, name: string): number[] {
  return stmt(
    archive.sqlite,
    "SELECT id FROM tags WHERE name = ? OR substr(name, 1, length(?) + 1) = ? || '/'"
  )
    .pluck()
    .all(name, name, name) as number[]
}

/**
 * A library filter as SQL over `articles a`: the trash flag, then a query of the query language
 * (through the search compiler, so the library and the search agree), a collection, a tag with
 * its descendants, an entity (linked directly or through an annotated passage).
 */
export function listFilterSql(archive: Archive, filter: ParsedFilter, walk = false): SqlPart {
  // nearly every row has a NULL deleted_at: when a page walks a sort index, the unary + keeps
  // the planner off the deleted_at index (which would read the whole table, then sort it)
  const live = walk ? '+a.deleted_at IS NULL' : 'a.deleted_at IS NULL'
  const where = [filter.trash ? 'a.deleted_at IS NOT NULL' : live]
  const params: unknown[] = []
  if (filter.query?.trim()) {
    const compiled = compileQuery(archive, filter.query)
    if (compiled.kind === 'query') {
      const part = filterSql(archive, compiled.filters)
      if (compiled.match !== null) {
        where.push('a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)')
        params.push(compiled.match)
      }
      where.push(...part.where)
      params.push(...part.params)
    }
  }
  if (filter.collection) {
    where.push('a.id IN (SELECT article_id FROM collection_articles WHERE collection_id = ?)')
    params.push(collectionIdByUid(archive, filter.collection))
  }
  if (filter.tag) {
    const ids = tagSubtreeIds(archive, filter.tag)
    where.push(
      `a.id IN (SELECT article_id FROM article_tags WHERE tag_id IN (${ids.join(',') || 'NULL'}))`
    )
  }
  if (filter.entity) {
    const id = stmt(archive.sqlite, 'SELECT id FROM entities WHERE uid = ?')
      .pluck()
      .get(filter.entity) as number | undefined
    if (id === undefined)
      throw new WarraqError('not_found', `No entity with uid ${filter.entity}.`, {
        key: 'entities.not_found',
        params: { uid: filter.entity }
      })
    where.push(
      '(a.id IN (SELECT article_id FROM article_entities WHERE entity_id = ?) OR a.id IN (SELECT article_id FROM annotations WHERE entity_id = ?))'
    )
    params.push(id, id)
  }
  return { where, params }
}

/** Every article id a filter matches: what "select all" means for a bulk edit. */
export function filteredIds(archive: Archive, filter: ParsedFilter): number[] {
  const { where, params } = listFilterSql(archive, filter)
  return archive.sqlite
    .prepare(`SELECT a.id FROM articles a WHERE ${where.join(' AND ')}`)
    .pluck()
    .all(...params) as number[]
}
