import { ErrorBanner } from '../../components/ErrorBanner'
import { change, useCall } from '../../data/calls'
import { useI18n } from '../../i18n/I18nProvider'
import { navigate } from '../../router'
import { Library } from '../library/Library'

/** A saved search opened: the library filtered by its query, which can be deleted. */
export function SavedSearchView({ uid }: { uid: string }) {
  const { t } = useI18n()
  const all = useCall('savedSearches.list', {})
  const saved = all.data?.find((s) => s.uid === uid)
  if (!saved) return <ErrorBanner error={all.error} />
  const heading = (
    <div className="collection-heading">
      <h1>
        <bdi dir="auto">{saved.name}</bdi>
      </h1>
      <code dir="auto">{saved.query}</code>
      <button
        type="button"
        onClick={() => {
          if (!window.confirm(t('libConfirmDeleteSaved'))) return
          void change('savedSearches.delete', { uid }).then((done) => {
            if (done !== undefined) navigate({ name: 'library' })
          })
        }}
      >
        {t('delete')}
      </button>
    </div>
  )
  return <Library query={saved.query} heading={heading} />
}
