import type { CallInput, CallName, CallOutput } from '../../src/shared/contract'
import { dispatch } from '../../src/main/core/api/dispatch'
import { createHandlers } from '../../src/main/core/api/handlers'
import type { Archive } from '../../src/main/core/db/open'

/** Calls the contract as a host would (input validated, errors as data) and unwraps the value. */
export function caller(archive: Archive) {
  const handlers = createHandlers(archive)
  return async <K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> => {
    const result = await dispatch(handlers, name, input)
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
    return result.value as CallOutput<K>
  }
}
