import type { SearchResult } from '@shared/contract/search'
import { withFilter, type FilterName } from '@shared/query'
import { useEffect, useState } from 'react'
import { api } from '../api/client'
import { ErrorBanner } from '../components/ErrorBanner'
import { FilterChips } from '../components/FilterChips'
import { Highlighted } from '../components/Highlighted'
import { useI18n } from '../i18n/I18nProvider'
import { hrefFor, navigate } from '../router'

/** Search results for the query in the address, with facets that narrow the query when clicked. */
export function SearchView({ query }: { query: string }) {
  const { t, number, published } = useI18n()
  const [result, setResult] = useState<SearchResult | null>(null)
  const [error, setError] = useState<unknown>(null)

  useEffect(() => {
    if (!query.trim()) {
      setResult(null)
      return
    }
    let current = true
    setError(null)
    api['search.query']({ query, limit: 50 }).then(
      (r) => current && setResult(r),
      (err: unknown) => current && setError(err)
    )
    return () => {
      current = false
    }
  }, [query])

  const requery = (next: string): void => navigate({ name: 'search', query: next }, true)
  const narrow = (filter: FilterName, value: string): void =>
    requery(withFilter(query, filter, value))

  return (
    <section className="search-view">
      <ErrorBanner error={error} query={query} />
      <FilterChips query={query} onChange={requery} />
      {result ? (
        <div className="search-layout">
          <div className="hits">
            <p
              className="count"
              data-testid="search-total"
              data-count={result.total}
              data-capped={result.totalCapped ? 'true' : undefined}
            >
              {result.totalCapped
                ? t('countResultsAtLeast', { count: result.total })
                : t('countResults', { count: result.total })}{' '}
              {result.totalCapped && result.estimatedTotal !== null ? (
                <span className="count-estimate" data-testid="search-estimate">
                  ({t('countResultsAbout', { count: result.estimatedTotal })}){' '}
                </span>
              ) : null}
              {result.total > 0 ? (
                <a
                  href={hrefFor({
                    name: 'export',
                    selection: JSON.stringify({ kind: 'query', query })
                  })}
                  data-testid="export-results"
                >
                  {t('exportResults')}
                </a>
              ) : null}
            </p>
            {result.ordering === 'title-then-date' ? (
              <p className="search-note" data-testid="search-ordering">
                {result.rankedAmong !== null
                  ? t('searchNewestAmong', { count: result.rankedAmong })
                  : t('searchTitleThenDate')}
              </p>
            ) : null}
            {result.hits.map((hit) => (
              <a
                key={hit.uid}
                className="hit"
                data-testid="search-hit"
                href={hrefFor({ name: 'article', uid: hit.uid, find: query })}
              >
                <bdi className="hit-title" dir="auto">
                  <Highlighted text={hit.title} ranges={hit.titleHighlights} />
                </bdi>
                <span className="row-meta">
                  {hit.source ? <bdi dir="auto">{hit.source}</bdi> : null}
                  {hit.published ? (
                    <time dateTime={hit.published}>
                      {published(hit.published, hit.datePrecision)}
                    </time>
                  ) : null}
                  {hit.storyUid ? (
                    <span className="story-marker" data-testid="story-marker">
                      {t('storyMarker')}
                    </span>
                  ) : null}
                </span>
                <p className="snippet" dir="auto">
                  <Highlighted text={hit.snippet} ranges={hit.highlights} />
                </p>
              </a>
            ))}
            {result.total === 0 ? <p className="empty">{t('noResults')}</p> : null}
          </div>
          {result.facets ? (
            <aside className="facets" aria-label={t('facets')}>
              {result.facetsAmong !== null ? (
                <p className="search-note" data-testid="facets-among">
                  {t('facetsAmong', { count: result.facetsAmong })}
                </p>
              ) : null}
              {(
                [
                  ['source', t('source'), result.facets.source],
                  ['date', t('year'), result.facets.year],
                  ['tag', t('tags'), result.facets.tag],
                  ['collection', t('collections'), result.facets.collection]
                ] as const
              ).map(([filter, label, values]) =>
                values.length ? (
                  <div key={filter} className="facet">
                    <h3>{label}</h3>
                    {values.map((v) => (
                      <button type="button" key={v.value} onClick={() => narrow(filter, v.value)}>
                        <bdi dir="auto">{v.value}</bdi>{' '}
                        <span className="facet-count" data-count={v.count}>
                          {number(v.count)}
                        </span>
                      </button>
                    ))}
                  </div>
                ) : null
              )}
            </aside>
          ) : null}
        </div>
      ) : null}
    </section>
  )
}
