import type { Collection } from '@shared/contract/collections'
import { useEffect, useState } from 'react'
import { api } from '../../api/client'
import { useI18n } from '../../i18n/I18nProvider'
import { hrefFor, navigate } from '../../router'
import { announceChange } from '../library/selection'

/** A collection's name and description, editable, with its parent and a delete button. */
export function CollectionHeading({ uid }: { uid: string }) {
  const { t } = useI18n()
  const [all, setAll] = useState<Collection[]>([])
  const [editing, setEditing] = useState(false)
  const [name, setName] = useState('')
  const [description, setDescription] = useState('')
  const [parent, setParent] = useState('')
  const load = (): void => void api['collections.list']({}).then(setAll)
  useEffect(load, [uid])
  const me = all.find((c) => c.uid === uid)
  if (!me) return <h1>{t('collections')}</h1>
  if (!editing) {
    return (
      <div className="collection-heading">
        <h1 data-testid="collection-title">
          <bdi dir="auto">{me.name}</bdi>
        </h1>
        {me.description ? <p dir="auto">{me.description}</p> : null}
        <button
          type="button"
          data-testid="edit-collection"
          onClick={() => {
            setName(me.name)
            setDescription(me.description ?? '')
            setParent(me.parent ?? '')
            setEditing(true)
          }}
        >
          {t('edit')}
        </button>
        <a
          href={hrefFor({
            name: 'export',
            selection: JSON.stringify({ kind: 'collection', name: me.uid })
          })}
          data-testid="export-collection"
        >
          {t('exportCollection')}
        </a>
      </div>
    )
  }
  const save = async (): Promise<void> => {
    await api['collections.update']({
      uid,
      name,
      description: description || null,
      parent: parent || null
    })
    setEditing(false)
    load()
    announceChange()
  }
  return (
    <form
      className="collection-heading inline-form"
      onSubmit={(e) => (e.preventDefault(), void save())}
    >
      <input
        dir="auto"
        name="collection-rename"
        aria-label={t('libCollectionName')}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <input
        dir="auto"
        aria-label={t('libDescription')}
        placeholder={t('libDescription')}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
      />
      <select
        aria-label={t('libParent')}
        value={parent}
        onChange={(e) => setParent(e.target.value)}
      >
        <option value="">{t('libNoParent')}</option>
        {all
          .filter((c) => c.parent === null && c.uid !== uid)
          .map((c) => (
            <option key={c.uid} value={c.uid}>
              {c.name}
            </option>
          ))}
      </select>
      <button type="submit">{t('save')}</button>
      <button
        type="button"
        onClick={() => {
          if (!window.confirm(t('libConfirmDeleteCollection'))) return
          void api['collections.delete']({ uid }).then(() => {
            announceChange()
            navigate({ name: 'library' })
          })
        }}
      >
        {t('delete')}
      </button>
    </form>
  )
}
