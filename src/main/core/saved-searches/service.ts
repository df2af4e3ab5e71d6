import type { SavedSearch } from '@shared/contract/saved-searches'
import type {
  SavedSearchCreateInput,
  SavedSearchUpdateInput
} from '@shared/contract/saved-searches'
import { WarraqError } from '@shared/errors'
import type { z } from 'zod'
import { listFilterSql } from '../articles/filter'
import { newUid } from '../articles/write'
import type { Archive } from '../db/open'
import { stmt } from '../db/statements'
import { compileQuery } from '../search/compile'

type Row = Omit<SavedSearch, 'count' | 'problem'>

/**
 * How many articles a query finds now, through the same compiler and filters as the library and
 * the search. Throws what compiling or running it throws.
 */
export function countQuery(archive: Archive, query: string): number {
  if (compileQuery(archive, query).kind === 'empty') return 0
  const { where, params } = listFilterSql(archive, { trash: false, query })
  return archive.sqlite
    .prepare(`SELECT count(*) FROM articles a WHERE ${where.join(' AND ')}`)
    .pluck()
    .get(...params) as number
}

/**
 * A saved search with its count, or with `count: null` and the reason when it cannot be counted:
 * whatever one stored query holds (an old syntax, thousands of filters stored before the limits,
 * SQLite refusing the statement), the sidebar and the list never fail because of it.
 */
function withCount(archive: Archive, row: Row): SavedSearch {
  try {
    return { ...row, count: countQuery(archive, row.query) }
  } catch (err) {
    if (err instanceof WarraqError) {
      const data = err.toData()
      return { ...row, count: null, problem: data }
    }
    const message = `This saved search cannot be counted: ${(err as Error).message}`
    const problem = { code: 'query_syntax', message, key: 'savedSearch.uncountable' }
    return { ...row, count: null, problem }
  }
}

export function listSavedSearches(archive: Archive): SavedSearch[] {
  const rows = stmt(
    archive.sqlite,
    'SELECT uid, name, query FROM saved_searches ORDER BY name'
  ).all() as Row[]
  return rows.map((r) => withCount(archive, r))
}

function getSavedSearch(archive: Archive, uid: string): SavedSearch {
  const row = stmt(archive.sqlite, 'SELECT uid, name, query FROM saved_searches WHERE uid = ?').get(
    uid
  ) as Row | undefined
  if (!row)
    throw new WarraqError('not_found', `No saved search with uid ${uid}.`, {
      key: 'saved_searches.not_found',
      params: { uid }
    })
  return withCount(archive, row)
}

export function createSavedSearch(
  archive: Archive,
  input: z.output<typeof SavedSearchCreateInput>
): SavedSearch {
  compileQuery(archive, input.query) // a malformed query is refused with its message
  const uid = newUid()
  stmt(archive.sqlite, 'INSERT INTO saved_searches (uid, name, query) VALUES (?, ?, ?)').run(
    uid,
    input.name,
    input.query
  )
  return getSavedSearch(archive, uid)
}

export function updateSavedSearch(
  archive: Archive,
  input: z.output<typeof SavedSearchUpdateInput>
): SavedSearch {
  const current = getSavedSearch(archive, input.uid)
  if (input.query !== undefined) compileQuery(archive, input.query)
  stmt(archive.sqlite, 'UPDATE saved_searches SET name = ?, query = ? WHERE uid = ?').run(
    input.name ?? current.name,
    input.query ?? current.query,
    input.uid
  )
  return getSavedSearch(archive, input.uid)
}

export function deleteSavedSearch(archive: Archive, uid: string): { uid: string } {
  getSavedSearch(archive, uid)
  stmt(archive.sqlite, 'DELETE FROM saved_searches WHERE uid = ?').run(uid)
  return { uid }
}
