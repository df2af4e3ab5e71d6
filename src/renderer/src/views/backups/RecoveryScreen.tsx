import type { BackupInfo } from '@shared/contract/backups'
import type { ArchiveStatus } from '@shared/contract/recovery'
import { useState } from 'react'
import { ApiError, api } from '../../api/client'
import { inDesktop } from '../../api/desktop'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useI18n } from '../../i18n/I18nProvider'
import type { MessageKey } from '../../i18n/catalogue'
import { BackupTable } from './BackupTable'
import { EVENT_KEY, formatBytes, REASON_KEY } from './format'
import { PathText } from './PathText'

interface Props {
  status: ArchiveStatus
  /** the archive is open again: leave this screen */
  onOpened: (status: ArchiveStatus, notice: MessageKey) => void
}

/** The full page shown instead of the app when the archive was damaged and moved aside. */
export function RecoveryScreen({ status, onOpened }: Props) {
  const { t, tag, dateTime, toggleLocale } = useI18n()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [askEmpty, setAskEmpty] = useState(false)
  const { recovery } = status
  const newest = recovery.newestGoodBackup
  const others = status.backups.filter((b) => b.file !== newest?.file)

  const run = (work: () => Promise<ArchiveStatus>, notice: MessageKey): void => {
    setBusy(true)
    setError(null)
    work().then(
      (next) => {
        setBusy(false)
        if (next.state === 'open') onOpened(next, notice)
        else setError(new ApiError({ code: 'damaged', message: next.recovery.messages.join(' ') }))
      },
      (err: unknown) => {
        setBusy(false)
        setError(err)
      }
    )
  }
  const restore = (b: BackupInfo): void =>
    run(() => api['recovery.restore']({ file: b.file }), 'recoveryRestored')
  /** the desktop app: a backup file from anywhere, chosen in main's open dialog */
  const restoreFile = (): void => {
    setBusy(true)
    setError(null)
    api['desktop.restoreChosen']({}).then(
      (answer) => {
        if (!answer.chosen) return setBusy(false)
        run(() => api['archive.status']({}), 'recoveryRestored')
      },
      (err: unknown) => {
        setBusy(false)
        setError(err)
      }
    )
  }

  return (
    <div className="recovery-page" data-testid="recovery-screen">
      <main className="recovery">
        <header className="recovery-head">
          <h1>{t('recoveryTitle')}</h1>
          <button type="button" onClick={toggleLocale}>
            {t('language')}
          </button>
        </header>
        <p className="lead">{t('recoveryLead')}</p>
        <ErrorBanner error={error} />
        {busy ? <p className="loading">{t('recoveryWorking')}</p> : null}

        <section className="recovery-section">
          <h2>{t('recoveryWhatHappened')}</h2>
          <ul>
            {recovery.events.map((e) => (
              <li key={e}>{t(EVENT_KEY[e])}</li>
            ))}
          </ul>
          <details className="recovery-details">
            <summary>{t('recoveryDetails')}</summary>
            {recovery.messages.map((m) => (
              <p key={m} dir="auto" className="detail" data-testid="recovery-message">
                <bdi>{m}</bdi>
              </p>
            ))}
          </details>
          <p>
            {t('recoveryArchivePath')}: <PathText path={status.file} />
          </p>
        </section>

        {recovery.keptAside.length > 0 ? (
          <section className="recovery-section">
            <h2>{t('recoveryKeptAt')}</h2>
            <ul className="paths" data-testid="kept-aside">
              {recovery.keptAside.map((p) => (
                <li key={p}>
                  <PathText path={p} />
                </li>
              ))}
            </ul>
            <p className="hint">{t('recoveryKeptHint')}</p>
          </section>
        ) : null}

        {inDesktop ? (
          <p>
            <button type="button" disabled={busy} onClick={restoreFile}>
              {t('restoreFromFile')}
            </button>
          </p>
        ) : null}

        <section className="recovery-section newest-backup" data-testid="newest-backup">
          <h2>{t('recoveryNewest')}</h2>
          {newest ? (
            <div className="backup-card">
              <dl>
                <dt>{t('backupTime')}</dt>
                <dd>
                  <time dateTime={newest.createdAt}>{dateTime(newest.createdAt)}</time>
                </dd>
                <dt>{t('backupSize')}</dt>
                <dd>{formatBytes(newest.bytes, tag)}</dd>
                <dt>{t('backupReason')}</dt>
                <dd>{t(REASON_KEY[newest.reason])}</dd>
              </dl>
              <p>
                <PathText path={newest.file} />
              </p>
              <button
                type="button"
                className="primary"
                disabled={busy}
                data-testid="restore-newest"
                onClick={() => restore(newest)}
              >
                {t('recoveryRestoreThis')}
              </button>
            </div>
          ) : (
            <p>{t('recoveryNoBackup')}</p>
          )}
        </section>

        {others.length > 0 ? (
          <section className="recovery-section">
            <h2>{t('recoveryOtherBackups')}</h2>
            <BackupTable backups={others} action="backupRestore" onRestore={restore} busy={busy} />
          </section>
        ) : null}

        <section className="recovery-section">
          <h2>{t('recoveryStartEmpty')}</h2>
          <p className="hint">{t('recoveryStartEmptyHint')}</p>
          {askEmpty ? (
            <div className="confirm-box" role="alertdialog" data-testid="start-empty-confirm">
              <p>{t('recoveryStartEmptyConfirm')}</p>
              <button
                type="button"
                className="danger"
                disabled={busy}
                data-testid="start-empty-yes"
                onClick={() =>
                  run(() => api['recovery.startEmpty']({ confirm: true }), 'recoveryStartedEmpty')
                }
              >
                {t('recoveryStartEmptyYes')}
              </button>
              <button type="button" onClick={() => setAskEmpty(false)}>
                {t('cancel')}
              </button>
            </div>
          ) : (
            <button
              type="button"
              disabled={busy}
              data-testid="start-empty"
              onClick={() => setAskEmpty(true)}
            >
              {t('recoveryStartEmpty')}
            </button>
          )}
        </section>
      </main>
    </div>
  )
}
