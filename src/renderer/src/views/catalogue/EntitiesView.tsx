import { ENTITY_KINDS, type EntityKind } from '@shared/contract/entities'
import { useState } from 'react'
import { api } from '../../api/client'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useCall } from '../../data/calls'
import { useI18n } from '../../i18n/I18nProvider'
import type { MessageKey } from '../../i18n/catalogue'
import { hrefFor } from '../../router'
import { announceChange } from '../library/selection'

export const KIND_LABEL: Record<EntityKind, MessageKey> = {
  person: 'libPerson',
  place: 'libPlace',
  organisation: 'libOrganisation'
}

export const splitNames = (s: string): string[] =>
  s
    .split(/[,،]/)
    .map((x) => x.trim())
    .filter(Boolean)

/** Authority records of one kind (or all), searchable by any name, and a form to add one. */
export function EntitiesView({ kind }: { kind: string }) {
  const { t } = useI18n()
  const only = ENTITY_KINDS.find((k) => k === kind)
  const [query, setQuery] = useState('')
  const found = useCall('entities.list', { kind: only, query: query || undefined, limit: 1000 })
  const list = found.data ?? []
  // a failed create, shown until the next one succeeds
  const [error, setError] = useState<unknown>(null)
  const [form, setForm] = useState({ kind: only ?? 'person', name: '', aliases: '' })
  return (
    <section className="catalogue-view">
      <h1>{only ? t(KIND_LABEL[only]) : t('libEntities')}</h1>
      <ErrorBanner error={error ?? found.error} />
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault()
          void api['entities.create']({
            kind: form.kind,
            name: form.name,
            aliases: splitNames(form.aliases)
          }).then(() => {
            setForm({ ...form, name: '', aliases: '' })
            setError(null)
            announceChange()
          }, setError)
        }}
      >
        <select
          aria-label={t('libKind')}
          value={form.kind}
          onChange={(e) => setForm({ ...form, kind: e.target.value as EntityKind })}
        >
          {ENTITY_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(KIND_LABEL[k])}
            </option>
          ))}
        </select>
        <input
          dir="auto"
          name="entity-name"
          aria-label={t('libPreferredName')}
          placeholder={t('libPreferredName')}
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
        />
        <input
          dir="auto"
          name="entity-aliases"
          aria-label={t('libAliases')}
          placeholder={t('libAliases')}
          value={form.aliases}
          onChange={(e) => setForm({ ...form, aliases: e.target.value })}
        />
        <button type="submit" data-testid="create-entity">
          {t('createEntity')}
        </button>
      </form>
      <input
        type="search"
        dir="auto"
        aria-label={t('search')}
        placeholder={t('search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <ul className="entity-list">
        {list.map((e) => (
          <li key={e.uid}>
            <a
              href={hrefFor({ name: 'catalogue', view: 'entity', id: e.uid })}
              data-testid="entity-link"
            >
              <bdi dir="auto">{e.name}</bdi>
            </a>{' '}
            <span className="muted">
              {t(KIND_LABEL[e.kind])} · {t('countArticles', { count: e.articleCount })} ·{' '}
              {t('countAnnotations', { count: e.annotationCount })}
            </span>
            {e.aliases.length ? (
              <div className="muted">
                {e.aliases.map((a) => (
                  <bdi key={a} dir="auto" className="lib-chip">
                    {a}
                  </bdi>
                ))}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  )
}
