import { useEffect, useState } from 'react'
import { formatNumber } from '../i18n/format'
import { useI18n } from '../i18n/I18nProvider'
import { cancelImport, canResume, pace, resumeImport, useImportRun } from './importRun'

/** m:ss in the interface's digits. */
function formatSeconds(tag: string, seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  const two = formatNumber(tag, s % 60, { minimumIntegerDigits: 2 })
  return `${formatNumber(tag, Math.floor(s / 60))}:${two}`
}

/** Count, rate and time left of the running import, with Stop; after a Stop, what landed. */
export function ImportProgress() {
  const { t, number, tag } = useI18n()
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
    running: run.stopping ? 'importStopping' : 'importRunning',
    done: 'importDone',
    cancelled: 'importCancelled',
    error: 'importFailedCall',
    idle: 'importRunning'
  } as const
  // while a call runs, the archive's count of it (polled) is ahead of the last call's report
  const articles =
    run.phase === 'running'
      ? Math.max(run.articles, run.summary?.imported ?? 0)
      : (run.summary?.imported ?? run.articles)
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
        <span data-testid="import-count" data-done={run.filesDone} data-total={run.filesTotal}>
          <bdi>
            {run.filesTotal > 0
              ? t('importFilesProgress', { done: run.filesDone, total: run.filesTotal })
              : t('countFiles', { count: run.filesDone })}
          </bdi>
        </span>
        <span data-testid="import-articles" data-count={articles}>
          <bdi>{t('countArticles', { count: articles })}</bdi>
        </span>
        {run.filesTotal !== 1 ? (
          // one big file has its records per second instead
          <span>
            <bdi>{t('importFilesRate', { rate: number(Math.round(rate * 10) / 10) })}</bdi>
          </span>
        ) : null}
        {run.phase === 'running' && run.records ? (
          <>
            <span
              data-testid="import-records"
              data-done={run.records.done}
              data-total={run.records.total}
            >
              <bdi>
                {t('importRecordsProgress', { done: run.records.done, total: run.records.total })}
              </bdi>
            </span>
            <span data-testid="import-records-rate" data-count={run.records.perSecond}>
              <bdi>{t('importRecordsRate', { count: run.records.perSecond })}</bdi>
            </span>
          </>
        ) : null}
        {run.phase === 'running' && secondsLeft !== null ? (
          <span>
            {t('importTimeLeft')}: <bdi>{formatSeconds(tag, secondsLeft)}</bdi>
          </span>
        ) : null}
      </p>
      {run.phase === 'cancelled' ? (
        <p className="import-stopped" data-testid="import-stopped" data-count={articles}>
          {t('importStoppedLanded', { count: articles })}{' '}
          {t(run.kind === 'upload' ? 'importResumeHint' : 'importAgainHint')}
        </p>
      ) : null}
      {run.error ? <p className="error-banner">{run.error}</p> : null}
      {run.phase === 'running' ? (
        <button
          type="button"
          onClick={cancelImport}
          disabled={run.stopping}
          data-testid="import-cancel"
        >
          {t('importCancel')}
        </button>
      ) : null}
      {canResume() ? (
        <button type="button" onClick={() => void resumeImport()} data-testid="import-resume">
          {t('importResume')}
        </button>
      ) : null}
    </section>
  )
}
