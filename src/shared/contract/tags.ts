import { z } from 'zod'

/** A tag of the hierarchy; `name` is its full path, `سياسة/دولية`. */
export interface Tag {
  name: string
  color: string | null
  /** articles (not in the trash) carrying this very tag */
  articleCount: number
  /** annotations carrying it */
  annotationCount: number
}

const path = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .transform((s) =>
    s
      .split('/')
      .map((p) => p.trim())
      .filter(Boolean)
      .join('/')
  )
  .refine((s) => s.length > 0, 'a tag needs a name')

export const TagCreateInput = z.object({
  name: path,
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .nullable()
    .optional()
})

export const TagUpdateInput = z.object({
  name: z.string().min(1).max(500),
  /** a new path: the tag's children move with it */
  rename: path.optional(),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .nullable()
    .optional()
})

/** Merges `from` into `into`: every article and annotation tagged `from` gets `into`. */
export const TagMergeInput = z.object({
  from: z.string().min(1).max(500),
  into: z.string().min(1).max(500)
})

export const TagNameInput = z.object({ name: z.string().min(1).max(500) })
