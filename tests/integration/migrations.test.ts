import Database from 'better-sqlite3'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { defaultMigrationsFolder, openArchive } from '../../src/main/core/db/open'
import { tempDir } from '../helpers/archive'
import { migrationsUpTo, type Journal } from '../helpers/migrations'

const CHILD_TABLES = [
  'revisions',
  'annotations',
  'article_tags',
  'collection_articles',
  'related_links'
]

function childCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true })
  const counts = Object.fromEntries(
    CHILD_TABLES.map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number])
  )
  db.close()
  return counts
}

/**
 * Rows with children of every cascading kind, written in the SQL of the first schema: later
 * migrations only add to it, so these statements hold at every past version.
 */
function populateFirstSchema(db: Database.Database): void {
  db.exec(`
    INSERT INTO sources (id, name) VALUES (1, 'الحياة');
    INSERT INTO articles (id, uid, title, body, source_id, content_hash, authors)
      VALUES (1, 'a-1', 'مقال', 'نص المقال الأول', 1, 'h1', '["كاتب"]'),
             (2, 'a-2', 'مقال ثان', 'نص آخر', 1, 'h2', '[]');
    INSERT INTO revisions (article_id, version, snapshot) VALUES (1, 1, '{}'), (2, 1, '{}');
    INSERT INTO tags (id, name) VALUES (1, 'وسم');
    INSERT INTO article_tags (article_id, tag_id) VALUES (1, 1), (2, 1);
    INSERT INTO collections (id, uid, name) VALUES (1, 'c-1', 'مجموعة');
    INSERT INTO collection_articles (collection_id, article_id, position) VALUES (1, 1, 0), (1, 2, 1);
    INSERT INTO related_links (article_id, title) VALUES (1, 'رابط');
    INSERT INTO annotations (uid, article_id, start, "end", exact, body_version, note)
      VALUES ('n-1', 1, 0, 3, 'نص ', 1, 'ملاحظة');
  `)
}

let tmp: ReturnType<typeof tempDir>
afterEach(() => tmp?.cleanup())

describe('migrations', () => {
  it('upgrades a populated archive from every past schema version without losing a child row', () => {
    tmp = tempDir()
    const journal = JSON.parse(
      readFileSync(join(defaultMigrationsFolder(), 'meta', '_journal.json'), 'utf8')
    ) as Journal
    expect(journal.entries.length).toBeGreaterThan(0)
    for (let count = 1; count <= journal.entries.length; count++) {
      const file = join(tmp.dir, `from-${count}.db`)
      const old = openArchive(file, { migrationsFolder: migrationsUpTo(tmp.dir, count) })
      populateFirstSchema(old.sqlite)
      old.close()
      const before = childCounts(file)
      const upgraded = openArchive(file)
      expect(upgraded.sqlite.pragma('foreign_key_check')).toEqual([])
      upgraded.close()
      expect(childCounts(file)).toEqual(before)
    }
  })

  it('keeps children when a migration rebuilds their parent table (foreign keys off outside the transaction)', () => {
    tmp = tempDir()
    // the real migrations, then two more: children of a parent, and a rebuild of that parent
    // the way drizzle-kit writes one for SQLite (create new, copy, drop old, rename)
    const journal = JSON.parse(
      readFileSync(join(defaultMigrationsFolder(), 'meta', '_journal.json'), 'utf8')
    ) as Journal
    const folder = migrationsUpTo(tmp.dir, journal.entries.length)
    writeFileSync(
      join(folder, '9000_a.sql'),
      'CREATE TABLE parent (id integer PRIMARY KEY, name text);\n--> statement-breakpoint\nCREATE TABLE child (id integer PRIMARY KEY, parent_id integer NOT NULL REFERENCES parent(id) ON DELETE CASCADE);'
    )
    writeFileSync(
      join(folder, '9001_b.sql'),
      [
        "CREATE TABLE __new_parent (id integer PRIMARY KEY, name text NOT NULL DEFAULT '');",
        "INSERT INTO __new_parent (id, name) SELECT id, coalesce(name, '') FROM parent;",
        'DROP TABLE parent;',
        'ALTER TABLE __new_parent RENAME TO parent;'
      ].join('\n--> statement-breakpoint\n')
    )
    const last = Math.max(...journal.entries.map((e) => e.when))
    const entry = (idx: number, tag: string) => ({
      idx,
      version: '6',
      when: last + idx,
      tag,
      breakpoints: true
    })
    const write = (extra: ReturnType<typeof entry>[]) =>
      writeFileSync(
        join(folder, 'meta', '_journal.json'),
        JSON.stringify({ ...journal, entries: [...journal.entries, ...extra] })
      )
    const base = journal.entries.length
    write([entry(base, '9000_a')])
    const file = join(tmp.dir, 'rebuild.db')
    const first = openArchive(file, { migrationsFolder: folder })
    first.sqlite.exec(
      "INSERT INTO parent (id, name) VALUES (1, 'p'); INSERT INTO child (parent_id) VALUES (1), (1), (1);"
    )
    first.close()
    write([entry(base, '9000_a'), entry(base + 1, '9001_b')])
    const second = openArchive(file, { migrationsFolder: folder })
    expect(second.sqlite.prepare('SELECT count(*) FROM child').pluck().get()).toBe(3)
    second.close()
  })

  it('refuses an archive written by a newer schema and leaves it unchanged', () => {
    tmp = tempDir()
    const file = join(tmp.dir, 'newer.db')
    const archive = openArchive(file)
    archive.sqlite
      .prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)')
      .run('from-the-future', Date.now() + 10 * 365 * 24 * 3600 * 1000)
    archive.close()
    const bytes = readFileSync(file)
    expect(() => openArchive(file)).toThrow(/newer version of Warraq/)
    expect(readFileSync(file).equals(bytes)).toBe(true)
    expect(readdirSync(tmp.dir)).toContain('newer.db')
  })
})
