import { z } from 'zod'
import { ANNOTATION_CSV_COLUMNS, ARTICLE_CSV_COLUMNS } from '../csv/writer'

/**
 * csv: spreadsheet rows; json: full records; annotations: W3C Web Annotation JSON-LD;
 * csl: CSL-JSON citations; ris: RIS citations.
 */
export const EXPORT_FORMATS = ['csv', 'json', 'annotations', 'csl', 'ris'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** One row (or record) per article, or one per annotation. */
export const EXPORT_SHAPES = ['articles', 'annotations'] as const
export type ExportShape = (typeof EXPORT_SHAPES)[number]

/**
 * utf8-bom: what Excel needs to show Arabic; utf8: for tools that choke on a BOM;
 * utf16le: TAB-separated with a UTF-16 BOM, what older Excel (2007–2013) opens by double-click.
 */
export const CSV_ENCODINGS = ['utf8-bom', 'utf8', 'utf16le'] as const
export type CsvEncoding = (typeof CSV_ENCODINGS)[number]

/** Every column an article row can have: the standard ones, then extras a user may add. */
export const EXPORT_ARTICLE_COLUMNS = [
  ...ARTICLE_CSV_COLUMNS,
  'summary',
  'identifier',
  'publishedTime',
  'story',
  'extra',
  'lang',
  'entities',
  'createdAt',
  'updatedAt'
] as const
export type ExportArticleColumn = (typeof EXPORT_ARTICLE_COLUMNS)[number]

/**
 * The default article columns: the standard ones plus `lang`, so that an export with the defaults
 * imports back with every descriptive field. `body` stays last, where a spreadsheet user expects
 * the long text.
 */
export const DEFAULT_ARTICLE_COLUMNS: readonly ExportArticleColumn[] = [
  ...ARTICLE_CSV_COLUMNS.filter((c) => c !== 'body'),
  'lang',
  // what the source gave beside the standard fields: its abstract, its identifier, the time of
  // day, the story group of a reprint, and its other fields as a JSON object
  'summary',
  'identifier',
  'publishedTime',
  'story',
  'extra',
  'body'
]

export const EXPORT_ANNOTATION_COLUMNS = [...ANNOTATION_CSV_COLUMNS, 'updatedAt', 'status'] as const
export type ExportAnnotationColumn = (typeof EXPORT_ANNOTATION_COLUMNS)[number]

export const DEFAULT_ANNOTATION_COLUMNS: readonly ExportAnnotationColumn[] = ANNOTATION_CSV_COLUMNS

/** What to export: everything, a collection, a saved search, a query's results, or a selection. */
export const ExportSelection = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  /** a collection's uid or name */
  z.object({ kind: z.literal('collection'), name: z.string().min(1).max(500) }),
  /** a saved search's uid or name */
  z.object({ kind: z.literal('savedSearch'), name: z.string().min(1).max(500) }),
  z.object({ kind: z.literal('query'), query: z.string().min(1).max(10_000) }),
  z.object({ kind: z.literal('uids'), uids: z.array(z.string().min(1).max(200)).max(1_000_000) })
])
export type ExportSelection = z.infer<typeof ExportSelection>

const COLUMN_NAMES = new Set<string>([...EXPORT_ARTICLE_COLUMNS, ...EXPORT_ANNOTATION_COLUMNS])

const ExportOptionsObject = z.object({
  format: z.enum(EXPORT_FORMATS),
  shape: z.enum(EXPORT_SHAPES).default('articles'),
  /** CSV only: the columns, in the user's order; the shape's defaults when absent */
  columns: z
    .array(
      z
        .string()
        .max(64)
        .refine((c) => COLUMN_NAMES.has(c), { message: 'unknown column' })
    )
    .min(1)
    .max(64)
    .optional(),
  encoding: z.enum(CSV_ENCODINGS).default('utf8-bom'),
  selection: ExportSelection
})

/** The columns must belong to the chosen shape, each once. */
function checkColumns(
  value: { shape: ExportShape; columns?: string[] | undefined },
  ctx: z.RefinementCtx
): void {
  if (!value.columns) return
  const allowed: readonly string[] =
    value.shape === 'annotations' ? EXPORT_ANNOTATION_COLUMNS : EXPORT_ARTICLE_COLUMNS
  const wrong = value.columns.filter((c) => !allowed.includes(c))
  if (wrong.length > 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['columns'],
      message: `not columns of the ${value.shape} shape: ${wrong.join(', ')}`
    })
  }
  if (new Set(value.columns).size !== value.columns.length) {
    ctx.addIssue({ code: 'custom', path: ['columns'], message: 'a column is listed twice' })
  }
}

export const ExportOptions = ExportOptionsObject.superRefine(checkColumns)
export type ExportOptionsInput = z.input<typeof ExportOptions>
export type ExportOptions = z.output<typeof ExportOptions>

export const ExportPreviewInput = ExportOptions

/** An absolute path on POSIX (`/…`) or Windows (`C:\\…`, `\\\\server\\share…`). */
export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\')
}

/**
 * A file path given by a caller: absolute (a relative one would resolve against whatever folder
 * the host happens to run in) and without NUL, which no file system allows.
 */
export const FilePath = z
  .string()
  .min(1)
  .max(4_096)
  .refine((p) => !p.includes('\0'), { message: 'a path cannot contain a NUL character' })
  .refine(isAbsolutePath, { message: 'the path must be absolute (begin with / or a drive)' })

/**
 * `path` is on the machine running the archive (the browser host's machine too). An existing
 * file there is replaced only with `overwrite: true`, which the interface sends after asking.
 */
export const ExportToFileInput = ExportOptionsObject.extend({
  path: FilePath,
  overwrite: z.boolean().default(false)
}).superRefine(checkColumns)
export type ExportToFileInput = z.output<typeof ExportToFileInput>

/** The first rows for the dialog's preview: CSV cells (header first), else one record per row. */
export type ExportPreview = string[][]

export interface ExportResult {
  path: string
  /** rows (CSV) or records (other formats) written, headers not counted */
  rows: number
  bytes: number
}

export const ExportDefaultPathInput = z.object({ format: z.enum(EXPORT_FORMATS) })
