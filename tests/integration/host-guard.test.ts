import { request } from 'node:http'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHandlers } from '../../src/main/core/api/handlers'
import { startServer, type RunningServer } from '../../src/main/host/server'
import { createTestArchive, type TestArchive } from '../helpers/archive'

let t: TestArchive
let server: RunningServer
let rendererDir: string

beforeAll(async () => {
  t = createTestArchive()
  rendererDir = join(t.dir, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>ورّاق</title>')
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  server = await startServer({ handlers: createHandlers(t.archive), rendererDir })
})
afterAll(async () => {
  await server.close()
  t.cleanup()
})

interface Reply {
  status: number
  body: string
}

function send(
  target: RunningServer,
  path: string,
  headers: Record<string, string>,
  body?: string,
  method = 'POST'
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: target.port,
        path,
        method,
        headers: { Host: `127.0.0.1:${target.port}`, ...headers }
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') })
        )
      }
    )
    req.on('error', reject)
    if (body !== undefined) req.write(body)
    req.end()
  })
}

const JSON_TYPE = { 'Content-Type': 'application/json' }
const NEW_ARTICLE = JSON.stringify({ title: 'مقال دخيل', body: 'كتبته صفحة أخرى.' })

function articleCount(): number {
  return t.archive.sqlite.prepare('SELECT count(*) FROM articles').pluck().get() as number
}

describe('the browser host answers only its own page', () => {
  it('answers the app: token header, its own origin, same-origin fetch, JSON', async () => {
    const before = articleCount()
    const own = await send(
      server,
      '/api/articles.create',
      {
        ...JSON_TYPE,
        Authorization: `Bearer ${server.token}`,
        Origin: `http://127.0.0.1:${server.port}`,
        'Sec-Fetch-Site': 'same-origin'
      },
      NEW_ARTICLE
    )
    expect(own.status, own.body).toBe(200)
    // the same page opened by the name localhost is its own origin too
    const byName = await send(
      server,
      '/api/archive.stats',
      {
        ...JSON_TYPE,
        Host: `localhost:${server.port}`,
        Authorization: `Bearer ${server.token}`,
        Origin: `http://localhost:${server.port}`,
        'Sec-Fetch-Site': 'same-origin'
      },
      '{}'
    )
    expect(byName.status, byName.body).toBe(200)
    expect(articleCount()).toBe(before + 1)
  })

  it('refuses other pages with 403, with or without a cookie, and changes nothing', async () => {
    const otherPort = server.port === 65535 ? server.port - 1 : server.port + 1
    const attacks: Record<string, string>[] = [
      { Origin: `http://127.0.0.1:${otherPort}` },
      { Origin: `http://localhost:${otherPort}` },
      { Origin: `http://localhost:${server.port}` },
      { Origin: 'https://news.example' },
      { Origin: 'null' },
      { 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Site': 'same-site' },
      { Origin: `http://127.0.0.1:${server.port}`, 'Sec-Fetch-Site': 'same-site' }
    ]
    const before = articleCount()
    for (const attack of attacks) {
      const cookies: Record<string, string>[] = [{}, { Cookie: `warraq_token=${server.token}` }]
      for (const cookie of cookies) {
        for (const call of ['articles.create', 'archive.stats', 'articles.list']) {
          // even the live token does not help a page of another origin
          const reply = await send(
            server,
            `/api/${call}`,
            { ...JSON_TYPE, Authorization: `Bearer ${server.token}`, ...attack, ...cookie },
            call === 'articles.create' ? NEW_ARTICLE : '{}'
          )
          expect(reply.status, `${call} ${JSON.stringify(attack)}`).toBe(403)
          expect(JSON.parse(reply.body)).toMatchObject({
            ok: false,
            error: { key: 'host.foreign_origin' }
          })
        }
      }
    }
    expect(articleCount()).toBe(before)
  })

  it('refuses a form post (text/plain, no token) and a cookie alone', async () => {
    const before = articleCount()
    const form = await send(
      server,
      '/api/articles.create',
      { 'Content-Type': 'text/plain', Cookie: `warraq_token=${server.token}` },
      NEW_ARTICLE
    )
    expect(form.status).toBe(403)
    const withToken = await send(
      server,
      '/api/articles.create',
      { 'Content-Type': 'text/plain;charset=UTF-8', Authorization: `Bearer ${server.token}` },
      NEW_ARTICLE
    )
    expect(withToken.status).toBe(403)
    expect(JSON.parse(withToken.body).error.key).toBe('host.not_json')
    const urlencoded = await send(
      server,
      '/api/articles.create',
      {
        'Content-Type': 'application/x-www-form-urlencoded',
        Authorization: `Bearer ${server.token}`
      },
      'title=x'
    )
    expect(urlencoded.status).toBe(403)
    const cookieOnly = await send(
      server,
      '/api/articles.create',
      { ...JSON_TYPE, Cookie: `warraq_token=${server.token}` },
      NEW_ARTICLE
    )
    expect(cookieOnly.status).toBe(401)
    expect(JSON.parse(cookieOnly.body).error.key).toBe('host.token')
    expect(articleCount()).toBe(before)
  })

  it('serves the page to a navigation from anywhere, but no asset to another site', async () => {
    const typed = await send(
      server,
      '/',
      { 'Sec-Fetch-Site': 'none', 'Sec-Fetch-Mode': 'navigate' },
      undefined,
      'GET'
    )
    expect(typed.status).toBe(200)
    const linked = await send(
      server,
      '/',
      { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'navigate' },
      undefined,
      'GET'
    )
    expect(linked.status).toBe(200)
    const own = await send(
      server,
      '/assets/app.js',
      { 'Sec-Fetch-Site': 'same-origin', 'Sec-Fetch-Mode': 'no-cors' },
      undefined,
      'GET'
    )
    expect(own.status).toBe(200)
    const embedded = await send(
      server,
      '/assets/app.js',
      { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'no-cors' },
      undefined,
      'GET'
    )
    expect(embedded.status).toBe(403)
  })

  it('a restarted host on the same port answers its new token, not the old one or its cookie', async () => {
    const first = await startServer({ handlers: createHandlers(t.archive), rendererDir })
    const port = first.port
    const oldToken = first.token
    await first.close()
    const second = await startServer({ handlers: createHandlers(t.archive), rendererDir, port })
    try {
      expect(second.token).not.toBe(oldToken)
      const headers = { ...JSON_TYPE, Cookie: `warraq_token=${oldToken}` }
      const stale = await send(
        second,
        '/api/archive.stats',
        { ...headers, Authorization: `Bearer ${oldToken}` },
        '{}'
      )
      expect(stale.status).toBe(401)
      const fresh = await send(
        second,
        '/api/archive.stats',
        { ...headers, Authorization: `Bearer ${second.token}` },
        '{}'
      )
      expect(fresh.status).toBe(200)
      // and the other host, on its own port, still answers only its own token
      const crossed = await send(
        server,
        '/api/archive.stats',
        { ...JSON_TYPE, Authorization: `Bearer ${second.token}` },
        '{}'
      )
      expect(crossed.status).toBe(401)
    } finally {
      await second.close()
    }
  })
})
