import { useEffect, useState } from 'react'
import type { ImportSummary } from '@shared/contract/imports'
import { api } from '../api/client'
import { ErrorBanner } from '../components/ErrorBanner'
import { useI18n } from '../i18n/I18nProvider'
import { ReportTable, SummaryLine } from './ReportTable'

/** A past import's report, re-opened from the list. */
export function ReportView({ uid }: { uid: string }) {
  const { t, dateTime } = useI18n()
  const [summary, setSummary] = useState<ImportSummary | null>(null)
  const [error, setError] = useState<unknown>(null)
  useEffect(() => {
    api['import.report']({ uid }).then(setSummary, setError)
  }, [uid])
  return (
    <div className="import-page">
      <div className="view-header">
        <a href="#/import">{t('back')}</a>
        <h1>{t('importReport')}</h1>
        {summary?.startedAt ? <bdi className="count">{dateTime(summary.startedAt)}</bdi> : null}
      </div>
      <ErrorBanner error={error} />
      {summary ? (
        <>
          {summary.finishedAt === null ? <p className="empty">{t('importInterrupted')}</p> : null}
          <SummaryLine summary={summary} />
          <ReportTable summary={summary} />
        </>
      ) : error ? null : (
        <p className="loading">{t('loading')}</p>
      )}
    </div>
  )
}
