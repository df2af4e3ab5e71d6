import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createArticle } from '../../src/main/core/articles/service'
import {
  createAnnotation,
  listAnnotations,
  updateAnnotation
} from '../../src/main/core/annotations/service'
import { searchAnnotations } from '../../src/main/core/annotations/search'
import { openArchive } from '../../src/main/core/db/open'
import { readAnnotationBatch } from '../../src/main/core/export/records'
import { deleteTag, listTags, mergeTags, updateTag } from '../../src/main/core/tags/service'
import { createTestArchive, tempDir, type TestArchive } from '../helpers/archive'
import { migrationsBefore } from '../helpers/migrations'

let t: TestArchive | undefined
let tmp: ReturnType<typeof tempDir> | undefined
afterEach(() => {
  t?.cleanup()
  tmp?.cleanup()
  t = tmp = undefined
})

const count = (archive: TestArchive['archive'], sql: string): number =>
  archive.sqlite.prepare(sql).pluck().get() as number

describe('annotation tags in the tags table', () => {
  it('carries the JSON tag arrays of an archive written before the change over to annotation_tags', () => {
    tmp = tempDir()
    const file = join(tmp.dir, 'old.db')
    const old = openArchive(file, {
      migrationsFolder: migrationsBefore(tmp.dir, 'annotation_tags')
    })
    // the previous schema's SQL: tags as JSON arrays on annotations, article tags in the join table
    old.sqlite.exec(`
      INSERT INTO articles (id, uid, title, body, content_hash) VALUES (1, 'a-1', 'مقال', 'نص المقال الأول', 'h1');
      INSERT INTO tags (id, name) VALUES (1, 'سياسة/دولية');
      INSERT INTO article_tags (article_id, tag_id) VALUES (1, 1);
      INSERT INTO annotations (id, uid, article_id, start, "end", exact, body_version, tags) VALUES
        (1, 'n-1', 1, 0, 2, 'نص', 1, '["سياسة/دولية", " مكان ", "مكان"]'),
        (2, 'n-2', 1, 3, 8, 'المقال', 1, '["ثقافة"]'),
        (3, 'n-3', 1, 9, 14, 'الأول', 1, '[]'),
        (4, 'n-4', 1, 0, 2, 'نص', 1, 'not json'),
        (5, 'n-5', 1, 0, 2, 'نص', 1, '["", 7, "ثقافة"]');
    `)
    old.close()
    const archive = openArchive(file)
    try {
      const columns = archive.sqlite.prepare('PRAGMA table_info(annotations)').all() as {
        name: string
      }[]
      expect(columns.map((c) => c.name)).not.toContain('tags')
      const tagsOf = (uid: string): string[] =>
        listAnnotations(archive, 'a-1').find((n) => n.uid === uid)!.tags
      // an existing article tag is reused, blanks, repeats and non-strings dropped, names trimmed
      expect(tagsOf('n-1')).toEqual(['سياسة/دولية', 'مكان'])
      expect(tagsOf('n-2')).toEqual(['ثقافة'])
      expect(tagsOf('n-3')).toEqual([])
      expect(tagsOf('n-4')).toEqual([])
      expect(tagsOf('n-5')).toEqual(['ثقافة'])
      expect(count(archive, 'SELECT count(*) FROM tags')).toBe(3)
      expect(listTags(archive)).toEqual([
        { name: 'ثقافة', color: null, articleCount: 0, annotationCount: 2 },
        { name: 'سياسة/دولية', color: null, articleCount: 1, annotationCount: 1 },
        { name: 'مكان', color: null, articleCount: 0, annotationCount: 1 }
      ])
      expect(archive.sqlite.pragma('foreign_key_check')).toEqual([])
    } finally {
      archive.close()
    }
  })

  function seed(): { articleUid: string; first: string; second: string } {
    t = createTestArchive()
    const article = createArticle(t.archive, {
      title: 'مقال',
      body: 'زار الأمير الرياض وتحدث عن التعليم والنفط.',
      tags: ['سياسة/دولية', 'اقتصاد']
    })
    const first = createAnnotation(t.archive, {
      articleUid: article.uid,
      start: 0,
      end: 3,
      tags: ['سياسة/دولية', 'مكان']
    })
    const second = createAnnotation(t.archive, {
      articleUid: article.uid,
      start: 4,
      end: 10,
      tags: ['اقتصاد']
    })
    return { articleUid: article.uid, first: first.uid, second: second.uid }
  }

  it('writes, replaces and lists an annotation’s tags through the join table', () => {
    const s = seed()
    const archive = t!.archive
    expect(count(archive, 'SELECT count(*) FROM annotation_tags')).toBe(3)
    // one tags row per name, shared by articles and annotations
    expect(count(archive, "SELECT count(*) FROM tags WHERE name = 'سياسة/دولية'")).toBe(1)
    const updated = updateAnnotation(archive, { uid: s.first, tags: ['مكان', ' جديد '] })
    expect(updated.tags).toEqual(['جديد', 'مكان'])
    expect(updateAnnotation(archive, { uid: s.first, note: 'ملاحظة' }).tags).toEqual([
      'جديد',
      'مكان'
    ])
  })

  it('renames, merges and deletes a tag on articles and annotations alike', () => {
    const s = seed()
    const archive = t!.archive
    const tagsOf = (uid: string): string[] =>
      listAnnotations(archive, s.articleUid).find((n) => n.uid === uid)!.tags
    updateTag(archive, { name: 'سياسة', rename: 'شؤون' })
    expect(tagsOf(s.first)).toEqual(['شؤون/دولية', 'مكان'])
    expect(listTags(archive).find((x) => x.name === 'شؤون/دولية')).toMatchObject({
      articleCount: 1,
      annotationCount: 1
    })
    mergeTags(archive, 'مكان', 'اقتصاد')
    expect(tagsOf(s.first)).toEqual(['اقتصاد', 'شؤون/دولية'])
    expect(tagsOf(s.second)).toEqual(['اقتصاد'])
    expect(listTags(archive).map((x) => x.name)).not.toContain('مكان')
    deleteTag(archive, 'شؤون')
    expect(tagsOf(s.first)).toEqual(['اقتصاد'])
    expect(count(archive, 'SELECT count(*) FROM article_tags')).toBe(1)
    expect(count(archive, 'SELECT count(*) FROM annotation_tags')).toBe(2)
  })

  it('finds annotations by tag (its children included) and exports their tags', () => {
    const s = seed()
    const archive = t!.archive
    const byTag = (tag: string): string[] =>
      searchAnnotations(archive, { tag, limit: 50 }).items.map((n) => n.uid)
    expect(byTag('سياسة')).toEqual([s.first])
    expect(byTag('سياسه/دوليه')).toEqual([s.first]) // compared normalised
    expect(byTag('اقتصاد')).toEqual([s.second])
    expect(byTag('سياس')).toEqual([])
    const articleId = count(archive, 'SELECT id FROM articles')
    const exported = readAnnotationBatch(archive, [articleId]).get(articleId)!
    expect(exported.map((n) => n.tags)).toEqual([['سياسة/دولية', 'مكان'], ['اقتصاد']])
  })
})
