import type { MessageParams } from '@shared/errors'
import { ApiError } from '../api/client'
import { useI18n } from '../i18n/I18nProvider'
import { catalogue, type MessageKey } from '../i18n/catalogue'
import { ErrorBanner } from './ErrorBanner'

function isMessageKey(key: string | undefined): key is MessageKey {
  return key !== undefined && Object.hasOwn(catalogue.en, key)
}

/** A catalogue message with its `{name}` parameters filled in. */
export function formatMessage(template: string, params: MessageParams | undefined): string {
  return template.replace(/\{(\w+)\}/g, (all, name: string) =>
    params && name in params ? String(params[name]) : all
  )
}

/**
 * What is wrong with a query, in the interface's language, with the query shown and the place
 * the problem is at marked. Other errors fall back to the plain banner.
 */
export function QueryError({ error, query }: { error: unknown; query: string }) {
  const { t } = useI18n()
  if (!(error instanceof ApiError) || !isMessageKey(error.key)) return <ErrorBanner error={error} />
  const position = error.params?.position
  const at = typeof position === 'number' ? Math.min(Math.max(position, 0), query.length) : null
  return (
    <div className="error-banner" role="alert" data-testid="query-error">
      <bdi dir="auto">{formatMessage(t(error.key), error.params)}</bdi>
      {at !== null && query.length > 0 && query.length <= 500 ? (
        <p className="query-error-at" dir="auto">
          <bdi>{query.slice(0, at)}</bdi>
          <mark>{query.slice(at, at + 1) || ' '}</mark>
          <bdi>{query.slice(at + 1)}</bdi>
        </p>
      ) : null}
    </div>
  )
}
