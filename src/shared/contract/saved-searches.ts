import { z } from 'zod'

/**
 * A query of the query language kept under a name, with how many articles it finds now. `count`
 * is null when the query cannot be counted (an older syntax, over a limit); `problem` then says
 * why, and the saved search can still be opened, edited or deleted.
 */
export interface SavedSearch {
  uid: string
  name: string
  query: string
  count: number | null
  problem?: {
    code: string
    message: string
    key?: string
    params?: Record<string, string | number>
  }
}

export const SavedSearchCreateInput = z.object({
  name: z.string().trim().min(1).max(500),
  query: z.string().trim().min(1).max(10_000)
})

export const SavedSearchUpdateInput = z.object({
  uid: z.string().min(1).max(200),
  name: z.string().trim().min(1).max(500).optional(),
  query: z.string().trim().min(1).max(10_000).optional()
})
