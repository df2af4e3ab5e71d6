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
  uid: z.string().min(1).max(200),
  kind: z.enum(ENTITY_KINDS).optional(),
  name: z.string().trim().min(1).max(500).optional(),
  aliases: z.array(z.string().trim().min(1).max(500)).max(100).optional(),
  note: z.string().max(100_000).nullable().optional()
})

/** Merges the record `from` into `into`: its names become aliases, its links move over. */
export const EntityMergeInput = z.object({
  from: z.string().min(1).max(200),
  into: z.string().min(1).max(200)
})

export const EntityLinkInput = z.object({
  entity: z.string().min(1).max(200),
  articles: z.array(z.string().min(1).max(200)).min(1).max(100_000)
})

export const EntityPageInput = z.object({
  uid: z.string().min(1).max(200),
  limit: z.number().int().min(1).max(1_000).default(200)
})

/** An annotated passage linked to an entity, with the article it is in. */
export interface EntityPassage {
  annotationUid: string
  articleUid: string
  articleTitle: string
  exact: string
  note: string | null
}

/** An entity's page: the record, the articles linked to it, and the passages annotated with it. */
export interface EntityPage {
  entity: Entity
  articles: { uid: string; title: string; source: string | null; published: string | null }[]
  passages: EntityPassage[]
}
