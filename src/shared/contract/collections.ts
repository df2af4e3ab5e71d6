import { z } from 'zod'

/** A collection: named, described, nested one level, with its own order of articles. */
export interface Collection {
  uid: string
  name: string
  description: string | null
  /** uid of the parent collection; collections nest one level only */
  parent: string | null
  articleCount: number
}

const name = z.string().trim().min(1).max(500)
const uids = z.array(z.string().min(1).max(200)).min(1).max(100_000)

export const CollectionCreateInput = z.object({
  name,
  description: z.string().max(10_000).nullable().optional(),
  parent: z.string().max(200).nullable().optional()
})

export const CollectionUpdateInput = z.object({
  uid: z.string().min(1).max(200),
  name: name.optional(),
  description: z.string().max(10_000).nullable().optional(),
  parent: z.string().max(200).nullable().optional()
})

export const CollectionArticlesInput = z.object({
  uid: z.string().min(1).max(200),
  articles: uids
})

/** Moves articles of a collection to stand before `before` (or at the end when null). */
export const CollectionMoveInput = z.object({
  uid: z.string().min(1).max(200),
  articles: uids,
  before: z.string().max(200).nullable()
})
