import { z } from 'zod'

export const ANNOTATION_COLORS = ['yellow', 'green', 'blue', 'pink', 'orange', 'purple'] as const
export type AnnotationColor = (typeof ANNOTATION_COLORS)[number]

export const AnnotationCreateInput = z
  .object({
    articleUid: z.string().min(1).max(200),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    note: z.string().max(100_000).nullable().optional(),
    color: z.enum(ANNOTATION_COLORS).optional(),
    tags: z.array(z.string().min(1).max(500)).max(100).optional(),
    entityUid: z.string().max(200).nullable().optional(),
    author: z.string().max(200).nullable().optional()
  })
  .refine((v) => v.end > v.start, { message: 'end must be greater than start', path: ['end'] })
export type AnnotationCreateInput = z.infer<typeof AnnotationCreateInput>

export const AnnotationUpdateInput = z.object({
  uid: z.string().min(1).max(200),
  start: z.number().int().min(0).optional(),
  end: z.number().int().min(0).optional(),
  note: z.string().max(100_000).nullable().optional(),
  color: z.enum(ANNOTATION_COLORS).optional(),
  tags: z.array(z.string().min(1).max(500)).max(100).optional(),
  entityUid: z.string().max(200).nullable().optional(),
  /** 'orphaned': the editor deleted the annotated passage; the annotation is kept for review */
  status: z.literal('orphaned').optional()
})
export type AnnotationUpdateInput = z.infer<typeof AnnotationUpdateInput>

export const AnnotationListInput = z.object({ articleUid: z.string().min(1).max(200) })

export type AnnotationStatus = 'anchored' | 'orphaned'

export interface Annotation {
  uid: string
  articleUid: string
  start: number
  end: number
  exact: string
  prefix: string
  suffix: string
  bodyVersion: number
  color: AnnotationColor
  note: string | null
  tags: string[]
  entityUid: string | null
  entityName: string | null
  author: string | null
  status: AnnotationStatus
  createdAt: string
  updatedAt: string
}

export const ANNOTATION_STATUSES = ['anchored', 'orphaned'] as const

/** Every annotation of the archive, filtered; newest first, keyset-paged by id. */
export const AnnotationSearchInput = z.object({
  /** words that must all occur in the note or the quote, compared normalised */
  query: z.string().max(1_000).optional(),
  /** a tag, or a parent of hierarchical tags (`سياسة` finds `سياسة/دولية`) */
  tag: z.string().max(500).optional(),
  color: z.enum(ANNOTATION_COLORS).optional(),
  entityUid: z.string().max(200).max(200).optional(),
  /** a collection's name, compared normalised */
  collection: z.string().max(500).optional(),
  status: z.enum(ANNOTATION_STATUSES).optional(),
  limit: z.number().int().min(1).max(500).default(50),
  /** opaque cursor from the previous page's `nextCursor` */
  cursor: z.string().max(100).nullable().optional()
})
export type AnnotationSearchInput = z.input<typeof AnnotationSearchInput>

export interface AnnotationHit extends Annotation {
  articleTitle: string
}

export interface AnnotationSearchResult {
  items: AnnotationHit[]
  nextCursor: string | null
  /** how many annotations match the filters, over every page */
  total: number
}
