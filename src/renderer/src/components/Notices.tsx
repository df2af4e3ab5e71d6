import { dismissNotice, useNotices, type Notice } from '../data/notices'
import { useI18n } from '../i18n/I18nProvider'
import { messageOf } from './ErrorBanner'
import { Message } from './Message'

function One({ notice }: { notice: Notice }) {
  const { t } = useI18n()
  return (
    <div
      className={`notice notice-${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
      data-testid={`notice-${notice.kind}`}
    >
      {notice.kind === 'error' ? (
        <Message data={messageOf(notice.error)} />
      ) : (
        <bdi>{t(notice.key, notice.params)}</bdi>
      )}
      {notice.kind === 'info' && notice.undo ? (
        <button
          type="button"
          data-testid="notice-undo"
          onClick={() => {
            dismissNotice(notice.id)
            void notice.undo?.()
          }}
        >
          {t('undo')}
        </button>
      ) : null}
      <button
        type="button"
        className="link"
        aria-label={t('errorDismiss')}
        onClick={() => dismissNotice(notice.id)}
      >
        ×
      </button>
    </div>
  )
}

/** The notices of the whole window, at its foot. */
export function Notices() {
  const notices = useNotices()
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <One key={n.id} notice={n} />
      ))}
    </div>
  )
}
