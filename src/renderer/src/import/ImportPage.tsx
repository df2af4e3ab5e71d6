import { useEffect, useMemo, useRef, useState } from 'react'
import type { ImportReportItem, MappableField } from '@shared/contract/imports'
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
import { MappingStep, type MappingSource } from './MappingStep'
import { lastDesktopChoices, startDesktopImport, startDesktopMappedImport } from './desktopImport'
import {
  lastImportChoices,
  pickedFile,
  resetImport,
  startImport,
  useImportRun,
  type ImportChoices,
  type ImportRunState
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
          {/* no '·' between them: in Arabic it reads as the digit zero (٠) */}
          <span className="import-report-counts">
            <bdi>{t('countFiles', { count: r.files })}</bdi>
            <bdi>{t('countArticles', { count: r.imported })}</bdi>
            <bdi>{t('countFailedFiles', { count: r.failed })}</bdi>
          </span>
          {r.finishedAt === null ? <em>{t('importInterrupted')}</em> : null}
          {r.cancelled ? <em>{t('importCancelled')}</em> : null}
        </li>
      ))}
    </ul>
  )
}

/**
 * The first file of the import that can be sent again with a mapping: a failed JSON or CSV file
 * the page still holds (browser), or one main keeps a handle for (desktop).
 */
function unmappedFile({
  kind,
  mappable
}: Pick<ImportRunState, 'kind' | 'mappable'>): MappingSource | undefined {
  const [first] = mappable
  if (!first) return undefined
  if (kind === 'desktop') return { kind: 'desktop', ...first }
  const picked = pickedFile(first.handle)
  return picked ? { kind: 'upload', picked } : undefined
}

function applyMapping(source: MappingSource, mapping: Record<string, MappableField>): void {
  if (source.kind === 'desktop') {
    void startDesktopMappedImport(source.handle, { ...lastDesktopChoices(), mapping })
  } else void startImport([source.picked], { ...lastImportChoices(), mapping })
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
  // one object per file, so the mapping step loads its preview once
  const { kind, mappable } = run
  const unmapped = useMemo(() => unmappedFile({ kind, mappable }), [kind, mappable])
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
          key={unmapped.kind === 'desktop' ? unmapped.handle : unmapped.picked.path}
          source={unmapped}
          format={(unmapped.kind === 'desktop' ? lastDesktopChoices() : lastImportChoices()).format}
          onApply={(mapping) => applyMapping(unmapped, mapping)}
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
