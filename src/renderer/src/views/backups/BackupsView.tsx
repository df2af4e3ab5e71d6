import type { BackupInfo, CheckResult, DamagedRecord } from '@shared/contract/backups'
import { useState } from 'react'
import { api } from '../../api/client'
import { inDesktop } from '../../api/desktop'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useCall } from '../../data/calls'
import { announceChange } from '../../data/queryClient'
import { useI18n } from '../../i18n/I18nProvider'
import { useArchiveGate } from './ArchiveGate'
import { BackupTable } from './BackupTable'
import { PathText } from './PathText'

function CheckReport({ result }: { result: CheckResult }) {
  const { t } = useI18n()
  if (result.ok) {
    return (
      <p className="check-ok" role="status" data-testid="check-result">
        {t('checkOk')}
      </p>
    )
  }
  const lines = [...result.integrity.filter((l) => l !== 'ok'), result.index].filter(
    (l) => l !== 'ok'
  )
  return (
    <div className="check-failed" role="alert" data-testid="check-result">
      <p>{t('checkFailed')}</p>
      <ul>
        {lines.map((l) => (
          <li key={l} dir="auto">
            <bdi>{l}</bdi>
          </li>
        ))}
        {result.damaged.map((d) => (
          <DamagedItem key={`${d.kind}-${d.uid}`} item={d} />
        ))}
      </ul>
    </div>
  )
}

/** One article the fixity check found changed, with a restore from the backup holding it intact. */
function DamagedItem({ item }: { item: DamagedRecord }) {
  const { t } = useI18n()
  const [state, setState] = useState<'idle' | 'done' | { failed: unknown }>('idle')
  const restore = (backup: string): void => {
    api['articles.restoreFromBackup']({ uid: item.uid, backup }).then(
      () => (setState('done'), announceChange()),
      (failed: unknown) => setState({ failed })
    )
  }
  return (
    <li data-testid="check-damaged">
      {t(item.kind === 'article' ? 'checkDamagedArticle' : 'checkDamagedOriginal')}:{' '}
      <bdi dir="auto">{item.title}</bdi> (<bdi dir="auto">{item.fileName ?? item.uid}</bdi>){' '}
      {item.kind === 'article' && item.backup && state === 'idle' ? (
        <button type="button" onClick={() => restore(item.backup!)}>
          {t('checkRestoreArticle')}
        </button>
      ) : null}
      {item.backup ? null : t('checkNoIntactBackup')}
      {state === 'done' ? t('checkArticleRestored') : null}
      {typeof state === 'object' ? <ErrorBanner error={state.failed} /> : null}
    </li>
  )
}

/** The Backups screen: the list, a backup on demand, a restore (undoable), and a full check. */
export function BackupsView() {
  const { t } = useI18n()
  const gate = useArchiveGate()
  const listed = useCall('backups.list', {})
  const list = listed.data ?? null
  const [busy, setBusy] = useState(false)
  // a failed backup, restore or check, shown until the next one starts
  const [failed, setError] = useState<unknown>(null)
  const error = failed ?? listed.error
  const [made, setMade] = useState<BackupInfo | null>(null)
  const [check, setCheck] = useState<CheckResult | null>(null)

  const work = async <T,>(job: () => Promise<T>, then: (value: T) => void): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      then(await job())
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  const backUp = (): Promise<void> =>
    work(
      () => api['backups.create']({}),
      (info) => {
        setMade(info)
        announceChange()
      }
    )
  /** the desktop app: main's save dialog chooses where, and asks before replacing a file */
  const backUpToFile = (): Promise<void> =>
    work(
      () => api['desktop.backupChosen']({}),
      (answer) => answer.chosen && setMade(answer.result)
    )
  /** the desktop app: any backup file, chosen in main's open dialog; the archive as it was is kept */
  const restoreFromFile = (): Promise<void> =>
    work(
      () => api['desktop.restoreChosen']({}),
      (answer) => answer.chosen && gate.reload('recoveryRestored')
    )
  const runCheck = (): Promise<void> => work(() => api['archive.check']({}), setCheck)
  const restore = (b: BackupInfo): Promise<void> =>
    work(
      () => api['backups.restore']({ file: b.file }),
      () => gate.reload('recoveryRestored')
    )

  return (
    <section className="backups-view" data-testid="backups-view">
      <header className="view-header">
        <h1>{t('backupsTitle')}</h1>
        <span className="backup-actions">
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => void backUp()}
            data-testid="backup-now"
          >
            {t('backupNow')}
          </button>
          {inDesktop ? (
            <>
              <button type="button" disabled={busy} onClick={() => void backUpToFile()}>
                {t('backupToFile')}
              </button>
              <button type="button" disabled={busy} onClick={() => void restoreFromFile()}>
                {t('restoreFromFile')}
              </button>
            </>
          ) : null}
          <button
            type="button"
            disabled={busy}
            onClick={() => void runCheck()}
            data-testid="check-archive"
          >
            {t('checkArchive')}
          </button>
        </span>
      </header>
      <p className="hint">{t('backupsAutoHint')}</p>
      {list ? (
        <p className="hint">
          {t('backupsFolder')}: <PathText path={list.dir} />
        </p>
      ) : null}
      <ErrorBanner error={error} />
      {busy ? <p className="loading">{t('recoveryWorking')}</p> : null}
      {made ? (
        <p role="status" className="check-ok" data-testid="backup-made">
          {t('backupMade')} <PathText path={made.name} />
        </p>
      ) : null}
      {check ? <CheckReport result={check} /> : null}
      {list && list.backups.length === 0 ? <p className="empty">{t('backupsNone')}</p> : null}
      {list && list.backups.length > 0 ? (
        <BackupTable
          backups={list.backups}
          action="backupRestore"
          onRestore={(b) => void restore(b)}
          confirm={{ text: 'backupRestoreConfirm', yes: 'backupRestoreYes' }}
          busy={busy}
        />
      ) : null}
    </section>
  )
}
