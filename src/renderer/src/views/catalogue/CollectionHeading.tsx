import { useState } from 'react'
import { ErrorBanner } from '../../components/ErrorBanner'
import { change, useCall } from '../../data/calls'
import { useI18n } from '../../i18n/I18nProvider'
import { hrefFor, navigate } from '../../router'

/** A collection's name and description, editable, with its parent and a delete button. */
export function CollectionHeading({ uid }: { uid: string }) {
  const { t } = useI18n()
  const list = useCall('collections.list', {})
  const all = list.data ?? []
  const [editing, setEditing] = useState(false)
  const [name, setName] = useState('')
  const [description, setDescription] = useState('')
  const [parent, setParent] = useState('')
  const me = all.find((c) => c.uid === uid)
  if (!me)
    return (
      <>
        <h1>{t('collections')}</h1>
        <ErrorBanner error={list.error} />
      </>
    )
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
    const done = await change('collections.update', {
      uid,
      name,
      description: description || null,
      parent: parent || null
    })
    // a refused rename (an empty or taken name) keeps the form open, its notice says why
    if (done !== undefined) setEditing(false)
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
          void change('collections.delete', { uid }).then((done) => {
            if (done !== undefined) navigate({ name: 'library' })
          })
        }}
      >
        {t('delete')}
      </button>
    </form>
  )
}
