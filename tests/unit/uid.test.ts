import { describe, expect, it } from 'vitest'
import { newUid } from '../../src/main/core/articles/write'

describe('newUid', () => {
  it('makes version-7 UUIDs: unique, and in time order from one millisecond to the next', async () => {
    const first = Array.from({ length: 5_000 }, newUid)
    await new Promise((resolve) => setTimeout(resolve, 5))
    const later = newUid()
    for (const uid of [...first, later])
      expect(uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(new Set(first).size).toBe(first.length)
    expect(first.every((uid) => uid < later)).toBe(true)
    // the first 48 bits are the time in milliseconds
    const millis = parseInt(later.replace('-', '').slice(0, 12), 16)
    expect(Math.abs(millis - Date.now())).toBeLessThan(1_000)
  })
})
