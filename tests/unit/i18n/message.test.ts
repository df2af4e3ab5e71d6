import { describe, expect, it } from 'vitest'
import { fillMessage } from '@shared/messages'

describe('fillMessage', () => {
  it("fills a reason's parameters into its template", () => {
    expect(
      fillMessage('Stopped after {written} of {total} records.', { written: 6, total: 10 }, 'en')
    ).toBe('Stopped after 6 of 10 records.')
    expect(
      fillMessage('أُوقف بعد {written} من {total} سجل', { written: 6, total: 10 }, 'ar')
    ).toMatch(/^أُوقف بعد (6|٦) من (10|١٠) سجل$/)
  })

  it('leaves a place with no parameter as it is', () => {
    expect(fillMessage('In {entry}', {}, 'en')).toBe('In {entry}')
  })
})
