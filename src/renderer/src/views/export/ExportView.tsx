import {
  CSV_ENCODINGS,
  DEFAULT_ANNOTATION_COLUMNS,
  DEFAULT_ARTICLE_COLUMNS,
  EXPORT_ANNOTATION_COLUMNS,
  EXPORT_ARTICLE_COLUMNS,
  EXPORT_FORMATS,
  type CsvEncoding,
  type ExportFormat,
  type ExportResult,
  type ExportSelection,
  type ExportShape
} from '@shared/contract/exports'
import { useEffect, useState } from 'react'
import { ApiError, api } from '../../api/client'
import { inDesktop } from '../../api/desktop'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useCall } from '../../data/calls'
import { useDebounced } from '../../data/useDebounced'
import { useI18n } from '../../i18n/I18nProvider'
import type { MessageKey } from '../../i18n/catalogue'
import type { MessageKey as AnyKey } from '../../i18n/messages'
import type { MessageParams } from '@shared/errors'
import { ColumnPicker } from './ColumnPicker'
import './export.css'

const FORMAT_LABEL: Record<ExportFormat, MessageKey> = {
  csv: 'exportCsv',
  json: 'exportJson',
  annotations: 'exportAnnotations',
  csl: 'exportCsl',
  ris: 'exportRis'
}
const ENCODING_LABEL: Record<CsvEncoding, MessageKey> = {
  'utf8-bom': 'exportUtf8Bom',
  utf8: 'exportUtf8',
  utf16le: 'exportUtf16'
}

/** The selection in the address (`#/export?sel=…`); everything when absent or unreadable. */
export function parseSelection(text: string): ExportSelection {
  try {
    const value = JSON.parse(text) as ExportSelection
    if (value && typeof value === 'object' && 'kind' in value) return value
  } catch {
    // an address typed by hand: export everything
  }
  return { kind: 'all' }
}

function describe(
  selection: ExportSelection,
  t: (k: AnyKey, params?: MessageParams) => string
): string {
  switch (selection.kind) {
    case 'collection':
      return `${t('collections')}: ${selection.name}`
    case 'savedSearch':
      return `${t('libSavedSearches')}: ${selection.name}`
    case 'query':
      return `${t('search')}: ${selection.query}`
    case 'uids':
      return t('countArticles', { count: selection.uids.length })
    default:
      return t('exportEverything')
  }
}

/**
 * Export: format, shape, columns in the user's order, encoding; a preview of the first rows as
 * they will be written; then the file, written whole or not at all.
 */
