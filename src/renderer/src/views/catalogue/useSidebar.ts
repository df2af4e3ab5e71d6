import type { Sidebar } from '@shared/contract/library'
import { useQuery } from '@tanstack/react-query'
import { api } from '../../api/client'

/** The sidebar's counts in one call, refetched by the data layer whenever the archive changes. */
export function useSidebar(): Sidebar | null {
  const { data } = useQuery({
    queryKey: ['library.sidebar'],
    queryFn: () => api['library.sidebar']({})
  })
  return data ?? null
}
