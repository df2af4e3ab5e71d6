import type Database from 'better-sqlite3'

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>()

/** A prepared statement, compiled once per connection: imports run these thousands of times. */
export function stmt(sqlite: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(sqlite)
  if (!cache) {
    cache = new Map()
    caches.set(sqlite, cache)
  }
  let statement = cache.get(sql)
  if (!statement) {
    statement = sqlite.prepare(sql)
    cache.set(sql, statement)
  }
  return statement
}

export function nowIso(): string {
  return new Date().toISOString()
}
