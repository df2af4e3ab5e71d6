import { describe, expect, it } from 'vitest'
import { ALL_IMPORTERS, detectFormat } from '../../../src/main/core/import/formats'
import { fixtureText } from './fixture'

const SCRAPED_TEXT =
  'افتتاح مكتبة الحي القديم\n\nالاثنين 29 فبراير 2016\n\nافتتحت البلدية صباح أمس المكتبة.'

describe('detectFormat', () => {
  it('has one importer per format', () => {
    expect(ALL_IMPORTERS.map((i) => i.id).sort()).toEqual(['csv', 'html', 'json', 'txt', 'xml'])
  })

  it('recognises each fixture by content, whatever its name', () => {
    const cases: [string, string][] = [
      ['news-page.html', 'html'],
      ['no-article-page.html', 'html'],
      ['feed.rss', 'xml'],
      ['three-docs.trec', 'xml'],
      ['articles.json', 'json'],
      ['articles.jsonl', 'json'],
      ['articles-semicolon.csv', 'csv']
    ]
    for (const [name, id] of cases) {
      expect(detectFormat(fixtureText(name), name).id).toBe(id)
      expect(detectFormat(fixtureText(name), 'download').id).toBe(id)
    }
  })

  it('falls back to plain text for a scraped article, even named .json or .html', () => {
    expect(detectFormat(SCRAPED_TEXT, 'a.txt').id).toBe('txt')
    expect(detectFormat(SCRAPED_TEXT, 'a.json').id).toBe('txt')
    expect(detectFormat(SCRAPED_TEXT, 'a.html').id).toBe('txt')
    expect(detectFormat('', 'empty').id).toBe('txt')
  })

  it('lets the extension settle a short ambiguous text', () => {
    expect(detectFormat('title\nعنوان وحيد', 'one-column.csv').id).toBe('csv')
  })

  it('obeys a forced format', () => {
    expect(detectFormat(fixtureText('articles.json'), 'a.json', 'txt').id).toBe('txt')
    expect(detectFormat(SCRAPED_TEXT, 'a.txt', 'html').id).toBe('html')
  })
})
