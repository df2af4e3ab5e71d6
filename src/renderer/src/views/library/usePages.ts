import type { ArticleListInput } from '@shared/contract/articles'
import type { ArticleSummary } from '@shared/domain-lists'
import { useInfiniteQuery } from '@tanstack/react-query'
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
 * Pages of the library by keyset, appended as the table scrolls; the total is counted with the
 * first page only. Cached by the data layer, so coming back to a listing shows the same rows at
 * once (and the table can return to where it was), and refetched whenever the archive changes.
 */
export function usePages(input: ArticleListInput): Pages {
  const query = useInfiniteQuery({
    queryKey: ['articles.list', input],
    queryFn: ({ pageParam }) =>
      api['articles.list']({ ...input, limit: PAGE, cursor: pageParam, count: pageParam === null }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: (previous) => previous,
    meta: { silent: true }
  })
  const pages = query.data?.pages ?? []
  return {
    items: pages.flatMap((p) => p.items),
    total: pages[0]?.total ?? 0,
    done: query.isSuccess && !query.hasNextPage,
    error: query.error,
    loadMore: () => {
      if (query.hasNextPage && !query.isFetchingNextPage) void query.fetchNextPage()
    },
    reload: () => void query.refetch()
  }
}
