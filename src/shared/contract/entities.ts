import { z } from 'zod'

export const ENTITY_KINDS = ['person', 'place', 'organisation'] as const
export type EntityKind = (typeof ENTITY_KINDS)[number]

/** An authority record: a person, place or organisation, with its other names. */
export interface Entity {
  uid: string
  kind: EntityKind
  name: string
  aliases: string[]
  note: string | null
  articleCount: number
  annotationCount: number
}

export const EntityListInput = z.object({
  /** matched, normalised, against the name and every alias */
  query: z.string().max(500).optional(),
  kind: z.enum(ENTITY_KINDS).optional(),
  limit: z.number().int().min(1).max(1_000).default(100)
})

export const EntityCreateInput = z.object({
  kind: z.enum(ENTITY_KINDS),
  name: z.string().trim().min(1).max(500),
  aliases: z.array(z.string().trim().min(1).max(500)).max(100).default([]),
  note: z.string().max(100_000).nullable().optional()
})

export const EntityUpdateInput = z.object({
  uid: z.string().min(1),
  kind: z.enum(ENTITY_KINDS).optional(),
  name: z.string().trim().min(1).max(500).optional(),
  aliases: z.array(z.string().trim().min(1).max(500)).max(100).optional(),
  note: z.string().max(100_000).nullable().optional()
})
