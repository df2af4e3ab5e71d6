import { z } from 'zod'
import { ARTICLE_STATUSES } from '../domain'
import { ListFilter } from './articles'

const uid = z.string().min(1).max(200)

/**
 * Which articles a bulk edit touches: the uids picked one by one, or everything a library
 * filter shows (Ctrl+A over a million rows) except the ones unticked.
 */
export const Selection = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('uids'), uids: z.array(uid).max(200_000) }),
  z.object({
    kind: z.literal('all'),
    filter: ListFilter,
    except: z.array(uid).max(200_000).default([])
  })
])
export type Selection = z.input<typeof Selection>

export const BulkApplyInput = z.object({
  selection: Selection,
  set: z
    .object({
      source: z.string().max(500).nullable().optional(),
      status: z.enum(ARTICLE_STATUSES).optional(),
      published: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'published must be an ISO date, YYYY-MM-DD')
        .nullable()
        .optional()
    })
    .default({}),
  addTags: z.array(z.string().trim().min(1).max(500)).max(100).default([]),
  removeTags: z.array(z.string().min(1).max(500)).max(100).default([]),
  /** collection uids */
  addCollections: z.array(uid).max(100).default([]),
  removeCollections: z.array(uid).max(100).default([]),
  /** entity uids */
  linkEntities: z.array(uid).max(100).default([]),
  unlinkEntities: z.array(uid).max(100).default([])
})
export type BulkApplyInput = z.input<typeof BulkApplyInput>

export interface BulkResult {
  /** uid of the stored operation, for `bulk.undo` */
  operation: string
  /** articles that changed, each with a new revision */
  touched: number
}

export interface BulkOperationSummary {
  uid: string
  articleCount: number
  createdAt: string
  undoneAt: string | null
  summary: string
}

export const BulkUndoInput = z.object({ operation: uid })

export interface BulkUndoResult {
  /** articles put back as they were before the edit */
  restored: number
  /** articles changed since the edit (a later save, another bulk edit): left as they are */
  changedSince: number
  /** their uids */
  leftAsTheyAre: string[]
}

export const SelectionInput = z.object({ selection: Selection })
