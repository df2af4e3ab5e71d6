import Database from 'better-sqlite3'
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createArticle } from '../../src/main/core/articles/service'
import { createAnnotation } from '../../src/main/core/annotations/service'
import { defaultMigrationsFolder, openArchive } from '../../src/main/core/db/open'
import { tempDir } from '../helpers/archive'

interface Journal {
  version: string
  dialect: string
  entries: { idx: number; when: number; tag: string; version: string; breakpoints: boolean }[]
}

/** A copy of the real migrations holding only the first `count` of them: an older Warraq. */
function migrationsUpTo(dir: string, count: number): string {
  const source = defaultMigrationsFolder()
  const target = join(dir, `migrations-${count}`)
  mkdirSync(join(target, 'meta'), { recursive: true })
  const journal = JSON.parse(readFileSync(join(source, 'meta', '_journal.json'), 'utf8')) as Journal
  journal.entries = journal.entries.slice(0, count)
  writeFileSync(join(target, 'meta', '_journal.json'), JSON.stringify(journal))
  for (const entry of journal.entries)
    cpSync(join(source, `${entry.tag}.sql`), join(target, `${entry.tag}.sql`))
  return target
}

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
      const a = createArticle(old, {
        title: 'مقال',
        body: 'نص المقال الأول',
        tags: ['وسم'],
        collections: ['مجموعة'],
        related: [{ title: 'رابط' }]
      })
      createAnnotation(old, { articleUid: a.uid, start: 0, end: 3, note: 'ملاحظة' })
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
    // a migration folder where step 2 rebuilds `parent` the way drizzle-kit does for SQLite
    const folder = join(tmp.dir, 'rebuild')
    mkdirSync(join(folder, 'meta'), { recursive: true })
    writeFileSync(
      join(folder, '0000_a.sql'),
      'CREATE TABLE articles (id integer PRIMARY KEY, published text);\n--> statement-breakpoint\nCREATE TABLE parent (id integer PRIMARY KEY, name text);\n--> statement-breakpoint\nCREATE TABLE child (id integer PRIMARY KEY, parent_id integer NOT NULL REFERENCES parent(id) ON DELETE CASCADE);'
    )
    writeFileSync(
      join(folder, '0001_b.sql'),
      [
        "CREATE TABLE __new_parent (id integer PRIMARY KEY, name text NOT NULL DEFAULT '');",
        "INSERT INTO __new_parent (id, name) SELECT id, coalesce(name, '') FROM parent;",
        'DROP TABLE parent;',
        'ALTER TABLE __new_parent RENAME TO parent;'
      ].join('\n--> statement-breakpoint\n')
    )
    const entry = (idx: number, tag: string) => ({
      idx,
      version: '6',
      when: 1700000000000 + idx,
      tag,
      breakpoints: true
    })
    const write = (entries: ReturnType<typeof entry>[]) =>
      writeFileSync(
        join(folder, 'meta', '_journal.json'),
        JSON.stringify({ version: '7', dialect: 'sqlite', entries })
      )
    write([entry(0, '0000_a')])
    const file = join(tmp.dir, 'rebuild.db')
    const first = openArchive(file, { migrationsFolder: folder })
    first.sqlite.exec(
      "INSERT INTO parent (id, name) VALUES (1, 'p'); INSERT INTO child (parent_id) VALUES (1), (1), (1);"
    )
    first.close()
    write([entry(0, '0000_a'), entry(1, '0001_b')])
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
