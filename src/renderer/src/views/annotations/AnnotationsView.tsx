import {
  ANNOTATION_STATUSES,
  type AnnotationColor,
  type AnnotationHit,
  type AnnotationSearchInput
} from '@shared/contract/annotations'
import { useInfiniteQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { api } from '../../api/client'
import { EntityPicker, type PickedEntity } from '../../components/EntityPicker'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useDebounced } from '../../data/useDebounced'
import { useI18n } from '../../i18n/I18nProvider'
import type { MessageKey } from '../../i18n/catalogue'
import { hrefFor } from '../../router'
import { ColorFilter } from '../../components/ColorFilter'
import { COLOR_LABEL } from '../workspace/colors'
import '../workspace/annotation-tools.css'
import './annotations-view.css'

type Status = (typeof ANNOTATION_STATUSES)[number]
const STATUS_LABEL: Record<Status, MessageKey> = {
  anchored: 'statusAnchored',
  orphaned: 'needsReview'
}
const PAGE = 50

interface Filters {
  query: string
  tag: string
  collection: string
  color: AnnotationColor | ''
  status: Status | ''
  entity: PickedEntity | null
}

const EMPTY: Filters = { query: '', tag: '', collection: '', color: '', status: '', entity: null }

function inputOf(f: Filters, cursor: string | null): AnnotationSearchInput {
  return {
    query: f.query.trim() || undefined,
    tag: f.tag.trim() || undefined,
    collection: f.collection.trim() || undefined,
    color: f.color || undefined,
    status: f.status || undefined,
    entityUid: f.entity?.uid,
    limit: PAGE,
    cursor
  }
}

function Item({ hit }: { hit: AnnotationHit }) {
  const { t } = useI18n()
  const quote = hit.exact.length > 240 ? `${hit.exact.slice(0, 240)}…` : hit.exact
  return (
    <li className={`annotation-item color-${hit.color}`} data-testid="annotation-hit">
      <a
        className="annotation-hit-link"
        href={hrefFor({ name: 'article', uid: hit.articleUid, annotation: hit.uid })}
      >
        <bdi dir="auto" className="hit-article">
          {hit.articleTitle}
        </bdi>
        <span className="annotation-go">
          <span className={`dot swatch-${hit.color}`} aria-label={t(COLOR_LABEL[hit.color])} />
          <bdi dir="auto" className="quote">
            {quote}
          </bdi>
        </span>
      </a>
      {hit.note ? (
        <p dir="auto" className="annotation-note">
          {hit.note}
        </p>
      ) : null}
      <p className="annotation-tags">
        {hit.tags.map((tag) => (
          <bdi key={tag} dir="auto" className="tag">
            {tag}
          </bdi>
        ))}
        {hit.entityName ? (
          <span className="annotation-entity">
            {t('entity')}: <bdi dir="auto">{hit.entityName}</bdi>
          </span>
        ) : null}
        {hit.status === 'orphaned' ? <span className="orphan">{t('needsReview')}</span> : null}
      </p>
    </li>
  )
}

/** Every annotation in the archive, filtered and searched; one click opens it in its article. */
export function AnnotationsView() {
  const { t } = useI18n()
  const [filters, setFilters] = useState<Filters>(EMPTY)
  // the filters searched: those typed, once typing pauses
  const searched = useDebounced(filters, 200)
  const [showEntity, setShowEntity] = useState(false)
  const set = (patch: Partial<Filters>): void => setFilters((f) => ({ ...f, ...patch }))

  // pages through the data layer: an annotation made, changed or deleted anywhere shows here
  const found = useInfiniteQuery({
    queryKey: ['annotations.search', inputOf(searched, null)],
    queryFn: ({ pageParam }) => api['annotations.search'](inputOf(searched, pageParam)),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: (previous) => previous,
    meta: { silent: true }
  })
  const pages = found.data?.pages ?? []
  const items: AnnotationHit[] = pages.flatMap((p) => p.items)
  const total = pages[0]?.total ?? null
  const error = found.error
  const next = found.hasNextPage
  const more = (): void => {
    if (!found.isFetchingNextPage) void found.fetchNextPage()
  }

  return (
    <section className="annotations-view" data-testid="annotations-view">
      <header className="view-header">
        <h1>{t('allAnnotations')}</h1>
        {total !== null ? (
          <span className="count" data-testid="annotations-total" data-count={total}>
            {t('countAnnotations', { count: total })}
          </span>
        ) : null}
      </header>
      <div className="annotation-filters">
        <input
          type="search"
          dir="auto"
          aria-label={t('annotationSearch')}
          placeholder={t('annotationSearch')}
          value={filters.query}
          onChange={(e) => set({ query: e.target.value })}
          data-testid="annotations-query"
        />
        <input
          dir="auto"
          aria-label={t('tags')}
          placeholder={t('tags')}
          value={filters.tag}
          onChange={(e) => set({ tag: e.target.value })}
          data-testid="annotations-tag"
        />
        <input
          dir="auto"
          aria-label={t('collections')}
          placeholder={t('collections')}
          value={filters.collection}
          onChange={(e) => set({ collection: e.target.value })}
          data-testid="annotations-collection"
        />
        <ColorFilter
          value={filters.color}
          onChange={(color) => set({ color })}
          testId="annotations-color"
        />
        <select
          aria-label={t('allStatuses')}
          value={filters.status}
          onChange={(e) => set({ status: e.target.value as Status | '' })}
        >
          <option value="">{t('allStatuses')}</option>
          {ANNOTATION_STATUSES.map((st) => (
            <option key={st} value={st}>
              {t(STATUS_LABEL[st])}
            </option>
          ))}
        </select>
        <button
          type="button"
          aria-expanded={showEntity}
          onClick={() => setShowEntity((v) => !v)}
          data-testid="annotations-entity"
        >
          {filters.entity ? <bdi dir="auto">{filters.entity.name}</bdi> : t('anyEntity')}
        </button>
      </div>
      {showEntity ? (
        <EntityPicker
          value={filters.entity}
          autoFocus
          onChange={(entity) => {
            set({ entity })
            setShowEntity(false)
          }}
        />
      ) : null}
      <ErrorBanner error={error} />
      {total === 0 ? <p className="empty">{t('noAnnotationsFound')}</p> : null}
      <ul className="annotation-list">
        {items.map((hit) => (
          <Item key={hit.uid} hit={hit} />
        ))}
      </ul>
      {next ? (
        <button type="button" className="load-more" onClick={more}>
          {t('loadMore')}
        </button>
      ) : null}
    </section>
  )
}
