import { z } from 'zod'

/** A group of equivalent spellings (سوريا / سورية), applied when searching. */
export interface VariantGroup {
  id: number
  /** as people write them; compared normalised */
  words: string[]
}

const Words = z.array(z.string().trim().min(1).max(100)).min(2).max(20)

export const VariantAddInput = z.object({ words: Words })
export const VariantUpdateInput = z.object({ id: z.number().int().min(1), words: Words })
export const VariantIdInput = z.object({ id: z.number().int().min(1) })
