import type { Sidebar } from '@shared/contract/library'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { api } from '../../api/client'

/**
 * The sidebar's counts in one call, refetched by the data layer whenever this window changes
 * the archive, and on each navigation too: the CLI or another window may have changed it.
 */
export function useSidebar(): Sidebar | null {
  const client = useQueryClient()
  const { data } = useQuery({
    queryKey: ['library.sidebar'],
    queryFn: () => api['library.sidebar']({})
  })
  useEffect(() => {
    const refresh = (): void => void client.invalidateQueries({ queryKey: ['library.sidebar'] })
    window.addEventListener('hashchange', refresh)
    return () => window.removeEventListener('hashchange', refresh)
  }, [client])
  return data ?? null
}
