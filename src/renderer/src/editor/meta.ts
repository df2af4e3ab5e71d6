/** The metadata panel's editable copy of an article's fields, and its conversion for saving. */
import type { ArticleFieldsInput } from '@shared/contract/articles'
import type { Article, ArticleStatus, DatePrecision } from '@shared/domain'

export interface MetaDraft {
  title: string
  subtitle: string
  source: string
  authors: string
  published: string
  datePrecision: DatePrecision | ''
  dateText: string
  url: string
  caption: string
  imageCredit: string
  section: string
  status: ArticleStatus
  notes: string
  tags: string
  collections: string
}

export function metaOf(a: Article): MetaDraft {
  return {
    title: a.title,
    subtitle: a.subtitle ?? '',
    source: a.source ?? '',
    authors: a.authors.join('، '),
    published: a.published ?? '',
    datePrecision: a.datePrecision ?? '',
    dateText: a.dateText ?? '',
    url: a.url ?? '',
    caption: a.caption ?? '',
    imageCredit: a.imageCredit ?? '',
    section: a.section ?? '',
    status: a.status,
    notes: a.notes ?? '',
    tags: a.tags.join('، '),
    collections: a.collections.join('، ')
  }
}

const list = (value: string): string[] =>
  value
    .split(/[,،]/)
    .map((s) => s.trim())
    .filter(Boolean)
const orNull = (value: string): string | null => (value.trim() ? value.trim() : null)

export function metaInput(d: MetaDraft): Omit<ArticleFieldsInput, 'body'> {
  return {
    title: d.title.trim(),
    subtitle: orNull(d.subtitle),
    source: orNull(d.source),
    authors: list(d.authors),
    published: orNull(d.published),
    datePrecision: d.published ? d.datePrecision || 'day' : null,
    dateText: orNull(d.dateText),
    url: orNull(d.url),
    caption: orNull(d.caption),
    imageCredit: orNull(d.imageCredit),
    section: orNull(d.section),
    status: d.status,
    notes: orNull(d.notes),
    tags: list(d.tags),
    collections: list(d.collections)
  }
}

export function sameMeta(a: MetaDraft, b: MetaDraft): boolean {
  return (Object.keys(a) as (keyof MetaDraft)[]).every((k) => a[k] === b[k])
}
