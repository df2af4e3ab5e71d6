import { z } from 'zod'

export interface ArchiveStats {
  file: string
  articles: number
  trashed: number
  sources: number
  annotations: number
  orphanedAnnotations: number
  revisions: number
  collections: number
  tags: number
  entities: number
  fileBytes: number
  indexBytes: number | null
  schemaVersion: number
}

export const EmptyInput = z.object({}).strict().optional()
