import { describe, expect, it } from 'vitest'
import { DEFAULT_VARIANT_GROUPS, expandVariants, normalizeText, tokenize } from '@shared/text'

describe('expandVariants', () => {
  it('joins spellings normalising cannot join, in both directions', () => {
    expect(expandVariants('سوريا')).toEqual(['سوريه'])
    expect(expandVariants('سوريه')).toEqual(['سوريا'])
    expect(expandVariants('ترمب')).toEqual(['ترامب'])
    expect(expandVariants('مسئول')).toEqual(['مسؤول'])
    // پوتين needs no group any more: the normaliser folds پ to ب
    expect(expandVariants('بوتين')).toEqual(['بوتن'])
    expect(normalizeText('پوتين')).toBe('بوتين')
  })

  it('returns nothing for words without variants', () => {
    expect(expandVariants('كتاب')).toEqual([])
    expect(expandVariants('')).toEqual([])
  })

  it('uses the groups it is given, normalising them', () => {
    const groups = [
      ['أوكسفورد', 'اكسفورد'],
      ['Oxford', 'OXON']
    ]
    expect(expandVariants('اكسفورد', groups)).toEqual(['اوكسفورد'])
    expect(expandVariants('oxon', groups)).toEqual(['oxford'])
  })

  it('merges groups that share a word', () => {
    expect(
      expandVariants('a', [
        ['a', 'b'],
        ['a', 'c']
      ])
    ).toEqual(['b', 'c'])
  })

  it('seeds about thirty groups of single words', () => {
    expect(DEFAULT_VARIANT_GROUPS.length).toBeGreaterThanOrEqual(30)
    for (const group of DEFAULT_VARIANT_GROUPS) {
      expect(group.length).toBeGreaterThanOrEqual(2)
      for (const word of group) expect(tokenize(word)).toHaveLength(1)
      // A group whose members normalise alike would be useless.
      expect(new Set(group.map((w) => normalizeText(w))).size).toBe(group.length)
    }
  })
})
