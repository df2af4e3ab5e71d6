import type { MessageRef } from './errors'
import type { Article, ArticleStatus } from './domain'

/** One row of the library table: what the list shows, without the body. */
export interface ArticleSummary {
  uid: string
  title: string
  source: string | null
  published: string | null
  datePrecision: Article['datePrecision']
  authors: string[]
  status: ArticleStatus
  version: number
  annotationCount: number
  tags: string[]
  collections: string[]
  createdAt: string
  updatedAt: string
  deletedAt: string | null
  /** set when the article is one printing of a story several sources printed */
  storyUid?: string | null
}

export interface ArticlePage {
  items: ArticleSummary[]
  /** -1 when the caller asked not to count */
  total: number
  nextCursor: string | null
}

export interface RevisionSummary {
  version: number
  /** as stored: 'create', 'import', 'edit', 'restore 3', 'bulk', 'undo bulk', 'merge <uid>' */
  reason: string
  /** the reason as a catalogue key with its parameters (shared/revisions.ts) */
  label: MessageRef
  createdAt: string
  title: string
  bodyLength: number
}
