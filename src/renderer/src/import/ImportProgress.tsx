import { useEffect, useState } from 'react'
import { useI18n } from '../i18n/I18nProvider'
import { cancelImport, pace, useImportRun } from './importRun'

function formatSeconds(seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  const m = Math.floor(s / 60)
  return m > 0 ? `${m}:${String(s % 60).padStart(2, '0')}` : `0:${String(s).padStart(2, '0')}`
}

/** Count, rate and time left of the running import, with Cancel. */
export function ImportProgress() {
  const { t } = useI18n()
  const run = useImportRun()
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (run.phase !== 'running') return
    const timer = window.setInterval(() => setNow(Date.now()), 500)
    return () => window.clearInterval(timer)
  }, [run.phase])
  if (run.phase === 'idle') return null
  const { rate, secondsLeft } = pace(run, now)
  // inside one big file its records count: the batch's bytes only come back with the batch
  const fraction = run.records
    ? (run.filesDone + run.records.done / Math.max(1, run.records.total)) /
      Math.max(1, run.filesTotal)
    : run.bytesTotal > 0
      ? run.bytesDone / run.bytesTotal
      : run.filesDone / Math.max(1, run.filesTotal)
  const heading = {
    running: 'importRunning',
    done: 'importDone',
    cancelled: 'importCancelled',
    error: 'importFailedCall',
    idle: 'importRunning'
  } as const
  return (
    <section className="import-progress" aria-live="polite" data-testid="import-progress">
      <h2 data-testid="import-phase" data-phase={run.phase}>
        {t(heading[run.phase])}
      </h2>
      {run.filesTotal === 0 && run.bytesTotal === 0 && run.phase === 'running' ? (
        // the desktop import reads a folder it has not counted: no fraction to show yet
        <progress aria-label={t('importRunning')} />
      ) : (
        <progress max={1} value={fraction} aria-label={t('importRunning')} />
      )}
      <p className="import-counts">
        <span data-testid="import-count">
          <bdi>{run.filesTotal > 0 ? `${run.filesDone} / ${run.filesTotal}` : run.filesDone}</bdi>{' '}
          {t('importFiles')}
        </span>
        <span>
          <bdi>{run.summary?.imported ?? run.articles}</bdi> {t('importArticles')}
        </span>
        <span>
          <bdi>{rate.toFixed(1)}</bdi> {t('importPerSecond')}
        </span>
        {run.phase === 'running' && run.records ? (
          <>
            <span data-testid="import-records">
              <bdi>{`${run.records.done} / ${run.records.total}`}</bdi> {t('importRecordsRead')}
            </span>
            <span data-testid="import-records-rate">
              <bdi>{run.records.perSecond}</bdi> {t('importRecordsPerSecond')}
            </span>
          </>
        ) : null}
        {run.phase === 'running' && secondsLeft !== null ? (
          <span>
            {t('importTimeLeft')}: <bdi>{formatSeconds(secondsLeft)}</bdi>
          </span>
        ) : null}
      </p>
      {run.error ? <p className="error-banner">{run.error}</p> : null}
      {run.phase === 'running' ? (
        <button type="button" onClick={cancelImport} data-testid="import-cancel">
          {t('importCancel')}
        </button>
      ) : null}
    </section>
  )
}
