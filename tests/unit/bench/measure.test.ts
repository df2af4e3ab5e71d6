import { describe, expect, it } from 'vitest'
import { percentile, spread, timeInterleaved } from '../../../bench/measure'

describe('bench measures', () => {
  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 20 }, (_, i) => 20 - i) // 20 … 1, unsorted
    expect(percentile(values, 50)).toBe(10)
    expect(percentile(values, 95)).toBe(19)
    expect(percentile(values, 100)).toBe(20)
    expect(spread(values)).toEqual({ p50: 10, p95: 19, max: 20, samples: 20 })
  })

  it('warms up untimed, then alternates which side goes first', () => {
    const calls: string[] = []
    const pairs = [
      { warraq: () => void calls.push('w0'), plain: () => void calls.push('p0') },
      { warraq: () => void calls.push('w1'), plain: null }
    ]
    const samples = timeInterleaved(pairs, 3, 1)
    expect(calls).toEqual(['p0', 'w0', 'w1', 'w0', 'p0', 'w1', 'p0', 'w0', 'w1', 'w0', 'p0', 'w1'])
    expect(samples.warraq.map((s) => s.length)).toEqual([3, 3])
    expect(samples.plain.map((s) => s.length)).toEqual([3, 0])
  })
})
