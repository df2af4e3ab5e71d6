import { z } from 'zod'

export const ANNOTATION_COLORS = ['yellow', 'green', 'blue', 'pink', 'orange', 'purple'] as const
export type AnnotationColor = (typeof ANNOTATION_COLORS)[number]

export const AnnotationCreateInput = z
  .object({
    articleUid: z.string().min(1),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    note: z.string().max(100_000).nullable().optional(),
    color: z.enum(ANNOTATION_COLORS).optional(),
    tags: z.array(z.string().min(1).max(500)).max(100).optional(),
    entityUid: z.string().nullable().optional(),
    author: z.string().max(200).nullable().optional()
  })
  .refine((v) => v.end > v.start, { message: 'end must be greater than start', path: ['end'] })
export type AnnotationCreateInput = z.infer<typeof AnnotationCreateInput>

export const AnnotationUpdateInput = z.object({
  uid: z.string().min(1),
  start: z.number().int().min(0).optional(),
  end: z.number().int().min(0).optional(),
  note: z.string().max(100_000).nullable().optional(),
  color: z.enum(ANNOTATION_COLORS).optional(),
  tags: z.array(z.string().min(1).max(500)).max(100).optional(),
  entityUid: z.string().nullable().optional(),
  /** 'orphaned': the editor deleted the annotated passage; the annotation is kept for review */
  status: z.literal('orphaned').optional()
})
export type AnnotationUpdateInput = z.infer<typeof AnnotationUpdateInput>

export const AnnotationListInput = z.object({ articleUid: z.string().min(1) })

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
