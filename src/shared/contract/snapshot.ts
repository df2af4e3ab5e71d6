import type { ParsedArticle } from '../domain'

/** An article's editable fields at one revision. */
export interface Snapshot extends ParsedArticle {
  tags: string[]
  collections: string[]
}
