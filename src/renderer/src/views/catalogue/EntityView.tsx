import { useEffect, useState } from 'react'
import { api } from '../../api/client'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useCall } from '../../data/calls'
import { useI18n } from '../../i18n/I18nProvider'
import { hrefFor, navigate } from '../../router'
import { announceChange } from '../library/selection'
import { KIND_LABEL, splitNames } from './EntitiesView'

/** An entity's page: its names and note (editable), merge, linked articles, annotated passages. */
export function EntityView({ uid }: { uid: string }) {
  const { t, number, published } = useI18n()
  const loaded = useCall('entities.page', { uid })
  const page = loaded.data
  const kind = page?.entity.kind
  const others = (
    useCall('entities.list', { kind, limit: 1000 }, { enabled: kind !== undefined }).data ?? []
  ).filter((e) => e.uid !== uid)
  // a failed save or merge, shown until the next one succeeds
  const [error, setError] = useState<unknown>(null)
  const [edit, setEdit] = useState({ name: '', aliases: '', note: '' })
  const [into, setInto] = useState('')
  const entityNow = page?.entity
  useEffect(() => {
    // the form starts from the stored entity, and again after each change of it
    if (!entityNow) return
    setEdit({
      name: entityNow.name,
      aliases: entityNow.aliases.join('، '),
      note: entityNow.note ?? ''
    })
  }, [entityNow])
  if (!page) return <ErrorBanner error={loaded.error} />
  const { entity } = page
  return (
    <section className="catalogue-view entity-page">
      <h1 data-testid="entity-name">
        <bdi dir="auto">{entity.name}</bdi>
      </h1>
      <p className="muted">{t(KIND_LABEL[entity.kind])}</p>
      <ErrorBanner error={error} />
      <form
        className="entity-form"
        onSubmit={(e) => {
          e.preventDefault()
          void api['entities.update']({
            uid,
            name: edit.name,
            aliases: splitNames(edit.aliases),
            note: edit.note || null
          }).then(() => (setError(null), announceChange()), setError)
        }}
      >
        <label className="field">
          <span>{t('libPreferredName')}</span>
          <input
            dir="auto"
            value={edit.name}
            onChange={(e) => setEdit({ ...edit, name: e.target.value })}
          />
        </label>
        <label className="field">
          <span>{t('libAliases')}</span>
          <input
            dir="auto"
            data-testid="entity-aliases"
            value={edit.aliases}
            onChange={(e) => setEdit({ ...edit, aliases: e.target.value })}
          />
        </label>
        <label className="field">
          <span>{t('notes')}</span>
          <textarea
            dir="auto"
            rows={2}
            value={edit.note}
            onChange={(e) => setEdit({ ...edit, note: e.target.value })}
          />
        </label>
        <button type="submit">{t('save')}</button>
      </form>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault()
          if (!into || !window.confirm(t('libConfirmMergeEntity'))) return
          void api['entities.merge']({ from: uid, into }).then(() => {
            announceChange()
            navigate({ name: 'catalogue', view: 'entity', id: into })
          }, setError)
        }}
      >
        <select
          aria-label={t('libMergeInto')}
          value={into}
          onChange={(e) => setInto(e.target.value)}
        >
          <option value="">{t('libMergeInto')}</option>
          {others.map((o) => (
            <option key={o.uid} value={o.uid}>
              {o.name}
            </option>
          ))}
        </select>
        <button type="submit">{t('libMerge')}</button>
      </form>
      <h2>
        {t('libLinkedArticles')} ({number(page.articles.length)})
      </h2>
      <ul data-testid="entity-articles">
        {page.articles.map((a) => (
          <li key={a.uid}>
            <a href={hrefFor({ name: 'article', uid: a.uid })}>
              <bdi dir="auto">{a.title}</bdi>
            </a>{' '}
            <span className="muted">
              <bdi dir="auto">{a.source ?? ''}</bdi>{' '}
              {a.published ? <time dateTime={a.published}>{published(a.published)}</time> : null}
            </span>
          </li>
        ))}
      </ul>
      <h2>
        {t('libPassages')} ({number(page.passages.length)})
      </h2>
      <ul data-testid="entity-passages">
        {page.passages.map((p) => (
          <li key={p.annotationUid}>
            <blockquote dir="auto">{p.exact}</blockquote>
            <a href={hrefFor({ name: 'article', uid: p.articleUid, annotation: p.annotationUid })}>
              <bdi dir="auto">{p.articleTitle}</bdi>
            </a>
            {p.note ? <p dir="auto">{p.note}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  )
}
