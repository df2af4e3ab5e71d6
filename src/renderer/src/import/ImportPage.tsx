import { useEffect, useRef, useState } from 'react'
import type { ImportReportItem, ImportSummary } from '@shared/contract/imports'
import {
  DUPLICATE_POLICIES,
  IMPORT_FORMATS,
  type DuplicatePolicy,
  type ImportFormatChoice
} from '@shared/contract/imports'
import { api } from '../api/client'
import { inDesktop } from '../api/desktop'
import { ErrorBanner } from '../components/ErrorBanner'
import type { MessageKey } from '../i18n/catalogue'
import { useI18n } from '../i18n/I18nProvider'
import { ImportProgress } from './ImportProgress'
import { MappingStep } from './MappingStep'
import {
  lastImportChoices,
  pickedFile,
  resetImport,
  startDesktopImport,
  startImport,
  useImportRun,
  type ImportChoices
} from './importRun'
import { fromFileList } from './picked'
import { ReportTable, SummaryLine } from './ReportTable'

const POLICY_KEY: Record<DuplicatePolicy, MessageKey> = {
  skip: 'importDupSkip',
  link: 'importDupLink',
  import: 'importDupImport'
}

/** The choices of the dialog, remembered for drops on the window. */
let lastChoices: ImportChoices = { format: 'auto', duplicates: 'skip' }
export function currentChoices(): ImportChoices {
  return lastChoices
}

function PastReports({ refreshKey }: { refreshKey: unknown }) {
  const { t, dateTime } = useI18n()
  const [reports, setReports] = useState<ImportReportItem[] | null>(null)
  const [error, setError] = useState<unknown>(null)
  useEffect(() => {
    api['import.reports']({}).then(setReports, setError)
  }, [refreshKey])
  if (error) return <ErrorBanner error={error} />
  if (!reports) return <p className="loading">{t('loading')}</p>
  if (reports.length === 0) return <p className="empty">{t('importNoReports')}</p>
  return (
    <ul className="import-reports" data-testid="import-reports">
      {reports.map((r) => (
        <li key={r.uid}>
          <a href={`#/import/report/${encodeURIComponent(r.uid)}`}>
            <bdi>{dateTime(r.startedAt)}</bdi>
          </a>
          <span>
            <bdi>{t('countFiles', { count: r.files })}</bdi> ·{' '}
            <bdi>{t('countArticles', { count: r.imported })}</bdi> ·{' '}
            <bdi>{t('countFailedFiles', { count: r.failed })}</bdi>
          </span>
          {r.finishedAt === null ? <em>{t('importInterrupted')}</em> : null}
          {r.cancelled ? <em>{t('importCancelled')}</em> : null}
        </li>
      ))}
    </ul>
  )
}

/** The first failed JSON or CSV file of the import that can be sent again with a mapping. */
function unmappedFile(summary: ImportSummary | null) {
  for (const f of summary?.files ?? []) {
    if (f.status !== 'failed' || (f.format !== 'json' && f.format !== 'csv')) continue
    const picked = pickedFile(f.path)
    if (picked) return picked
  }
  return undefined
}

/** The Import dialog: pick files or a folder (or drop them anywhere), follow, read the report. */
export function ImportPage() {
  const { t } = useI18n()
  const run = useImportRun()
  const [format, setFormat] = useState<ImportFormatChoice>(lastChoices.format)
  const [duplicates, setDuplicates] = useState<DuplicatePolicy>(lastChoices.duplicates)
  const folderInput = useRef<HTMLInputElement>(null)
  useEffect(() => {
    // not in React's attribute types; Chromium and Electron support it
    folderInput.current?.setAttribute('webkitdirectory', '')
  }, [])
  useEffect(() => {
    lastChoices = { format, duplicates }
  }, [format, duplicates])
  const running = run.phase === 'running'
  const unmapped = unmappedFile(run.summary)
  const pick = (list: FileList | null): void => {
    if (list && list.length > 0) void startImport(fromFileList(list), { format, duplicates })
  }
  return (
    <div className="import-page">
      <div className="view-header">
        <h1>{t('importTitle')}</h1>
        {run.phase !== 'idle' && !running ? (
          <button type="button" onClick={resetImport}>
            {t('importNew')}
          </button>
        ) : null}
      </div>
      <section className="import-dialog">
        <p>{t('importHint')}</p>
        {inDesktop ? (
          <div className="import-pickers">
            <button
              type="button"
              disabled={running}
              data-testid="import-files-dialog"
              onClick={() => void startDesktopImport('files', { format, duplicates })}
            >
              {t('importChooseFiles')}
            </button>
            <button
              type="button"
              disabled={running}
              data-testid="import-folder-dialog"
              onClick={() => void startDesktopImport('folder', { format, duplicates })}
            >
              {t('importChooseFolder')}
            </button>
          </div>
        ) : (
          <div className="import-pickers">
            <label className="import-picker">
              {t('importChooseFiles')}
              <input
                type="file"
                multiple
                disabled={running}
                data-testid="import-files-input"
                onChange={(e) => {
                  pick(e.target.files)
                  e.target.value = ''
                }}
              />
            </label>
            <label className="import-picker">
              {t('importChooseFolder')}
              <input
                ref={folderInput}
                type="file"
                multiple
                disabled={running}
                data-testid="import-folder-input"
                onChange={(e) => {
                  pick(e.target.files)
                  e.target.value = ''
                }}
              />
            </label>
          </div>
        )}
        <div className="import-options">
          <label className="field">
            <span>{t('importFormat')}</span>
            <select
              value={format}
              disabled={running}
              onChange={(e) => setFormat(e.target.value as ImportFormatChoice)}
            >
              {IMPORT_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {f === 'auto' ? t('importFormatAuto') : f.toUpperCase()}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('importDuplicates')}</span>
            <select
              value={duplicates}
              disabled={running}
              onChange={(e) => setDuplicates(e.target.value as DuplicatePolicy)}
            >
              {DUPLICATE_POLICIES.map((p) => (
                <option key={p} value={p}>
                  {t(POLICY_KEY[p])}
                </option>
              ))}
            </select>
          </label>
        </div>
      </section>
      <ImportProgress />
      {!running && unmapped ? (
        <MappingStep
          key={unmapped.path}
          picked={unmapped}
          format={lastImportChoices().format}
          onApply={(mapping) => void startImport([unmapped], { ...lastImportChoices(), mapping })}
        />
      ) : null}
      {run.summary ? (
        <section>
          <h2>{t('importReport')}</h2>
          <SummaryLine summary={run.summary} />
          <ReportTable summary={run.summary} />
        </section>
      ) : null}
      <section>
        <h2>{t('importReports')}</h2>
        <PastReports refreshKey={run.phase} />
      </section>
    </div>
  )
}