export function ExportView({ selection: text }: { selection: string }) {
  const { t } = useI18n()
  const selection = parseSelection(text)
  const [format, setFormat] = useState<ExportFormat>('csv')
  const [shape, setShape] = useState<ExportShape>('articles')
  const [encoding, setEncoding] = useState<CsvEncoding>('utf8-bom')
  const [columns, setColumns] = useState<string[]>([...DEFAULT_ARTICLE_COLUMNS])
  const [path, setPath] = useState('')
  const [result, setResult] = useState<ExportResult | null>(null)
  // a failed export, shown until the next one starts
  const [failed, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const options = {
    format,
    shape: format === 'annotations' ? 'annotations' : shape,
    encoding,
    columns: format === 'csv' ? columns : undefined,
    selection
  } as const
  // the preview follows the options once they stay put (compared by their JSON)
  const settled = useDebounced(JSON.stringify(options), 150)
  const previewed = useCall('export.preview', JSON.parse(settled) as typeof options, {
    keepPrevious: true
  })
  const preview = previewed.data ?? []
  const suggested = useCall('export.defaultPath', { format }, { enabled: !inDesktop })
  const suggestedPath = suggested.data?.path
  useEffect(() => {
    // the suggested file follows the format; the person can still type another
    if (suggestedPath) setPath(suggestedPath)
  }, [suggestedPath])
  const error = failed ?? previewed.error ?? suggested.error

  const chooseShape = (next: ExportShape): void => {
    setShape(next)
    setColumns([...(next === 'articles' ? DEFAULT_ARTICLE_COLUMNS : DEFAULT_ANNOTATION_COLUMNS)])
  }

  // an existing file is replaced only after the user said so, naming the file (⁨…⁩ isolates it)
  const run = async (): Promise<void> => {
    setBusy(true)
    setResult(null)
    try {
      let written: ExportResult | null = null
      try {
        written = await api['export.toFile']({ ...options, path })
      } catch (err) {
        if (!(err instanceof ApiError) || err.key !== 'export.file_exists') throw err
        const name = String(err.params?.name ?? path)
        if (window.confirm(`${t('exportConfirmReplace')}\n\u2068${name}\u2069`)) {
          written = await api['export.toFile']({ ...options, path, overwrite: true })
        }
      }
      setResult(written)
      setError(null)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  /** the desktop app: main's save dialog chooses the file (and asks before replacing one) */
  const runChosen = (): void => {
    setBusy(true)
    setResult(null)
    api['desktop.exportChosen'](options)
      .then((r) => (r.chosen && setResult(r.result), setError(null)), setError)
      .finally(() => setBusy(false))
  }

  return (
    <section className="export-view" data-testid="export-view">
      <header className="view-header">
        <h1>{t('exportTitle')}</h1>
        <bdi dir="auto" className="count">
          {describe(selection, t)}
        </bdi>
      </header>
      <ErrorBanner error={error} />
      <div className="export-options">
        <label className="field">
          <span>{t('exportFormat')}</span>
          <select
            name="format"
            value={format}
            onChange={(e) => setFormat(e.target.value as ExportFormat)}
          >
            {EXPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(FORMAT_LABEL[f])}
              </option>
            ))}
          </select>
        </label>
        {format === 'csv' ? (
          <>
            <label className="field">
              <span>{t('exportShape')}</span>
              <select
                name="shape"
                value={shape}
                onChange={(e) => chooseShape(e.target.value as ExportShape)}
              >
                <option value="articles">{t('exportShapeArticles')}</option>
                <option value="annotations">{t('exportShapeAnnotations')}</option>
              </select>
            </label>
            <label className="field">
              <span>{t('exportEncoding')}</span>
              <select
                name="encoding"
                value={encoding}
                onChange={(e) => setEncoding(e.target.value as CsvEncoding)}
              >
                {CSV_ENCODINGS.map((e) => (
                  <option key={e} value={e}>
                    {t(ENCODING_LABEL[e])}
                  </option>
                ))}
              </select>
            </label>
          </>
        ) : null}
      </div>
      {format === 'csv' ? (
        <ColumnPicker
          all={shape === 'articles' ? EXPORT_ARTICLE_COLUMNS : EXPORT_ANNOTATION_COLUMNS}
          chosen={columns}
          onChange={setColumns}
        />
      ) : null}
      <h2 className="export-subtitle">{t('exportPreview')}</h2>
      <div className="export-preview" data-testid="export-preview">
        <table>
          <tbody>
            {preview.slice(0, 21).map((row, i) => (
              <tr key={i} className={i === 0 && format === 'csv' ? 'header' : ''}>
                {row.map((cell, j) => (
                  <td key={j} dir="auto">
                    {cell.length > 160 ? `${cell.slice(0, 160)}…` : cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {inDesktop ? (
        <div className="export-save">
          <button type="button" disabled={busy} onClick={runChosen} data-testid="export-run">
            {t('exportChooseFile')}
          </button>
        </div>
      ) : (
        <div className="export-save">
          <label className="field">
            <span>{t('exportPath')}</span>
            <input name="path" dir="ltr" value={path} onChange={(e) => setPath(e.target.value)} />
          </label>
          <button
            type="button"
            disabled={busy || !path}
            onClick={() => void run()}
            data-testid="export-run"
          >
            {t('exportRun')}
          </button>
        </div>
      )}
      {result ? (
        <p className="notice" data-testid="export-done">
          {t('exportDone')} <bdi dir="ltr">{result.path}</bdi> — {result.rows} ·{' '}
          {(result.bytes / 1024).toFixed(1)} KB
        </p>
      ) : null}
    </section>
  )
}
