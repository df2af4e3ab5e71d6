import { ENTITY_KINDS, type Entity, type EntityKind } from '@shared/contract/entities'
import { useState, type KeyboardEvent } from 'react'
import { api } from '../api/client'
import { useCall } from '../data/calls'
import { announceChange } from '../data/queryClient'
import { useDebounced } from '../data/useDebounced'
import { useI18n } from '../i18n/I18nProvider'
import type { MessageKey } from '../i18n/catalogue'
import { ErrorBanner } from './ErrorBanner'

export const KIND_LABEL: Record<EntityKind, MessageKey> = {
  person: 'kindPerson',
  place: 'kindPlace',
  organisation: 'kindOrganisation'
}

export interface PickedEntity {
  uid: string
  name: string
}

interface Props {
  value: PickedEntity | null
  onChange(entity: PickedEntity | null): void
  /** focus the search box when shown */
  autoFocus?: boolean
}

const splitNames = (value: string): string[] =>
  value
    .split(/[,،]/)
    .map((s) => s.trim())
    .filter(Boolean)

/**
 * Links a person, place or organisation: search the authority list (name and aliases, compared
 * normalised) or create a new entry from what was typed.
 */
export function EntityPicker({ value, onChange, autoFocus }: Props) {
  const { t } = useI18n()
  const [query, setQuery] = useState('')
  const searched = useDebounced(query.trim(), 150)
  const list = useCall(
    'entities.list',
    { query: searched || undefined, limit: 8 },
    { keepPrevious: true }
  )
  const found: Entity[] = list.data ?? []
  const [kind, setKind] = useState<EntityKind>('person')
  const [aliases, setAliases] = useState('')
  // a refused creation, shown until the next one succeeds
  const [failed, setError] = useState<unknown>(null)
  const error = failed ?? list.error

  const create = (): void => {
    const name = query.trim()
    if (!name) return
    api['entities.create']({ kind, name, aliases: splitNames(aliases) }).then((entity) => {
      setQuery('')
      setAliases('')
      setError(null)
      announceChange()
      onChange({ uid: entity.uid, name: entity.name })
    }, setError)
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    // Enter in the picker must not submit an enclosing form
    if (e.code === 'Enter' || e.code === 'NumpadEnter') {
      e.preventDefault()
      if (found.length > 0 && query.trim()) onChange({ uid: found[0].uid, name: found[0].name })
    }
  }

  const exact = found.some((e) => e.name.trim() === query.trim())
  return (
    <div className="entity-picker" data-testid="entity-picker">
      {value ? (
        <p className="entity-current">
          {t('entity')}: <bdi dir="auto">{value.name}</bdi>{' '}
          <button type="button" className="link" onClick={() => onChange(null)}>
            {t('unlinkEntity')}
          </button>
        </p>
      ) : null}
      <input
        type="search"
        dir="auto"
        autoFocus={autoFocus}
        aria-label={t('entitySearch')}
        placeholder={t('entitySearch')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
        data-testid="entity-search"
      />
      <ErrorBanner error={error} />
      {found.length > 0 ? (
        <ul className="entity-options" role="listbox" aria-label={t('entitySearch')}>
          {found.map((entity) => (
            <li key={entity.uid} role="option" aria-selected={value?.uid === entity.uid}>
              <button
                type="button"
                onClick={() => onChange({ uid: entity.uid, name: entity.name })}
                data-testid="entity-option"
              >
                <bdi dir="auto">{entity.name}</bdi>{' '}
                <span className="entity-kind">{t(KIND_LABEL[entity.kind])}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : query.trim() ? (
        <p className="empty">{t('noEntities')}</p>
      ) : null}
      {query.trim() && !exact ? (
        <div className="entity-create">
          <select
            aria-label={t('entityKind')}
            value={kind}
            onChange={(e) => setKind(e.target.value as EntityKind)}
            data-testid="entity-kind"
          >
            {ENTITY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(KIND_LABEL[k])}
              </option>
            ))}
          </select>
          <input
            dir="auto"
            aria-label={t('aliases')}
            placeholder={t('aliasesHint')}
            value={aliases}
            onChange={(e) => setAliases(e.target.value)}
            data-testid="entity-aliases"
          />
          <button type="button" onClick={create} data-testid="entity-create">
            {t('createEntity')} <bdi dir="auto">{query.trim()}</bdi>
          </button>
        </div>
      ) : null}
    </div>
  )
}
