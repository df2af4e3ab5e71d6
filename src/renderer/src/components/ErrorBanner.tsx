import { useI18n } from '../i18n/I18nProvider'

export function ErrorBanner({ error }: { error: unknown }) {
  const { t } = useI18n()
  if (!error) return null
  const message = error instanceof Error ? error.message : String(error)
  return (
    <div className="error-banner" role="alert">
      {t('errorPrefix')}: <bdi>{message}</bdi>
    </div>
  )
}
