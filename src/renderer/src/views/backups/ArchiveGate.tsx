import type { ArchiveStatus } from '@shared/contract/recovery'
import {
  createContext,
  Fragment,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode
} from 'react'
import { api, ApiError } from '../../api/client'
import { queryClient } from '../../data/queryClient'
import type { MessageKey } from '../../i18n/catalogue'
import { OpenNotice, type Notice } from './OpenNotice'
import { RecoveryScreen } from './RecoveryScreen'
import { TokenNeeded } from './TokenNeeded'
import './backups.css'

interface Gate {
  /** remounts the app so every view reloads (after a restore), with a notice to show */
  reload(notice?: MessageKey): void
}

const GateContext = createContext<Gate>({ reload: () => window.location.reload() })

export function useArchiveGate(): Gate {
  return useContext(GateContext)
}

const SEEN_KEY = 'warraq.openNoticeSeen'

/**
 * What the open itself did (an index rebuilt, a backup before an upgrade): shown until it is
 * dismissed, then not again for the same open (a reload of the page does not bring it back).
 */
function openNotice(status: ArchiveStatus): Notice | null {
  const { events, messages } = status.recovery
  if (status.state !== 'open' || events.length === 0) return null
  if (sessionStorage.getItem(SEEN_KEY) === messages.join('\n')) return null
  return { events, messages }
}

function dismissed(notice: Notice): void {
  if (notice.events.length > 0) sessionStorage.setItem(SEEN_KEY, notice.messages.join('\n'))
}

/**
 * Asks the host how the archive stands before anything else: a damaged archive gets the
 * full-page recovery screen instead of the app; an open one gets the app (and its notices).
 */
export function ArchiveGate({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<ArchiveStatus | null>(null)
  const [failed, setFailed] = useState(false)
  const [tokenRefused, setTokenRefused] = useState(false)
  const [generation, setGeneration] = useState(0)
  const [notice, setNotice] = useState<Notice | null>(null)

  useEffect(() => {
    api['archive.status']({}).then(
      (s) => {
        setStatus(s)
        setNotice(openNotice(s))
      },
      (err: unknown) => {
        // the browser host refused this tab's token: nothing else would work either
        if (err instanceof ApiError && err.key === 'host.token') setTokenRefused(true)
        // a host that cannot say: show the app, whose views report their own errors
        else setFailed(true)
      }
    )
  }, [])

  const opened = useCallback((next: ArchiveStatus, message: MessageKey) => {
    // another archive (restored or new): nothing read from the old one may show
    queryClient.clear()
    setStatus(next)
    setNotice(next.state === 'open' ? { key: message, events: [], messages: [] } : null)
    setGeneration((g) => g + 1)
  }, [])

  const gate = useMemo<Gate>(
    () => ({
      reload(message) {
        queryClient.clear()
        setGeneration((g) => g + 1)
        if (message) setNotice({ key: message, events: [], messages: [] })
        api['archive.status']({}).then(setStatus, () => setFailed(true))
      }
    }),
    []
  )

  if (tokenRefused) return <TokenNeeded />
  if (!status && !failed) return null
  if (status?.state === 'recovery') {
    return (
      <RecoveryScreen
        status={status}
        onOpened={(next, message) => {
          window.location.hash = '#/'
          opened(next, message)
        }}
      />
    )
  }
  return (
    <GateContext.Provider value={gate}>
      <Fragment key={generation}>{children}</Fragment>
      {notice ? (
        <OpenNotice
          notice={notice}
          onDismiss={() => {
            dismissed(notice)
            setNotice(null)
          }}
        />
      ) : null}
    </GateContext.Provider>
  )
}
