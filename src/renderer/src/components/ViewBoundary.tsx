import { Component, type ReactNode } from 'react'
import { useI18n } from '../i18n/I18nProvider'
import { ErrorBanner } from './ErrorBanner'

function Fallback({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useI18n()
  return (
    <div className="view-failed" data-testid="view-failed">
      <p>{t('errorViewFailed')}</p>
      <ErrorBanner error={error} />
      <button type="button" onClick={onRetry}>
        {t('errorRetry')}
      </button>
    </div>
  )
}

interface State {
  error: unknown
}

/** One per view: a view that throws while rendering shows its failure, the rest of the window stays. */
export class ViewBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: unknown): State {
    return { error }
  }

  override render(): ReactNode {
    if (this.state.error) {
      return <Fallback error={this.state.error} onRetry={() => this.setState({ error: null })} />
    }
    return this.props.children
  }
}
