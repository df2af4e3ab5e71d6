import type { Sidebar } from '@shared/contract/library'
import { useEffect, useState } from 'react'
import { api } from '../../api/client'

/** The sidebar's counts, fetched in one call and again whenever the archive announces a change. */
export function useSidebar(): Sidebar | null {
  const [data, setData] = useState<Sidebar | null>(null)
  useEffect(() => {
    let live = true
    const load = (): void => {
      api['library.sidebar']({}).then(
        (d) => live && setData(d),
        () => undefined
      )
    }
    load()
    window.addEventListener('warraq:changed', load)
    window.addEventListener('hashchange', load)
    return () => {
      live = false
      window.removeEventListener('warraq:changed', load)
      window.removeEventListener('hashchange', load)
    }
  }, [])
  return data
}
