/**
 * The renderer's one way to the archive: the preload bridge inside Electron, HTTP in the
 * browser host. Both answer `{ok, value | error}`; errors are rethrown as ApiError.
 */
import { CALL_NAMES, type Api, type CallName } from '@shared/contract'
import type { ErrorCode, ErrorData, MessageParams, Result } from '@shared/errors'
import { BRIDGE_NAME } from '@shared/ipc'

export class ApiError extends Error {
  override name = 'ApiError'
  readonly code: ErrorCode
  /** the catalogue key of this failure, when the core gave one */
  readonly key: string | undefined
  readonly params: MessageParams | undefined
  constructor(error: ErrorData) {
    super(error.message)
    this.code = error.code
    this.key = error.key
    this.params = error.params
  }
}

type Transport = (name: CallName, input: unknown) => Promise<Result<unknown>>

const TOKEN_KEY = 'warraq.token'

/** Takes the token from the first page load's URL, keeps it for this tab, and hides it. */
function browserToken(): string {
  const url = new URL(window.location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl)
    url.searchParams.delete('token')
    window.history.replaceState(null, '', url.pathname + url.search + url.hash)
    return fromUrl
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? ''
}

function httpTransport(): Transport {
  const token = browserToken()
  return async (name, input) => {
    let response: Response
    try {
      response = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? {})
      })
    } catch {
      return {
        ok: false,
        error: {
          code: 'io_error',
          message: 'Warraq is not reachable: is `warraq serve` still running?'
        }
      }
    }
    return (await response.json()) as Result<unknown>
  }
}

type Bridge = Record<CallName, (input: unknown) => Promise<Result<unknown>>>

function bridgeTransport(bridge: Bridge): Transport {
  return (name, input) => bridge[name](input)
}

function pickTransport(): Transport {
  const bridge = (window as unknown as Record<string, Bridge | undefined>)[BRIDGE_NAME]
  return bridge ? bridgeTransport(bridge) : httpTransport()
}

function createApi(transport: Transport): Api {
  const entries = CALL_NAMES.map((name) => [
    name,
    async (input: unknown) => {
      const result = await transport(name, input)
      if (!result.ok) throw new ApiError(result.error)
      return result.value
    }
  ])
  return Object.fromEntries(entries) as Api
}

export const api: Api = createApi(pickTransport())
