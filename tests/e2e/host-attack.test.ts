/**
 * A web page on another port of 127.0.0.1, in the same browser that holds the host's page and a
 * cookie carrying the live token, tries what a cross-site page can: a fetch with the cookie, a
 * "simple" text/plain POST, a fetch with the token itself (it would need a preflight), and a
 * plain HTML form. The archive must not change.
 */
import { createServer, type Server } from 'node:http'
import { resolve } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHandlers } from '../../src/main/core/api/handlers'
import { startServer, type RunningServer } from '../../src/main/host/server'
import { createTestArchive, type TestArchive } from '../helpers/archive'
import { launchChromium, screenshotPath } from './harness'

const RENDERER_DIR = resolve(import.meta.dirname, '..', '..', 'out', 'renderer')

let archive: TestArchive
let host: RunningServer
let attacker: Server
let attackerPort = 0
let browser: Browser

function attackPage(target: string, token: string): string {
  const article = JSON.stringify({ title: 'دخيل', body: 'كتبته صفحة أخرى.' })
  return `<!doctype html><meta charset="utf-8"><title>another page</title>
<form id="f" method="POST" action="${target}/api/articles.create" enctype="text/plain">
<input name='${article.slice(0, -2)}' value='"}'></form>
<script>
window.attempts = Promise.allSettled([
  fetch('${target}/api/articles.create', { method: 'POST', mode: 'no-cors', credentials: 'include',
    headers: { 'Content-Type': 'text/plain' }, body: ${JSON.stringify(article)} }),
  fetch('${target}/api/articles.create', { method: 'POST', credentials: 'include',
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ${token}' },
    body: ${JSON.stringify(article)} }).then((r) => r.text()),
  fetch('${target}/api/archive.stats', { method: 'POST', credentials: 'include',
    headers: { 'Content-Type': 'application/json' }, body: '{}' }).then((r) => r.text())
]).then((results) => results.map((r) => r.status + ':' + (r.value ?? r.reason)))
</script>`
}

function articleCount(): number {
  return archive.archive.sqlite.prepare('SELECT count(*) FROM articles').pluck().get() as number
}

beforeAll(async () => {
  archive = createTestArchive()
  host = await startServer({ handlers: createHandlers(archive.archive), rendererDir: RENDERER_DIR })
  const target = `http://127.0.0.1:${host.port}`
  attacker = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
    res.end(attackPage(target, host.token))
  })
  await new Promise<void>((done) => attacker.listen(0, '127.0.0.1', () => done()))
  const address = attacker.address()
  attackerPort = typeof address === 'object' && address ? address.port : 0
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await new Promise<void>((done) => (attacker ? attacker.close(() => done()) : done()))
  await host?.close()
  archive?.cleanup()
})

describe('a page on another port of 127.0.0.1', () => {
  it('can neither read nor change the archive, with the cookie and even knowing the token', async () => {
    const context = await browser.newContext()
    await context.addCookies([
      { name: 'warraq_token', value: host.token, domain: '127.0.0.1', path: '/' }
    ])
    // the real app open in the same browser
    const app = await context.newPage()
    await app.goto(host.url)
    await app.waitForSelector('.library')
    const before = articleCount()

    const page = await context.newPage()
    await page.goto(`http://127.0.0.1:${attackerPort}/`)
    const attempts = (await page.evaluate('window.attempts')) as string[]
    // the no-cors POST gets an opaque answer; the others fail their CORS checks or read a refusal
    expect(attempts[0]).toMatch(/^fulfilled:/)
    for (const attempt of attempts.slice(1)) expect(attempt).not.toMatch(/"ok":true/)

    const answer = page.waitForNavigation()
    await page.evaluate(() => (document.getElementById('f') as HTMLFormElement).submit())
    const response = await answer
    expect(response?.status()).toBe(403)
    expect(await page.textContent('body')).toContain('Requests from other pages are refused.')
    await page.screenshot({ path: screenshotPath('host-attack-form-refused') })

    expect(articleCount()).toBe(before)
    await app.reload()
    await app.waitForSelector('.library')
    expect(await app.$$('[data-testid=library-row]')).toHaveLength(0)
    await context.close()
  })
})
