import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { listArticles } from '../../src/main/core/articles/service'
import { openArchive } from '../../src/main/core/db/open'
import { sortKey, sourceSortKey } from '../../src/shared/text/sortKey'
import { tempDir } from '../helpers/archive'
import { migrationsBefore } from '../helpers/migrations'

let tmp: ReturnType<typeof tempDir>
afterEach(() => tmp?.cleanup())

describe('the sort keys migration', () => {
  it('fills the keys of an archive written before it, so its library sorts alphabetically', () => {
    tmp = tempDir()
    const file = join(tmp.dir, 'old.db')
    const old = openArchive(file, { migrationsFolder: migrationsBefore(tmp.dir, 'sort_keys') })
    // rows in the previous schema's SQL: no key columns yet
    old.sqlite.exec(`
      INSERT INTO sources (id, name) VALUES (1, 'عكاظ'), (2, '«الرياض»');
      INSERT INTO articles (id, uid, title, body, source_id, content_hash, authors) VALUES
        (1, 'a-1', 'إبراهيم', 'نص', 1, 'h1', '["أحمد"]'),
        (2, 'a-2', '"الخبر"', 'نص', 2, 'h2', '[]'),
        (3, 'a-3', 'آمنة', 'نص', NULL, 'h3', '["بدر", "سارة"]'),
        (4, 'a-4', 'ابتسام', 'نص', 1, 'h4', 'not json'),
        (5, 'a-5', '', 'نص', NULL, 'h5', '["احمد"]');
    `)
    old.close()
    const archive = openArchive(file)
    try {
      const rows = archive.sqlite
        .prepare(
          'SELECT title, title_key AS titleKey, author_key AS authorKey FROM articles ORDER BY id'
        )
        .all() as { title: string; titleKey: string; authorKey: string }[]
      expect(rows.map((r) => r.titleKey)).toEqual(rows.map((r) => sortKey(r.title)))
      expect(rows.map((r) => r.authorKey)).toEqual([
        sortKey('أحمد'),
        '',
        sortKey('بدر'),
        '', // authors that are not JSON sort as none, and the upgrade goes on
        sortKey('احمد')
      ])
      const sources = archive.sqlite
        .prepare('SELECT name, name_key AS nameKey FROM sources ORDER BY id')
        .all() as { name: string; nameKey: string }[]
      expect(sources.map((s) => s.nameKey)).toEqual(sources.map((s) => sourceSortKey(s.name)))
      archive.sqlite.exec("UPDATE articles SET authors = '[]' WHERE id = 4")
      const titles = listArticles(archive, { sort: 'title', direction: 'asc' }).items
      expect(titles.map((i) => i.title)).toEqual(['ابتسام', 'إبراهيم', '"الخبر"', 'آمنة', ''])
      const bySource = listArticles(archive, { sort: 'source', direction: 'asc' }).items
      expect(bySource.map((i) => i.source)).toEqual(['«الرياض»', 'عكاظ', 'عكاظ', null, null])
    } finally {
      archive.close()
    }
  })
})
