import type { MessageParams } from '@shared/errors'
import { useState } from 'react'
import { useI18n } from '../i18n/I18nProvider'
import type { MessageKey } from '../i18n/messages'

export interface MessageData {
  /** the catalogue key the core gave, finer than the code */
  key?: string | undefined
  params?: MessageParams | undefined
  /** the core's English sentence: shown only behind "details" when the key is known */
  english?: string | undefined
  /** the catalogue message to fall back on when the key is absent or unknown */
  fallback: MessageKey
}

/**
 * Shows an error or a reason in the interface's language: the catalogue entry for its key
 * (with its parameters) when this build knows it, else the general message for its kind; the
 * core's English sentence is kept behind a "details" toggle, so the Arabic interface never
 * shows it unasked.
 */
export function Message({ data }: { data: MessageData }) {
  const { t, tryT } = useI18n()
  const [open, setOpen] = useState(false)
  const text = (data.key ? tryT(data.key, data.params) : undefined) ?? t(data.fallback, data.params)
  const english = data.english && data.english !== text ? data.english : undefined
  return (
    <span className="message">
      <bdi dir="auto" data-testid="message-text">
        {text}
      </bdi>
      {english ? (
        <>
          {' '}
          <button
            type="button"
            className="link message-toggle"
            aria-expanded={open}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? t('errorHideDetails') : t('errorShowDetails')}
          </button>
          {open ? (
            <bdi dir="ltr" lang="en" className="message-detail" data-testid="message-detail">
              {english}
            </bdi>
          ) : null}
        </>
      ) : null}
    </span>
  )
}
