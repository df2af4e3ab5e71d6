/** Domain types shared by every layer. Offsets are JavaScript string offsets into `body`. */

export const ARTICLE_STATUSES = ['new', 'catalogued', 'reviewed'] as const
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number]

/** `minute`: the source gave a time (kept in `publishedTime`, with its offset when given) */
export const DATE_PRECISIONS = ['minute', 'day', 'month', 'year'] as const
export type DatePrecision = (typeof DATE_PRECISIONS)[number]

/** A link from an article to a related article, as scraped pages list them ("اقرأ أيضاً"). */
export interface RelatedLink {
  title: string
  url?: string | null
  /** uid of the related article when it is in the archive */
  targetUid?: string | null
}

/** The descriptive fields of an article, as created, imported or edited. */
export interface ArticleFields {
  title: string
  subtitle?: string | null
  body: string
  lang?: string | null
  source?: string | null
  url?: string | null
  /** ISO date, `YYYY-MM-DD` (month and year precision still store a full date, first day) */
  published?: string | null
  datePrecision?: DatePrecision | null
  /** the date exactly as the source wrote it */
  dateText?: string | null
  authors?: string[]
  caption?: string | null
  imageCredit?: string | null
  section?: string | null
  status?: ArticleStatus
  notes?: string | null
}

/** What an importer extracts from a file: the fields plus links that become related-article rows. */
export interface ParsedArticle extends ArticleFields {
  related?: RelatedLink[]
  /** identifier in the source dump (DOCNO of a TREC record, id of a JSON object) */
  sourceId?: string | null
  /** tag paths and collection names, as Warraq's own export writes them */
  tags?: string[]
  collections?: string[]
  /** the abstract or summary the source gives */
  summary?: string | null
  /** time of day with its offset when given: `21:43`, `21:43+01:00` (then precision is minute) */
  publishedTime?: string | null
  /** the input's fields Warraq has no column for, by their own names */
  extra?: Record<string, string>
}

/** What an imported article carries beside its descriptive fields. */
export interface ImportedFields {
  summary: string | null
  /** identifier in the source dump (DOCNO, a JSON `id`) */
  identifier: string | null
  publishedTime: string | null
  extra: Record<string, string>
  /** shared by the printings of one story in several papers or under several headlines */
  storyUid: string | null
  /** uids of the other printings of the same story */
  storyCopies: string[]
}

export interface Article
  extends Required<Omit<ArticleFields, 'authors' | 'status'>>, ImportedFields {
  uid: string
  version: number
  authors: string[]
  status: ArticleStatus
  tags: string[]
  collections: string[]
  related: RelatedLink[]
  annotationCount: number
  /** imported from a file whose bytes the archive keeps (see originals.get) */
  hasOriginal: boolean
  contentHash: string
  createdAt: string
  updatedAt: string
  deletedAt: string | null
}
