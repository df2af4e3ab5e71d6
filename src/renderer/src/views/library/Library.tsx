import type { ArticleSortKey, ListFilter } from '@shared/contract/articles'
import { withFilter, type FilterName } from '@shared/query'
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { change, useCall } from '../../data/calls'
import { postNotice } from '../../data/notices'
import { reportFailure } from '../../data/queryClient'
import { api } from '../../api/client'
import { ErrorBanner } from '../../components/ErrorBanner'
import { FilterChips } from '../../components/FilterChips'
import { useI18n } from '../../i18n/I18nProvider'
import { BulkBar } from './BulkBar'
import { ColumnChooser } from './ColumnChooser'
import { loadColumns, saveColumns, type ColumnKey } from './columns'
import { LibraryTable } from './LibraryTable'
import { SaveSearch } from './SaveSearch'
import { NONE, announceChange, pickedCount, toSelection, type Picked } from './selection'
import { usePages } from './usePages'
import { useRemembered } from './remember'
import '../../styles/library.css'

export interface LibraryProps {
  trash?: boolean
  collection?: string
  tag?: string
  entity?: string
  query?: string
  heading?: ReactNode
}

const ASCENDING: ArticleSortKey[] = ['title', 'source', 'authors', 'status', 'position']

/** The library: a filter in the query language, facets, the table, and the bulk edit bar. */
export function Library(props: LibraryProps) {
  const { t, number } = useI18n()
  // one memory per listing: the library, the trash, each collection, tag and entity
  const scope = JSON.stringify([props.trash ?? false, props.collection, props.tag, props.entity])
  const [draft, setDraft] = useRemembered(scope, 'draft', props.query ?? '')
  const [query, setQuery] = useRemembered(scope, 'query', props.query ?? '')
  const [sort, setSort] = useRemembered<ArticleSortKey>(
    scope,
    'sort',
    props.collection ? 'position' : 'updated'
  )
  const [direction, setDirection] = useRemembered<'asc' | 'desc'>(
    scope,
    'direction',
    props.collection ? 'asc' : 'desc'
  )
  const [jump, setJump] = useRemembered(scope, 'jump', '')
  const [from, setFrom] = useRemembered(scope, 'from', '')
  const [columns, setColumns] = useState<ColumnKey[]>(loadColumns)
  const [picked, setPicked] = useRemembered<Picked>(scope, 'picked', NONE)
  const givenQuery = useRef(props.query)
  useEffect(() => {
    // only a query given anew (a link to a filtered library) replaces the remembered one
    if (givenQuery.current === props.query) return
    givenQuery.current = props.query
    setDraft(props.query ?? '')
    setQuery(props.query ?? '')
  }, [props.query, setDraft, setQuery])

  const filter: ListFilter = useMemo(
    () => ({
      trash: props.trash ?? false,
      query: query.trim() || undefined,
      collection: props.collection,
      tag: props.tag,
      entity: props.entity
    }),
    [props.trash, props.collection, props.tag, props.entity, query]
  )
  const pages = usePages({ ...filter, sort, direction, from: from || undefined })
  const filterKey = JSON.stringify(filter)
  const shownFilter = useRef(filterKey)
  useEffect(() => {
    // a new filter clears the selection; coming back to the same one keeps it
    if (shownFilter.current === filterKey) return
    shownFilter.current = filterKey
    setPicked(NONE)
  }, [filterKey, setPicked])
  // facets of the filter; a filter that does not parse shows its error through the list's banner
  const facets =
    useCall('search.query', { query: filter.query ?? '', limit: 1 }, { enabled: !!filter.query })
      .data?.facets ?? null

  const onSort = (key: ArticleSortKey): void => {
    if (key === sort) setDirection((d) => (d === 'asc' ? 'desc' : 'asc'))
    else {
      setSort(key)
      setDirection(ASCENDING.includes(key) ? 'asc' : 'desc')
    }
    setFrom('')
  }
  const requery = (next: string): void => {
    setDraft(next)
    setQuery(next)
  }
  const narrow = (name: FilterName, value: string): void => requery(withFilter(query, name, value))
  const count = pickedCount(picked, pages.total)
  const selection = toSelection(picked, filter)
  const trashSelected = async (uids?: string[]): Promise<void> => {
    const target = uids ? { kind: 'uids' as const, uids } : selection
    try {
      const done = await api[props.trash ? 'library.restore' : 'library.trash']({
        selection: target
      })
      setPicked(NONE)
      announceChange()
      if (!props.trash && 'trashed' in done && target.kind === 'uids') {
        // the undo restores exactly what was moved
        postNotice({
          kind: 'info',
          key: 'movedToTrash',
          params: { count: done.trashed },
          undo: () =>
            api['library.restore']({ selection: target }).then(announceChange, reportFailure)
        })
      }
    } catch (err) {
      reportFailure(err)
    }
  }

  return (
    <section className="library">
      <header className="view-header">
        {props.heading ?? <h1>{props.trash ? t('trash') : t('library')}</h1>}
        <span className="count" data-testid="library-count" data-count={pages.total}>
          {t('countArticles', { count: pages.total })}
        </span>
        <ColumnChooser
          columns={columns}
          onChange={(c) => {
            setColumns(c)
            saveColumns(c)
          }}
        />
        {props.trash && pages.total > 0 ? (
          <button
            type="button"
            data-testid="empty-trash"
            onClick={() => {
              if (!window.confirm(t('confirmEmptyTrash'))) return
              void change('articles.emptyTrash', { confirm: true })
            }}
          >
            {t('emptyTrash')}
          </button>
        ) : null}
      </header>
      <div className="lib-filters">
        <input
          type="search"
          dir="auto"
          name="library-filter"
          aria-label={t('libFilter')}
          placeholder={t('libFilter')}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.code === 'Enter' || e.code === 'NumpadEnter') setQuery(draft)
          }}
        />
        <input
          dir="auto"
          name="library-jump"
          className="lib-jump"
          aria-label={t('libJump')}
          placeholder={t('libJump')}
          value={jump}
          onChange={(e) => setJump(e.target.value)}
          onKeyDown={(e) => {
            if (e.code === 'Enter' || e.code === 'NumpadEnter') setFrom(jump.trim())
          }}
        />
        {filter.query ? <SaveSearch query={filter.query} /> : null}
      </div>
      <FilterChips query={filter.query ?? ''} onChange={requery} />
      {facets ? (
        <div className="lib-facets" aria-label={t('facets')}>
          {(
            [
              ['source', facets.source],
              ['date', facets.year],
              ['tag', facets.tag],
              ['collection', facets.collection]
            ] as const
          ).flatMap(([name, values]) =>
            values.slice(0, 6).map((v) => (
              <button
                type="button"
                key={`${name}:${v.value}`}
                onClick={() => narrow(name, v.value)}
              >
                <bdi dir="auto">{v.value}</bdi>{' '}
                <span className="facet-count" data-count={v.count}>
                  {number(v.count)}
                </span>
              </button>
            ))
          )}
        </div>
      ) : null}
      <ErrorBanner error={pages.error} />
      {count > 0 ? (
        <div className="lib-selection">
          {props.trash ? (
            <span>
              <strong data-testid="selected-count" data-count={count}>
                {t('countSelected', { count })}
              </strong>{' '}
              <button
                type="button"
                data-testid="restore-selected"
                onClick={() => void trashSelected()}
              >
                {t('restore')}
              </button>
            </span>
          ) : (
            <>
              <BulkBar selection={selection} count={count} />
              <button
                type="button"
                data-testid="trash-selected"
                onClick={() => void trashSelected()}
              >
                {t('libMoveToTrash')}
              </button>
            </>
          )}
        </div>
      ) : null}
      {pages.done && pages.items.length === 0 ? <p className="empty">{t('noArticles')}</p> : null}
      <LibraryTable
        pages={pages}
        scope={`${scope}${JSON.stringify([query, sort, direction, from])}`}
        columns={columns}
        sort={sort}
        direction={direction}
        onSort={onSort}
        picked={picked}
        setPicked={setPicked}
        onTrash={props.trash ? undefined : (uids) => void trashSelected(uids)}
        onMove={
          props.collection && sort === 'position'
            ? (uids, before) =>
                void change('collections.move', {
                  uid: props.collection!,
                  articles: uids,
                  before
                })
            : undefined
        }
      />
    </section>
  )
}
