import { describe, expect, it } from 'vitest'
import { compactDiff, diffStats, diffWords, wordTokens } from '../../../src/shared/text/diff'

const join = (segments: { text: string }[]): string => segments.map((s) => s.text).join('')
const side = (segments: { op: string; text: string }[], drop: 'insert' | 'delete'): string =>
  join(segments.filter((s) => s.op !== drop))

describe('word diff', () => {
  it('tokenizes into words and whitespace without losing characters', () => {
    expect(wordTokens('قال  الوزيرُ\nأمسِ، «نعم».')).toEqual([
      'قال',
      '  ',
      'الوزيرُ',
      '\n',
      'أمسِ',
      '،',
      ' ',
      '«',
      'نعم',
      '».'
    ])
    expect(wordTokens('')).toEqual([])
  })

  it('reports a replaced Arabic word as one deletion and one insertion', () => {
    const d = diffWords('اعتبر وزير الخارجية أن الحرب', 'اعتبر وزير الداخلية أن الحرب')
    expect(diffWords('تعاوناً واسعاً.', 'تعاوناً عاجلاً.')).toEqual([
      { op: 'equal', text: 'تعاوناً ' },
      { op: 'delete', text: 'واسعاً' },
      { op: 'insert', text: 'عاجلاً' },
      { op: 'equal', text: '.' }
    ])
    expect(d).toEqual([
      { op: 'equal', text: 'اعتبر وزير ' },
      { op: 'delete', text: 'الخارجية' },
      { op: 'insert', text: 'الداخلية' },
      { op: 'equal', text: ' أن الحرب' }
    ])
    expect(diffStats(d)).toEqual({ added: 1, removed: 1 })
  })

  it('rebuilds both texts from the segments', () => {
    const before = 'one two three four five\nsix seven eight'
    const after = 'zero one three four 4.5 five\nsix eight nine.'
    const d = diffWords(before, after)
    expect(side(d, 'insert')).toBe(before)
    expect(side(d, 'delete')).toBe(after)
    expect(diffStats(d)).toEqual({ added: 4, removed: 2 })
  })

  it('handles empty sides and identical texts', () => {
    expect(diffWords('', 'كلمة جديدة')).toEqual([{ op: 'insert', text: 'كلمة جديدة' }])
    expect(diffWords('نص', '')).toEqual([{ op: 'delete', text: 'نص' }])
    expect(diffWords('نص واحد', 'نص واحد')).toEqual([{ op: 'equal', text: 'نص واحد' }])
  })

  it('falls back to one replacement past the edit limit and stays correct', () => {
    const before = Array.from({ length: 200 }, (_, i) => `a${i}`).join(' ')
    const after = Array.from({ length: 200 }, (_, i) => `b${i}`).join(' ')
    const d = diffWords(before, after, 10)
    expect(side(d, 'insert')).toBe(before)
    expect(side(d, 'delete')).toBe(after)
  })

  it('diffs a long text with a few changes quickly', () => {
    const words = Array.from({ length: 50_000 }, (_, i) => `كلمة${i % 97}`)
    const before = words.join(' ')
    const changed = [...words]
    changed[100] = 'تغيير'
    changed.splice(30_000, 2)
    const t0 = performance.now()
    const d = diffWords(before, changed.join(' '))
    expect(performance.now() - t0).toBeLessThan(1000)
    expect(diffStats(d)).toEqual({ added: 1, removed: 3 })
  })

  it('compacts long unchanged stretches around changes', () => {
    const long = Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ')
    const d = compactDiff(diffWords(`${long} old ${long}`, `${long} new ${long}`), 3)
    expect(d[0].text.startsWith('…')).toBe(true)
    expect(d[0].text.endsWith('w99 ')).toBe(true)
    expect(d[d.length - 1].text.endsWith('…')).toBe(true)
    expect(d.some((s) => s.op === 'insert' && s.text === 'new')).toBe(true)
  })
})
