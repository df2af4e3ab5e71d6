import { z } from 'zod'

/** An article of a possible-duplicate group, with what the archivist compares at a glance. */
export interface DuplicateMember {
  uid: string
  title: string
  source: string | null
  published: string | null
  createdAt: string
  /** the first words of the body, to compare openings (where wire copies differ) */
  opening: string
  bodyLength: number
}

export interface DuplicatePair {
  articleUid: string
  otherUid: string
  /** Jaccard similarity of the bodies' word 5-shingles, 0..1 */
  score: number
}

/** Articles joined by open possible-duplicate pairs, oldest first. */
export interface DuplicateGroup {
  members: DuplicateMember[]
  pairs: DuplicatePair[]
}

export interface DuplicateList {
  groups: DuplicateGroup[]
  /** open pairs in the archive, all groups counted */
  openPairs: number
}

export const DuplicatesListInput = z.object({
  limit: z.number().int().min(1).max(1_000).default(200)
})

export const DUPLICATE_ACTIONS = ['dismiss', 'link', 'merge'] as const
export type DuplicateAction = (typeof DUPLICATE_ACTIONS)[number]

export const DuplicatesResolveInput = z.object({
  articleUid: z.string().min(1).max(200),
  otherUid: z.string().min(1).max(200),
  action: z.enum(DUPLICATE_ACTIONS)
})
export type DuplicatesResolveInput = z.infer<typeof DuplicatesResolveInput>

export interface DuplicateResolution {
  action: DuplicateAction
  /** the article that stays (for merge, the older one) */
  keptUid: string
  /** the article moved to the trash by a merge */
  trashedUid?: string
}

export const OriginalGetInput = z.object({
  articleUid: z.string().min(1).max(200),
  /** the bytes as base64; leave out to fetch only the description and preview */
  bytes: z.boolean().default(true)
})

/** The file an article was imported from, unchanged. */
export interface OriginalFile {
  fileName: string
  mediaType: string
  encoding: string | null
  size: number
  sha256: string
  importedAt: string
  /** the decoded text, cut at PREVIEW_CHARS */
  preview: string
  previewTruncated: boolean
  /** position of the article inside the file (JSON arrays, CSV rows) */
  index: number | null
  base64?: string
}
