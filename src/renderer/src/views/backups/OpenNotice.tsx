import type { RecoveryEventName } from '@shared/contract/recovery'
import { useI18n } from '../../i18n/I18nProvider'
import type { MessageKey } from '../../i18n/catalogue'
import { EVENT_KEY } from './format'

export interface Notice {
  /** a sentence of the interface's own */
  key?: MessageKey
  events: RecoveryEventName[]
  /** the host's sentences, with paths */
  messages: string[]
}

/** A notice in the corner that stays until dismissed: what the open did, or a restore done. */
export function OpenNotice({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }) {
  const { t } = useI18n()
  return (
    <aside className="open-notice" role="status" data-testid="open-notice">
      {notice.key ? <p>{t(notice.key)}</p> : null}
      {notice.events.map((e) => (
        <p key={e}>{t(EVENT_KEY[e])}</p>
      ))}
      {notice.messages.length > 0 ? (
        <details>
          <summary>{t('recoveryDetails')}</summary>
          {notice.messages.map((m) => (
            <p key={m} dir="auto" className="detail">
              <bdi>{m}</bdi>
            </p>
          ))}
        </details>
      ) : null}
      <button type="button" onClick={onDismiss} data-testid="open-notice-dismiss">
        {t('noticeDismiss')}
      </button>
    </aside>
  )
}
