/**
 * Reads and changes of the archive through the data layer, for views: `useCall` caches a read
 * keyed by the call and its input (so any change refetches it), `change` makes a write,
 * refreshes everything that shows the archive and posts a failure as a notice.
 */
import type { CallInput, CallName, CallOutput } from '@shared/contract'
import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query'
import { api } from '../api/client'
import { announceChange, reportFailure } from './queryClient'

function run<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  // one call of the contract; the generic index needs its signature spelled out
  const fn = api[name] as (input: CallInput<K>) => Promise<CallOutput<K>>
  return fn(input)
}

/**
 * One read, refetched whenever this window changes the archive. Its failure is the view's to
 * show (`error`, given to an ErrorBanner), so it posts no notice.
 */
export function useCall<K extends CallName>(
  name: K,
  input: CallInput<K>,
  options: {
    enabled?: boolean
    /** while a new input is read, keep showing the last answer (a preview, a list as you type) */
    keepPrevious?: boolean
  } = {}
): UseQueryResult<CallOutput<K>> {
  return useQuery({
    queryKey: [name, input],
    queryFn: () => run(name, input),
    enabled: options.enabled,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
    meta: { silent: true }
  })
}

/**
 * One write: on success everything that shows the archive refetches; a failure is posted as a
 * notice (never lost) and answered with undefined.
 */
export async function change<K extends CallName>(
  name: K,
  input: CallInput<K>
): Promise<CallOutput<K> | undefined> {
  try {
    const out = await run(name, input)
    announceChange()
    return out
  } catch (err) {
    reportFailure(err)
    return undefined
  }
}
