import type { ArticleSortKey } from '@shared/contract/articles'
import type { MessageKey } from '../../i18n/catalogue'

export const COLUMN_KEYS = [
  'title',
  'source',
  'published',
  'authors',
  'status',
  'tags',
  'collections',
  'annotations',
  'created'
] as const
export type ColumnKey = (typeof COLUMN_KEYS)[number]

export interface Column {
  label: MessageKey
  /** the sort key it sorts by; tags, collections and annotation counts cannot be sorted at scale */
  sort?: ArticleSortKey
  width: string
}

export const COLUMNS: Record<ColumnKey, Column> = {
  title: { label: 'title', sort: 'title', width: 'minmax(14rem, 3fr)' },
  source: { label: 'source', sort: 'source', width: 'minmax(7rem, 1fr)' },
  published: { label: 'published', sort: 'published', width: '7.5rem' },
  authors: { label: 'authors', sort: 'authors', width: 'minmax(7rem, 1fr)' },
  status: { label: 'status', sort: 'status', width: '6.5rem' },
  tags: { label: 'tags', width: 'minmax(7rem, 1fr)' },
  collections: { label: 'collections', width: 'minmax(7rem, 1fr)' },
  annotations: { label: 'libAnnotationsCol', width: '5rem' },
  created: { label: 'libAdded', sort: 'created', width: '7.5rem' }
}

const KEY = 'warraq.library.columns'
const DEFAULT: ColumnKey[] = ['title', 'source', 'published', 'authors', 'status', 'tags']

/** The columns the user chose, in their order, remembered between sessions. */
export function loadColumns(): ColumnKey[] {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null')
    if (Array.isArray(saved)) {
      const keys = saved.filter((k): k is ColumnKey => COLUMN_KEYS.includes(k as ColumnKey))
      if (keys.includes('title')) return keys
    }
  } catch {
    // a damaged preference falls back to the default
  }
  return DEFAULT
}

export function saveColumns(keys: ColumnKey[]): void {
  localStorage.setItem(KEY, JSON.stringify(keys))
}
