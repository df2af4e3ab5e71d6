/**
 * CSV writing as Warraq exports it: RFC 4180, every field quoted, CRLF row ends, and cells that a
 * spreadsheet would run as a formula guarded with a leading `'` (OWASP "CSV injection").
 * `reader.ts` parses it back and `unguardFormula` removes exactly the guard added here, so CSV
 * written by the app imports back unchanged.
 */

/** Written first so Excel opens the file as UTF-8 (Arabic otherwise shows as mojibake). */
export const UTF8_BOM = '\uFEFF'

/** Joins multi-valued fields (authors, tags, collections) inside one cell. */
export const MULTI_VALUE_SEPARATOR = ' | '

/** The standard columns of an article export, in order. */
export const ARTICLE_CSV_COLUMNS = [
  'uid',
  'title',
  'subtitle',
  'source',
  'published',
  'datePrecision',
  'dateText',
  'authors',
  'section',
  'status',
  'url',
  'caption',
  'imageCredit',
  'tags',
  'collections',
  'notes',
  'body'
] as const
export type ArticleCsvColumn = (typeof ARTICLE_CSV_COLUMNS)[number]

/** The standard columns of an annotation export (one row per annotation), in order. */
export const ANNOTATION_CSV_COLUMNS = [
  'articleUid',
  'articleTitle',
  'annotationUid',
  'exact',
  'prefix',
  'suffix',
  'start',
  'end',
  'note',
  'color',
  'tags',
  'entity',
  'author',
  'createdAt'
] as const
export type AnnotationCsvColumn = (typeof ANNOTATION_CSV_COLUMNS)[number]

/**
 * True when a cell must get the formula guard: it starts with a character that makes Excel,
 * LibreOffice or Sheets read it as a formula (= + - @ TAB CR). A value that already looks guarded
 * (`'=…`, `''=…`) is guarded once more, so `unguardFormula` can strip exactly one `'` and every
 * value comes back byte for byte.
 */
export function needsFormulaGuard(value: string): boolean {
  return /^'*[=+\-@\t\r]/.test(value)
}

/** One cell: formula-guarded, quoted, inner quotes doubled. Newlines stay inside the quotes. */
export function csvField(value: string): string {
  const guarded = needsFormulaGuard(value) ? `'${value}` : value
  return `"${guarded.replaceAll('"', '""')}"`
}

/** One row, ending in CRLF as RFC 4180 asks. */
export function csvRow(fields: readonly string[]): string {
  return fields.map(csvField).join(',') + '\r\n'
}
