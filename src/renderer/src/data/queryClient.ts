/**
 * The renderer's one data layer: TanStack Query caches what each view reads from the archive,
 * keyed by the contract call and its input. Any change to the archive invalidates the cache, so
 * everything on screen that shows the archive (sidebar counts, lists, the bulk bar's
 * collections) refetches at once; cheaper than tracking which call reads what, and the archive
 * is local. Every failed read or write is posted as a notice.
 */
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { postNotice } from './notices'

export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    // a read shown by its view's own banner says so with meta.silent
    onError: (error, query) => {
      if (!query.meta?.['silent']) postNotice({ kind: 'error', error })
    }
  }),
  mutationCache: new MutationCache({
    onError: (error) => postNotice({ kind: 'error', error }),
    onSuccess: () => announceChange()
  }),
  defaultOptions: {
    queries: {
      retry: false,
      // the archive is local and changes only through this window: refetch on change, not on focus
      refetchOnWindowFocus: false,
      staleTime: 30_000,
      gcTime: 10 * 60_000
    }
  }
})

/** The archive changed: everything that shows it refetches. */
export function announceChange(): void {
  void queryClient.invalidateQueries()
}

/** A call whose failure would otherwise vanish: its error is posted as a notice. */
export function reportFailure(error: unknown): void {
  postNotice({ kind: 'error', error })
}
