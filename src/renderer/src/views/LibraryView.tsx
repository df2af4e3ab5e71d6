import type { ArticleSortKey } from '@shared/contract/articles'
import type { ArticleSummary } from '@shared/domain-lists'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api } from '../api/client'
import { ErrorBanner } from '../components/ErrorBanner'
import { useI18n } from '../i18n/I18nProvider'
import type { MessageKey } from '../i18n/catalogue'
import { navigate } from '../router'

const PAGE = 200
const SORT_LABEL: Record<ArticleSortKey, MessageKey> = {
  updated: 'sortUpdated',
  created: 'sortCreated',
  published: 'sortPublished',
  title: 'sortTitle'
}

interface Loaded {
  items: ArticleSummary[]
  total: number
  cursor: string | null
  done: boolean
}

/** The article table: pages fetched by keyset as the list scrolls, rows rendered only on screen. */
export function LibraryView({ trash = false }: { trash?: boolean }) {
  const { t } = useI18n()
  const [sort, setSort] = useState<ArticleSortKey>('updated')
  const [loaded, setLoaded] = useState<Loaded>({ items: [], total: 0, cursor: null, done: false })
  const [error, setError] = useState<unknown>(null)
  const loading = useRef(false)
  const generation = useRef(0)
  const scroller = useRef<HTMLDivElement>(null)

  const loadMore = useCallback(
    async (reset: boolean) => {
      if (loading.current && !reset) return
      loading.current = true
      const gen = reset ? ++generation.current : generation.current
      try {
        const base = reset ? { items: [], total: 0, cursor: null, done: false } : loaded
        if (base.done) return
        const page = await api['articles.list']({
          sort,
          direction: sort === 'title' ? 'asc' : 'desc',
          limit: PAGE,
          cursor: base.cursor,
          trash
        })
        if (gen !== generation.current) return
        setLoaded({
          items: [...base.items, ...page.items],
          total: page.total,
          cursor: page.nextCursor,
          done: page.nextCursor === null
        })
      } catch (err) {
        setError(err)
      } finally {
        loading.current = false
      }
    },
    [loaded, sort, trash]
  )

  useEffect(() => {
    void loadMore(true)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload only when the listing changes
  }, [sort, trash])

  const virtualizer = useVirtualizer({
    count: loaded.items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 56,
    overscan: 12
  })
  const virtualItems = virtualizer.getVirtualItems()
  const lastIndex = virtualItems.at(-1)?.index ?? 0
  useEffect(() => {
    if (!loaded.done && lastIndex >= loaded.items.length - 40) void loadMore(false)
  }, [lastIndex, loaded, loadMore])

  return (
    <section className="library">
      <header className="view-header">
        <h1>{trash ? t('trash') : t('library')}</h1>
        <span className="count" data-testid="library-count">
          {loaded.total} {t('articles')}
        </span>
        <label className="sort">
          <select value={sort} onChange={(e) => setSort(e.target.value as ArticleSortKey)}>
            {(Object.keys(SORT_LABEL) as ArticleSortKey[]).map((key) => (
              <option key={key} value={key}>
                {t(SORT_LABEL[key])}
              </option>
            ))}
          </select>
        </label>
        {trash && loaded.total > 0 ? (
          <button
            type="button"
            onClick={() => {
              if (!window.confirm(t('confirmEmptyTrash'))) return
              void api['articles.emptyTrash']({ confirm: true }).then(() => loadMore(true))
            }}
          >
            {t('emptyTrash')}
          </button>
        ) : null}
      </header>
      <ErrorBanner error={error} />
      {loaded.done && loaded.items.length === 0 ? <p className="empty">{t('noArticles')}</p> : null}
      <div className="table-scroller" ref={scroller} role="list" aria-label={t('library')}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualItems.map((row) => {
            const item = loaded.items[row.index]
            return (
              <a
                key={item.uid}
                role="listitem"
                className="article-row"
                href={`#/article/${encodeURIComponent(item.uid)}`}
                style={{ transform: `translateY(${row.start}px)`, height: row.size }}
                onKeyDown={(e) => {
                  if (e.code === 'Enter') navigate({ name: 'article', uid: item.uid })
                }}
              >
                <bdi className="row-title" dir="auto">
                  {item.title}
                </bdi>
                <span className="row-meta">
                  {item.source ? <bdi dir="auto">{item.source}</bdi> : null}
                  {item.published ? <bdi dir="ltr">{item.published}</bdi> : null}
                  {item.annotationCount > 0 ? <span>✎ {item.annotationCount}</span> : null}
                </span>
              </a>
            )
          })}
        </div>
      </div>
    </section>
  )
}
