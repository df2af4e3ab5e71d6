import type { IncomingMessage } from 'node:http'
import { timingSafeEqual } from 'node:crypto'

/**
 * Who the browser host answers. The API answers only the page it served: the token in the
 * `Authorization` header (a header no other page can make a browser send, unlike a cookie, which
 * every port of 127.0.0.1 shares), an `Origin` (when the browser sends one) equal to the host's
 * own, a `Sec-Fetch-Site` (when sent) of `same-origin`, and a JSON body, which a plain HTML form
 * cannot post. Static files are not secret and need no token: the page reads its token from the
 * printed URL and keeps it in sessionStorage, which is per origin, so a restarted host or a
 * second one on another port is never confused by an earlier run.
 */
export type Refusal = { status: 401 | 403; message: string; key: string }

/** The two names the host answers to; any other Host header is a DNS-rebinding page. */
export function allowedHost(req: IncomingMessage, port: number): string | null {
  const host = req.headers.host ?? ''
  return host === `127.0.0.1:${port}` || host === `localhost:${port}` ? host : null
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

function bearer(req: IncomingMessage): string | undefined {
  const auth = header(req, 'authorization')
  return auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined
}

function isJson(req: IncomingMessage): boolean {
  const type = header(req, 'content-type')?.split(';')[0].trim().toLowerCase()
  return type === 'application/json'
}

/** Another origin or site: whatever it carries, it is not the app. */
function foreign(req: IncomingMessage, host: string): Refusal | null {
  const origin = header(req, 'origin')
  if (origin !== undefined && origin !== `http://${host}`) {
    return {
      status: 403,
      message: 'Requests from other pages are refused.',
      key: 'host.foreign_origin'
    }
  }
  const site = header(req, 'sec-fetch-site')
  if (site !== undefined && site !== 'same-origin') {
    return {
      status: 403,
      message: 'Requests from other pages are refused.',
      key: 'host.foreign_origin'
    }
  }
  return null
}

/** Checks an API call; null when it may be answered. */
export function refuseApiCall(req: IncomingMessage, host: string, token: string): Refusal | null {
  const other = foreign(req, host)
  if (other) return other
  if (req.method === 'POST' && !isJson(req)) {
    return {
      status: 403,
      message: 'API calls must send a JSON body (Content-Type: application/json).',
      key: 'host.not_json'
    }
  }
  if (!sameToken(bearer(req), token)) {
    return {
      status: 401,
      message: 'Missing or wrong token: open the URL that `warraq serve` printed.',
      key: 'host.token'
    }
  }
  return null
}

/**
 * Checks a request for a static file. Opening the printed URL is a navigation, which may come
 * from anywhere (typed, or a link in another program); a script, style or font another site's
 * page tries to load is refused.
 */
export function refuseStatic(req: IncomingMessage): Refusal | null {
  const site = header(req, 'sec-fetch-site')
  const mode = header(req, 'sec-fetch-mode')
  if (site === undefined || site === 'same-origin' || site === 'none' || mode === 'navigate') {
    return null
  }
  return {
    status: 403,
    message: 'Requests from other pages are refused.',
    key: 'host.foreign_origin'
  }
}
