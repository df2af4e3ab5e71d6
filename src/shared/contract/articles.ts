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

/**
 * An annotation range as the editor mapped it through the edits being saved: a new range, or
 * 'orphaned' when the editor deleted the passage. Applied after the server's re-anchoring.
 */
export const EditorRangeInput = z.union([
  z
    .object({
      uid: z.string().min(1).max(200),
      start: z.number().int().min(0),
      end: z.number().int().min(0)
    })
    .refine((v) => v.end > v.start, { message: 'end must be greater than start', path: ['end'] }),
  z.object({ uid: z.string().min(1).max(200), status: z.literal('orphaned') })
])
export type EditorRangeInput = z.infer<typeof EditorRangeInput>

export const ArticleUpdateInput = ArticleFieldsInput.partial().extend({
  uid: z.string().min(1).max(200),
  version: z.number().int().positive(),
  /** the editor's annotation ranges, saved in the same transaction as the body */
  annotations: z.array(EditorRangeInput).max(100_000).optional()
})
export type ArticleUpdateInput = z.infer<typeof ArticleUpdateInput>

export const UidInput = z.object({ uid: z.string().min(1).max(200) })

/**
 * Sort keys of the library, each walked through an index (see core/articles/list.ts); `position`
 * is a collection's own order and needs `collection`.
 */
export const ARTICLE_SORT_KEYS = [
  'updated',
  'created',
  'published',
  'title',
  'source',
  'authors',
  'status',
  'position'
] as const
export type ArticleSortKey = (typeof ARTICLE_SORT_KEYS)[number]

/** What narrows the library: the trash, a query of the query language, a collection, a tag… */
export const ListFilter = z.object({
  trash: z.boolean().default(false),
  /** the search query language (words, filters such as tag: or date:) */
  query: z.string().max(10_000).optional(),
  /** collection uid */
  collection: z.string().max(200).optional(),
  /** tag path; its descendants are included */
  tag: z.string().max(500).optional(),
  /** entity uid */
  entity: z.string().max(200).optional()
})
export type ListFilter = z.input<typeof ListFilter>

export const ArticleListInput = ListFilter.extend({
  sort: z.enum(ARTICLE_SORT_KEYS).default('updated'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  limit: z.number().int().min(1).max(1_000).default(100),
  /** opaque cursor from the previous page's `nextCursor` */
  cursor: z.string().max(2_000).nullable().optional(),
  /** jump: start at this sort value (a letter of a title, a date) instead of the top */
  from: z.string().max(500).optional(),
  /** skip the total count (the table asks for it once, not on every page) */
  count: z.boolean().default(true)
})
export type ArticleListInput = z.input<typeof ArticleListInput>

export const RevisionRestoreInput = z.object({
  uid: z.string().min(1).max(200),
  version: z.number().int().positive()
})
