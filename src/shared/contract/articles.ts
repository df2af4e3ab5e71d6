import { z } from 'zod'
import { ARTICLE_STATUSES, DATE_PRECISIONS } from '../domain'

const text = (max: number) => z.string().max(max)
const optionalText = (max: number) => text(max).nullable().optional()

export const ArticleFieldsInput = z.object({
  title: text(2_000),
  subtitle: optionalText(2_000),
  body: text(20_000_000),
  lang: optionalText(35),
  source: optionalText(500),
  url: optionalText(4_000),
  published: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'published must be an ISO date, YYYY-MM-DD')
    .nullable()
    .optional(),
  datePrecision: z.enum(DATE_PRECISIONS).nullable().optional(),
  dateText: optionalText(500),
  authors: z.array(text(500)).max(200).optional(),
  caption: optionalText(4_000),
  imageCredit: optionalText(500),
  section: optionalText(500),
  status: z.enum(ARTICLE_STATUSES).optional(),
  notes: optionalText(100_000),
  tags: z.array(text(500)).max(500).optional(),
  collections: z.array(text(500)).max(500).optional()
})
export type ArticleFieldsInput = z.infer<typeof ArticleFieldsInput>

export const ArticleCreateInput = ArticleFieldsInput.extend({
  related: z
    .array(z.object({ title: text(2_000), url: optionalText(4_000) }))
    .max(500)
    .optional()
})
export type ArticleCreateInput = z.infer<typeof ArticleCreateInput>

export const ArticleUpdateInput = ArticleFieldsInput.partial().extend({
  uid: z.string().min(1),
  version: z.number().int().positive()
})
export type ArticleUpdateInput = z.infer<typeof ArticleUpdateInput>

export const UidInput = z.object({ uid: z.string().min(1).max(200) })

export const ARTICLE_SORT_KEYS = ['updated', 'created', 'published', 'title'] as const
export type ArticleSortKey = (typeof ARTICLE_SORT_KEYS)[number]

export const ArticleListInput = z.object({
  sort: z.enum(ARTICLE_SORT_KEYS).default('updated'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  limit: z.number().int().min(1).max(1_000).default(100),
  /** opaque cursor from the previous page's `nextCursor` */
  cursor: z.string().max(2_000).nullable().optional(),
  trash: z.boolean().default(false)
})
export type ArticleListInput = z.input<typeof ArticleListInput>

export const RevisionRestoreInput = z.object({
  uid: z.string().min(1),
  version: z.number().int().positive()
})
