import type { FilterName } from '@shared/query'
import { queryFilters, withoutFilter, type QueryFilter } from '@shared/query'
import { useI18n } from '../i18n/I18nProvider'
import type { MessageKey } from '../i18n/messages'
import '../styles/chips.css'

const LABEL: Record<FilterName, MessageKey> = {
  source: 'filter.source',
  author: 'filter.author',
  tag: 'filter.tag',
  collection: 'filter.collection',
  entity: 'filter.entity',
  date: 'filter.date',
  has: 'filter.has',
  status: 'filter.status',
  id: 'filter.id',
  docno: 'filter.id'
}

const STATUS: Record<string, MessageKey> = {
  new: 'statusNew',
  catalogued: 'statusCatalogued',
  reviewed: 'statusReviewed'
}

/**
 * One filter as a chip: its name in the interface's language, the value as typed, or the whole
 * meaning when the value is a word of the query language (`has:annotations`, `status:new`).
 */
function useChipText(): (f: QueryFilter) => { label: string; value: string } {
  const { t } = useI18n()
  return (f) => {
    const status = f.name === 'status' ? STATUS[f.value.toLowerCase()] : undefined
    let label = t(LABEL[f.name])
    let value = status ? t(status) : f.value
    if (f.name === 'has' && f.value.toLowerCase() === 'annotations') {
      label = t('filter.hasAnnotations')
      value = ''
    }
    return { label: f.negated ? t('chipExcluded', { label }) : label, value }
  }
}

/** The query's filters, each with a button that takes it out of the query. */
export function FilterChips({
  query,
  onChange
}: {
  query: string
  onChange: (next: string) => void
}) {
  const { t } = useI18n()
  const text = useChipText()
  const filters = queryFilters(query)
  if (filters.length === 0) return null
  return (
    <ul className="filter-chips" aria-label={t('chipsLabel')} data-testid="filter-chips">
      {filters.map((f) => {
        const { label, value } = text(f)
        return (
          <li
            key={`${f.start}:${f.name}:${f.value}`}
            className={`filter-chip${f.negated ? ' negated' : ''}`}
            data-testid="filter-chip"
            data-filter={f.name}
            data-value={f.value}
          >
            <span className="chip-label">{label}</span>
            {value ? <bdi dir="auto">{value}</bdi> : null}
            <button
              type="button"
              className="chip-remove"
              data-testid="chip-remove"
              aria-label={t('chipRemove', { filter: value ? `${label}: ${value}` : label })}
              title={t('chipRemove', { filter: value ? `${label}: ${value}` : label })}
              onClick={() => onChange(withoutFilter(query, f))}
            >
              ×
            </button>
          </li>
        )
      })}
    </ul>
  )
}
