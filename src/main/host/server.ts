import type { Handlers } from '@shared/contract'
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dispatch } from '../core/api/dispatch'
import { statusFor } from './http-status'
import { allowedHost, refuseApiCall, refuseStatic, type Refusal } from './request-guard'
import { CONTENT_SECURITY_POLICY, readStatic } from './static'

export const MAX_BODY_BYTES = 64 * 1024 * 1024

export interface ServeOptions {
  handlers: Handlers
  /** folder of the built renderer */
  rendererDir: string
  port?: number
  token?: string
}

export interface RunningServer {
  server: Server
  port: number
  token: string
  url: string
  close(): Promise<void>
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff'
  })
  res.end(text)
}

function refuse(res: ServerResponse, refusal: Refusal): void {
  send(res, refusal.status, {
    ok: false,
    error: { code: 'invalid_input', message: refusal.message, key: refusal.key }
  })
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    // past the limit the rest is drained and dropped, so the client can still read the 413
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY_BYTES) chunks.push(chunk)
    })
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? 'too_large' : Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  name: string,
  handlers: Handlers
): Promise<void> {
  if (req.method !== 'POST') {
    send(res, 405, {
      ok: false,
      error: { code: 'invalid_input', message: 'Use POST for API calls.' }
    })
    return
  }
  const declared = Number(req.headers['content-length'] ?? 0)
  const body = declared > MAX_BODY_BYTES ? 'too_large' : await readBody(req)
  if (body === 'too_large') {
    res.setHeader('Connection', 'close')
    send(res, 413, {
      ok: false,
      error: {
        code: 'invalid_input',
        message: `The request is larger than ${MAX_BODY_BYTES} bytes.`
      }
    })
    return
  }
  let input: unknown = {}
  if (body.length > 0) {
    try {
      input = JSON.parse(body.toString('utf8'))
    } catch {
      send(res, 400, {
        ok: false,
        error: { code: 'invalid_input', message: 'The request body is not valid JSON.' }
      })
      return
    }
  }
  const result = await dispatch(handlers, name, input)
  send(res, result.ok ? 200 : statusFor(result.error.code), result)
}

/**
 * The browser host: the contract over HTTP and the built renderer, on 127.0.0.1 only. The API is
 * behind a per-run token and answers only the host's own page (request-guard.ts); the Host
 * header is checked so a DNS-rebinding page cannot reach it by name.
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  let port = 0
  const server = createServer((req, res) => {
    const host = allowedHost(req, port)
    if (!host) {
      send(res, 403, { ok: false, error: { code: 'invalid_input', message: 'Forbidden host.' } })
      return
    }
    const url = new URL(req.url ?? '/', `http://${host}`)
    if (url.pathname.startsWith('/api/')) {
      const refusal = refuseApiCall(req, host, token)
      if (refusal) {
        refuse(res, refusal)
        return
      }
      handleApi(req, res, url.pathname.slice(5), options.handlers).catch((err: unknown) => {
        console.error('[warraq] request failed', err)
        if (!res.headersSent)
          send(res, 500, { ok: false, error: { code: 'internal', message: 'Internal error.' } })
      })
      return
    }
    const refusal = refuseStatic(req)
    if (refusal) {
      refuse(res, refusal)
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, {
        ok: false,
        error: { code: 'invalid_input', message: 'Method not allowed.' }
      })
      return
    }
    readStatic(options.rendererDir, url.pathname).then(
      (file) => {
        if (!file) {
          send(res, 404, { ok: false, error: { code: 'not_found', message: 'Not found.' } })
          return
        }
        res.writeHead(200, {
          'Content-Type': file.type,
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
          'Referrer-Policy': 'no-referrer',
          'Cache-Control': 'no-cache',
          // no cookie: the page keeps its token in sessionStorage (see request-guard.ts)
          'Cross-Origin-Resource-Policy': 'same-origin',
          'X-Frame-Options': 'DENY'
        })
        res.end(req.method === 'HEAD' ? undefined : file.body)
      },
      (err: unknown) => {
        console.error('[warraq] static file failed', err)
        send(res, 500, { ok: false, error: { code: 'internal', message: 'Internal error.' } })
      }
    )
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () => new Promise((resolve) => server.close(() => resolve()))
  }
}
