import { useState } from 'react'
import { api } from '../../api/client'
import { useI18n } from '../../i18n/I18nProvider'
import { announceChange } from './selection'

/** Saves the current filter under a name; it then shows in the sidebar with its live count. */
export function SaveSearch({ query }: { query: string }) {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  const [name, setName] = useState('')
  if (!open) {
    return (
      <button type="button" data-testid="save-search" onClick={() => setOpen(true)}>
        {t('libSaveSearch')}
      </button>
    )
  }
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault()
        if (!name.trim()) return
        void api['savedSearches.create']({ name, query }).then(() => {
          setOpen(false)
          setName('')
          announceChange()
        })
      }}
    >
      <input
        dir="auto"
        name="saved-search-name"
        aria-label={t('libSearchName')}
        placeholder={t('libSearchName')}
        value={name}
        autoFocus
        onChange={(e) => setName(e.target.value)}
      />
      <button type="submit">{t('save')}</button>
    </form>
  )
}
