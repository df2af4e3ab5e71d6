import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { WarraqError } from '../../src/shared/errors'
import { createArticle } from '../../src/main/core/articles/service'
import { searchArticles } from '../../src/main/core/search/service'
import {
  addVariant,
  listVariants,
  removeVariant,
  updateVariant
} from '../../src/main/core/search/variants'
import { main } from '../../src/main/cli'
import { createTestArchive, type TestArchive } from '../helpers/archive'

let t: TestArchive
beforeEach(() => {
  t = createTestArchive()
  createArticle(t.archive, { title: 'زيارة', body: 'وصل الرئيس بايدن الى العاصمة.' })
  createArticle(t.archive, { title: 'خبر', body: 'صرح ترمب للصحفيين.' })
})
afterEach(() => t.cleanup())

const total = (query: string): number =>
  searchArticles(t.archive, { query, limit: 10, offset: 0, facets: false }).total

describe('the table of equivalent spellings', () => {
  it('ships a starter table applied when searching', () => {
    const words = listVariants(t.archive).map((g) => g.words)
    expect(words).toContainEqual(['ترامب', 'ترمب'])
    expect(total('ترامب')).toBe(1)
  })

  it('adds, edits and removes a group, applied at once without re-indexing', () => {
    expect(total('بايدين')).toBe(0)
    const group = addVariant(t.archive, ['بايدن', 'بايدين'])
    expect(total('بايدين')).toBe(1)
    expect(updateVariant(t.archive, group.id, ['بايدن', 'بايدون']).words).toEqual([
      'بايدن',
      'بايدون'
    ])
    expect(total('بايدين')).toBe(0)
    expect(total('بايدون')).toBe(1)
    expect(removeVariant(t.archive, group.id)).toEqual({ id: group.id })
    expect(total('بايدون')).toBe(0)
  })

  it('refuses groups that are not single words or that normalising already joins', () => {
    const err = (words: string[]): WarraqError => {
      try {
        addVariant(t.archive, words)
      } catch (e) {
        if (e instanceof WarraqError) return e
      }
      throw new Error('expected a refusal')
    }
    expect(err(['الأمم المتحدة', 'الامم']).detail?.key).toBe('variants.not_one_word')
    expect(err(['إسرائيل', 'اسرائيل']).detail?.key).toBe('variants.too_few')
    expect(() => removeVariant(t.archive, 99_999)).toThrow(WarraqError)
  })

  it('is edited from the command line', async () => {
    const printed: string[] = []
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      printed.push(String(chunk))
      return true
    })
    try {
      t.archive.close()
      const db = ['--db', t.file, '--json']
      expect(await main(['variants', 'add', 'بوتين', 'بوطين', ...db])).toBe(0)
      const added = JSON.parse(printed.pop() ?? '') as { id: number; words: string[] }
      expect(added.words).toEqual(['بوتين', 'بوطين'])
      expect(await main(['variants', 'list', ...db])).toBe(0)
      const listed = JSON.parse(printed.pop() ?? '') as { id: number }[]
      expect(listed.map((g) => g.id)).toContain(added.id)
      expect(await main(['variants', 'remove', String(added.id), ...db])).toBe(0)
      expect(await main(['variants', 'frobnicate', ...db])).toBe(2)
    } finally {
      spy.mockRestore()
    }
  })
})
