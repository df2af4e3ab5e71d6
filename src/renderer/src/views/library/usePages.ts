import type { ArticleListInput } from '@shared/contract/articles'
import type { ArticleSummary } from '@shared/domain-lists'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api } from '../../api/client'

const PAGE = 200

export interface Pages {
  items: ArticleSummary[]
  total: number
  done: boolean
  error: unknown
  loadMore: () => void
  reload: () => void
}

/**
 * Pages of the library by keyset, appended as the table scrolls; the total is counted once per
 * listing, not per page. Reloads when the listing changes or the archive announces a change.
 */
export function usePages(input: ArticleListInput): Pages {
  const key = JSON.stringify(input)
  const [state, setState] = useState({ items: [] as ArticleSummary[], total: 0, done: false })
  const [error, setError] = useState<unknown>(null)
  const cursor = useRef<string | null>(null)
  const busy = useRef(false)
  const generation = useRef(0)
  const [reloads, setReloads] = useState(0)

  const fetchPage = useCallback(
    async (reset: boolean) => {
      if (busy.current && !reset) return
      const gen = reset ? ++generation.current : generation.current
      busy.current = true
      try {
        const page = await api['articles.list']({
          ...(JSON.parse(key) as ArticleListInput),
          limit: PAGE,
          cursor: reset ? null : cursor.current,
          count: reset
        })
        if (gen !== generation.current) return
        cursor.current = page.nextCursor
        setError(null)
        setState((s) => ({
          items: reset ? page.items : [...s.items, ...page.items],
          total: reset ? page.total : s.total,
          done: page.nextCursor === null
        }))
      } catch (err) {
        if (gen === generation.current) setError(err)
      } finally {
        if (gen === generation.current) busy.current = false
      }
    },
    [key]
  )

  useEffect(() => {
    void fetchPage(true)
  }, [fetchPage, reloads])

  useEffect(() => {
    const onChange = (): void => setReloads((n) => n + 1)
    window.addEventListener('warraq:changed', onChange)
    return () => window.removeEventListener('warraq:changed', onChange)
  }, [])

  return {
    ...state,
    error,
    loadMore: () => {
      if (!state.done) void fetchPage(false)
    },
    reload: () => setReloads((n) => n + 1)
  }
}
