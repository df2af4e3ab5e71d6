/**
 * The names a field goes by in JSON keys, CSV headers and XML elements, English and Arabic, best
 * first. They are compared after `normalizeFieldName`, which folds case, separators, harakat and
 * the Arabic letter variants (أ إ آ → ا, ة → ه, ى → ي), so `Date_Extracted`, `pubDate`,
 * `dc:creator` and `التاريخ` / `تاريخ` all find their field.
 */
import type { ParsedArticle } from '@shared/domain'

export type Target = keyof ParsedArticle

/** Arabic names are listed with and without the article `ال`, both as sources write them. */
function withAl(...names: string[]): string[] {
  return names.flatMap((n) => [`ال${n}`, n])
}

export const DEFAULT_NAMES: Partial<Record<Target, readonly string[]>> = {
  title: ['title', 'headline', 'header', 'heading', 'hl', ...withAl('عنوان', 'عنوانالرئيسي')],
  subtitle: ['subtitle', 'subheadline', 'subhead', ...withAl('عنوانالفرعي')],
  // `description` is a body only when nothing else is: RSS items often have nothing else
  body: [
    'body',
    'content',
    'text',
    'contentencoded',
    'articlebody',
    'fulltext',
    ...withAl('نص', 'متن', 'محتوي', 'نصالمقال', 'نصالخبر', 'مقال', 'خبر'),
    'description'
  ],
  summary: [
    'summary',
    'abstract',
    'excerpt',
    'lead',
    'teaser',
    'description',
    ...withAl('ملخص', 'موجز', 'خلاصه', 'مقدمه', 'وصف')
  ],
  source: [
    'source',
    'src',
    'sitename',
    'publisher',
    'newspaper',
    'publication',
    ...withAl('مصدر', 'جريده', 'صحيفه', 'موقع', 'ناشر')
  ],
  url: ['url', 'link', 'canonicalurl', 'permalink', ...withAl('رابط', 'رابطالاصلي')],
  authors: [
    'authors',
    'author',
    'byline',
    'creator',
    'dccreator',
    'writer',
    ...withAl('كاتب', 'مؤلف', 'كتاب', 'محرر', 'مراسل')
  ],
  published: [
    'published',
    'date',
    'pubdate',
    'publishdate',
    'publishedat',
    'datepublished',
    'datetime',
    'time',
    'dateextracted',
    ...withAl('تاريخ', 'تاريخالنشر')
  ],
  publishedTime: ['publishedtime'],
  datePrecision: ['dateprecision'],
  dateText: ['datetext'],
  caption: ['caption', 'imagecaption', ...withAl('تعليقالصوره')],
  imageCredit: ['imagecredit'],
  section: ['section', 'category', 'cat', 'categories', ...withAl('تصنيف', 'قسم', 'فئه', 'باب')],
  status: ['status'],
  notes: ['notes', 'note', ...withAl('ملاحظات')],
  lang: ['lang', 'language', ...withAl('لغه')],
  sourceId: [
    'identifier',
    'id',
    'docno',
    'docid',
    'guid',
    'uid',
    ...withAl('معرف', 'رقم', 'رقمالمقال')
  ],
  tags: ['tags', 'keywords', ...withAl('وسوم', 'وسم', 'كلماتالمفتاحيه', 'كلماتمفتاحيه')],
  collections: ['collections', ...withAl('مجموعات')]
}

/** Every name some field goes by: a CSV header with one of them is about articles. */
export const ALL_FIELD_NAMES: ReadonlySet<string> = new Set(Object.values(DEFAULT_NAMES).flat())

/**
 * Names that say "category" rather than "section": the value is also kept as a tag, so a
 * category can be filtered on with `tag:` as well as read as the section (TREC `<CAT>`).
 */
export const CATEGORY_NAMES: ReadonlySet<string> = new Set([
  'category',
  'cat',
  'categories',
  ...withAl('تصنيف', 'فئه')
])

/**
 * Columns of Warraq's own exports that describe the archive's copy rather than the article (its
 * uid, its times, its counts): read back, they are not the source's metadata. `extra` is Warraq's
 * column of extra metadata, merged back into the article's.
 */
export const BOOKKEEPING_NAMES: ReadonlySet<string> = new Set([
  'uid',
  'createdat',
  'updatedat',
  'version',
  'entities',
  'annotations',
  'annotationcount',
  'related',
  'story',
  'storyuid',
  'storycopies',
  'contenthash'
])

const HARAKAT = /[\u064B-\u065F\u0670\u0640]/g

export function normalizeFieldName(name: string): string {
  return name
    .toLowerCase()
    .replace(HARAKAT, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .replace(/[^\p{L}\p{N}]/gu, '')
}
