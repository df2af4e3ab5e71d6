import { request } from 'node:http'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHandlers } from '../../src/main/core/api/handlers'
import { MAX_BODY_BYTES, startServer, type RunningServer } from '../../src/main/host/server'
import { createTestArchive, type TestArchive } from '../helpers/archive'

let t: TestArchive
let server: RunningServer

beforeAll(async () => {
  t = createTestArchive()
  const rendererDir = join(t.dir, 'renderer')
  mkdirSync(rendererDir)
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>ورّاق</title>')
  server = await startServer({ handlers: createHandlers(t.archive), rendererDir })
})
afterAll(async () => {
  await server.close()
  t.cleanup()
})

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

function call(
  path: string,
  options: { method?: string; body?: string | Buffer; token?: string | null; host?: string } = {}
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Host: options.host ?? `127.0.0.1:${server.port}` }
    if (options.token !== null) headers.Authorization = `Bearer ${options.token ?? server.token}`
    if (options.body !== undefined) headers['Content-Type'] = 'application/json'
    const req = request(
      { host: '127.0.0.1', port: server.port, path, method: options.method ?? 'POST', headers },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8')
          })
        )
      }
    )
    req.on('error', (err) =>
      err.message.includes('EPIPE') || err.message.includes('ECONNRESET')
        ? resolve({ status: 413, headers: {}, body: '' })
        : reject(err)
    )
    if (options.body !== undefined) req.write(options.body)
    req.end()
  })
}

describe('browser host', () => {
  it('prints a URL on 127.0.0.1 with a fresh token', () => {
    expect(server.url).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[A-Za-z0-9_-]{20,}$`)
    )
  })

  it('answers the contract with {ok:true, value}', async () => {
    const created = await call('/api/articles.create', {
      body: JSON.stringify({ title: 'عنوان', body: 'نص عربي' })
    })
    expect(created.status).toBe(200)
    const { ok, value } = JSON.parse(created.body) as {
      ok: boolean
      value: { uid: string; version: number }
    }
    expect(ok).toBe(true)
    expect(value.version).toBe(1)
    const got = JSON.parse(
      (await call('/api/articles.get', { body: JSON.stringify({ uid: value.uid }) })).body
    ) as { value: { title: string } }
    expect(got.value.title).toBe('عنوان')
  })

  it('refuses API calls without the token (401) and with a foreign Host (403)', async () => {
    expect((await call('/api/archive.stats', { body: '{}', token: null })).status).toBe(401)
    expect((await call('/api/archive.stats', { body: '{}', token: 'wrong' })).status).toBe(401)
    // the token in the URL opens the page, never the API
    expect(
      (await call(`/api/archive.stats?token=${server.token}`, { body: '{}', token: null })).status
    ).toBe(401)
    expect((await call('/api/archive.stats', { body: '{}', host: 'evil.example:80' })).status).toBe(
      403
    )
    expect(
      (await call('/api/archive.stats', { body: '{}', host: `attacker.test:${server.port}` }))
        .status
    ).toBe(403)
  })

  it('serves the page without a token and sets no cookie', async () => {
    for (const path of ['/', `/?token=${server.token}`]) {
      const page = await call(path, { method: 'GET', token: null })
      expect(page.status).toBe(200)
      expect(page.body).toContain('ورّاق')
      expect(page.headers['set-cookie']).toBeUndefined()
      expect(String(page.headers['content-security-policy'])).toContain("default-src 'self'")
    }
    expect((await call('/', { method: 'GET', token: null, host: 'evil.example:80' })).status).toBe(
      403
    )
  })

  it('gives a clear 400 for bad JSON, unknown calls and schema violations, never a stack trace', async () => {
    const bad = await call('/api/articles.create', { body: '{"title": ' })
    expect(bad.status).toBe(400)
    expect(JSON.parse(bad.body)).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'The request body is not valid JSON.' }
    })
    const unknown = await call('/api/articles.explode', { body: '{}' })
    expect(unknown.status).toBe(400)
    expect(JSON.parse(unknown.body).error.code).toBe('unknown_call')
    const invalid = await call('/api/articles.create', { body: JSON.stringify({ title: 5 }) })
    expect(invalid.status).toBe(400)
    const error = JSON.parse(invalid.body).error as { code: string; message: string }
    expect(error.code).toBe('invalid_input')
    expect(error.message).toMatch(/title/)
    expect(invalid.body).not.toMatch(/at .*\.ts:\d+/)
    const missing = await call('/api/articles.get', { body: JSON.stringify({ uid: 'nope' }) })
    expect(missing.status).toBe(404)
  })

  it('limits the body size and sends no CORS headers', async () => {
    const big = await call('/api/articles.create', {
      body: Buffer.alloc(MAX_BODY_BYTES + 1024, 0x20)
    })
    expect(big.status).toBe(413)
    const ok = await call('/api/archive.stats', { body: '{}' })
    expect(Object.keys(ok.headers).filter((h) => h.startsWith('access-control'))).toEqual([])
  })
})
