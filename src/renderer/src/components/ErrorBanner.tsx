import { ApiError } from '../api/client'
import { useI18n } from '../i18n/I18nProvider'
import type { MessageKey } from '../i18n/messages'
import { Message, type MessageData } from './Message'
import { QueryPointer } from './QueryPointer'

/** Turns anything thrown into what `Message` shows: key and params when the core gave them. */
export function messageOf(error: unknown): MessageData {
  if (error instanceof ApiError) {
    return {
      key: error.key,
      params: error.params,
      english: error.message,
      fallback: `error.${error.code}` as MessageKey
    }
  }
  return {
    english: error instanceof Error ? error.message : String(error),
    fallback: 'error.unknown'
  }
}

/**
 * One failure, in the user's language. For a query error with a position, `query` lets the
 * banner point at the character.
 */
export function ErrorBanner({ error, query }: { error: unknown; query?: string }) {
  const { t } = useI18n()
  if (!error) return null
  const data = messageOf(error)
  const position = data.params?.['position']
  return (
    <div className="error-banner" role="alert" data-testid="error-banner">
      <Message data={data} />
      {query !== undefined && typeof position === 'number' ? (
        <QueryPointer
          query={query}
          position={position}
          label={t('errorAtPosition', { position: position + 1 })}
        />
      ) : null}
    </div>
  )
}
