import { describe, expect, it } from 'vitest'
import { findMatches, makeSnippet } from '@shared/text'
import type { TextRange } from '@shared/text'

/** The highlighted words of a snippet. */
function highlighted(snippet: { text: string; highlights: TextRange[] }): string[] {
  return snippet.highlights.map(([a, b]) => snippet.text.slice(a, b))
}

const filler = (n: number): string => Array.from({ length: n }, (_, i) => `كلمة${i % 10}`).join(' ')

describe('makeSnippet', () => {
  it('returns a short text whole, highlights unchanged', () => {
    const text = 'زار لافروف الجزائر'
    const snippet = makeSnippet(text, [[11, 18]])
    expect(snippet).toEqual({ text, highlights: [[11, 18]] })
  })

  it('cuts a long text around the hit, on word boundaries, with ellipses counted in offsets', () => {
    const text = `${filler(60)} وزيرُ الخارجيةِ الجزائري ${filler(60)}`
    const ranges = findMatches(text, [{ norm: 'الخارجيه' }])
    const snippet = makeSnippet(text, ranges, 120)
    expect(snippet.text.startsWith('…')).toBe(true)
    expect(snippet.text.endsWith('…')).toBe(true)
    expect(snippet.text.length).toBeLessThanOrEqual(120)
    expect(highlighted(snippet)).toEqual(['الخارجيةِ'])
    // Whole words only: the text between the ellipses is a run of complete words of the original.
    const inner = snippet.text.slice(1, -1)
    expect(text.includes(` ${inner} `)).toBe(true)
  })

  it('chooses the window with the most hits', () => {
    const text = `سورية ${filler(80)} سورية والجزائر وسورية ${filler(80)}`
    const ranges = findMatches(text, [
      { norm: 'سوريه', stem: 'سور' },
      { norm: 'الجزائر', stem: 'جزائر' }
    ])
    expect(ranges).toHaveLength(4)
    const snippet = makeSnippet(text, ranges, 100)
    expect(highlighted(snippet)).toEqual(['سورية', 'والجزائر', 'وسورية'])
  })

  it('starts at the beginning when there is no hit', () => {
    const text = filler(100)
    const snippet = makeSnippet(text, [], 50)
    expect(snippet.text.startsWith('كلمة0 كلمة1')).toBe(true)
    expect(snippet.text.endsWith('…')).toBe(true)
    expect(snippet.text.length).toBeLessThanOrEqual(50)
    expect(snippet.highlights).toEqual([])
  })

  it('replaces line breaks one for one so offsets stay exact', () => {
    const text = 'العنوان\nالفقرة الأولى\tعن لبنان'
    const ranges = findMatches(text, [{ norm: 'لبنان' }])
    const snippet = makeSnippet(text, ranges)
    expect(snippet.text).toBe('العنوان الفقرة الأولى عن لبنان')
    expect(highlighted(snippet)).toEqual(['لبنان'])
  })

  it('cuts hard inside a single huge word rather than returning nothing', () => {
    const text = 'ا'.repeat(1000)
    const snippet = makeSnippet(text, [], 40)
    expect(snippet.text.length).toBe(40)
    expect(snippet.text.endsWith('…')).toBe(true)
  })

  it('clips a hit longer than the window', () => {
    const text = `${filler(20)} ${'ب'.repeat(500)} ${filler(20)}`
    const start = text.indexOf('ب')
    const snippet = makeSnippet(text, [[start, start + 500]], 60)
    expect(snippet.text.length).toBeLessThanOrEqual(60)
    expect(snippet.highlights).toHaveLength(1)
    const [a, b] = snippet.highlights[0]
    expect(snippet.text.slice(a, b)).toMatch(/^ب+$/)
  })

  it('ignores ranges outside the text and keeps surrogate pairs whole', () => {
    const text = `${'😀 '.repeat(100)}سوريا ${'😀 '.repeat(100)}`
    const at = text.indexOf('سوريا')
    const snippet = makeSnippet(
      text,
      [
        [at, at + 5],
        [-5, 2],
        [9999, 10005]
      ],
      41
    )
    expect(highlighted(snippet)).toEqual(['سوريا'])
    expect(snippet.text).not.toMatch(/^…[\uDC00-\uDFFF]/)
    expect(snippet.text).not.toMatch(/[\uD800-\uDBFF]…$/)
  })

  it('handles a 50,000-word article with many hits (speed is measured in the benchmark)', () => {
    const article = 'وأشاد رئيس الدبلوماسية الروسية بالتنسيق الأمني مع الجزائر. '.repeat(5600)
    const ranges = findMatches(article, [{ norm: 'الجزائر' }])
    const snippet = makeSnippet(article, ranges)
    expect(snippet.highlights.length).toBeGreaterThanOrEqual(3)
  })
})
