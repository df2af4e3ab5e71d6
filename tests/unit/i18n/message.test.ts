import { describe, expect, it } from 'vitest'
import { formatMessage } from '../../../src/renderer/src/i18n/message'

describe('formatMessage', () => {
  it('shows an import reason in Arabic and English with its parameters', () => {
    const ref = { key: 'import.stopped', params: { written: 6, total: 10 } }
    expect(formatMessage('en', ref)).toBe(
      'Stopped after 6 of 10 records; import the file again to add the rest.'
    )
    expect(formatMessage('ar', ref)).toMatch(/^أُوقف بعد (6|٦) من (10|١٠) سجل/)
  })

  it('returns null for a key the catalogue does not know', () => {
    expect(formatMessage('en', { key: 'import.nothing_like_this' })).toBeNull()
  })
})
