import type { BackupInfo } from '@shared/contract/backups'
import { Fragment, useState } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import type { MessageKey } from '../../i18n/catalogue'
import { formatBytes, REASON_KEY } from './format'

interface Props {
  backups: BackupInfo[]
  /** the label of each row's button */
  action: MessageKey
  onRestore: (backup: BackupInfo) => void
  /** when set, the button first asks with this text and a confirming button */
  confirm?: { text: MessageKey; yes: MessageKey }
  busy: boolean
}

/** Backups, newest first: time, reason, size, and a restore button. */
export function BackupTable({ backups, action, onRestore, confirm, busy }: Props) {
  const { t, tag, dateTime } = useI18n()
  const [asking, setAsking] = useState<string | null>(null)
  return (
    <table className="backup-table" data-testid="backup-table">
      <thead>
        <tr>
          <th>{t('backupTime')}</th>
          <th>{t('backupReason')}</th>
          <th>{t('backupSize')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {backups.map((b) => (
          <Fragment key={b.file}>
            <tr data-testid="backup-row" data-name={b.name}>
              <td>
                <time dateTime={b.createdAt} title={b.name}>
                  {dateTime(b.createdAt)}
                </time>
              </td>
              <td>{t(REASON_KEY[b.reason])}</td>
              <td>{formatBytes(b.bytes, tag)}</td>
              <td className="row-action">
                <button
                  type="button"
                  disabled={busy}
                  data-testid="backup-restore"
                  onClick={() => (confirm ? setAsking(b.file) : onRestore(b))}
                >
                  {t(action)}
                </button>
              </td>
            </tr>
            {confirm && asking === b.file ? (
              <tr className="confirm-row">
                <td colSpan={4}>
                  <div className="confirm-box" role="alertdialog" data-testid="restore-confirm">
                    <p>{t(confirm.text)}</p>
                    <button
                      type="button"
                      className="danger"
                      disabled={busy}
                      data-testid="restore-confirm-yes"
                      onClick={() => {
                        setAsking(null)
                        onRestore(b)
                      }}
                    >
                      {t(confirm.yes)}
                    </button>
                    <button type="button" onClick={() => setAsking(null)}>
                      {t('cancel')}
                    </button>
                  </div>
                </td>
              </tr>
            ) : null}
          </Fragment>
        ))}
      </tbody>
    </table>
  )
}
