import type { SavedSearch } from '@shared/contract/saved-searches'
import { useEffect, useState } from 'react'
import { api } from '../../api/client'
import { useI18n } from '../../i18n/I18nProvider'
import { navigate } from '../../router'
import { Library } from '../library/Library'
import { announceChange } from '../library/selection'

/** A saved search opened: the library filtered by its query, which can be deleted. */
export function SavedSearchView({ uid }: { uid: string }) {
  const { t } = useI18n()
  const [saved, setSaved] = useState<SavedSearch | null>(null)
  useEffect(() => {
    void api['savedSearches.list']({}).then((all) =>
      setSaved(all.find((s) => s.uid === uid) ?? null)
    )
  }, [uid])
  if (!saved) return null
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
          void api['savedSearches.delete']({ uid }).then(() => {
            announceChange()
            navigate({ name: 'library' })
          })
        }}
      >
        {t('delete')}
      </button>
    </div>
  )
  return <Library query={saved.query} heading={heading} />
}
