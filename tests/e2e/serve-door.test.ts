/**
 * The browser host as the README starts it: `npm run --silent warraq -- --db FILE serve --port N`
 * as a child process, its printed URL opened in Chromium. Then the host is restarted on the same
 * port and the same browser context (an earlier run's sessionStorage, and a cookie such as older
 * versions set) opens the new URL; and two archives are served at once on two ports.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { setTimeout as delay } from 'node:timers/promises'
import { join, resolve } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openArchive } from '../../src/main/core/db/open'
import { caller } from '../helpers/call'
import { tempDir } from '../helpers/archive'
import { launchChromium, RESULTS_DIR, screenshotPath } from './harness'

const ROOT = resolve(import.meta.dirname, '..', '..')

interface Serving {
  child: ChildProcess
  url: string
  stderr: string[]
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer()
    probe.once('error', fail)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => done(port))
    })
  })
}

/** Starts the README's command (or the package's bin) and waits for the URL it prints. */
function serve(db: string, port: number, how: 'npm' | 'bin' = 'npm'): Promise<Serving> {
  const args = ['--db', db, 'serve', '--port', String(port)]
  const [command, argv] =
    how === 'npm'
      ? ['npm', ['run', '--silent', 'warraq', '--', ...args]]
      : [process.execPath, [join(ROOT, 'bin', 'warraq.mjs'), ...args]]
  // its own process group, so the test can stop npm, tsx and the host together by its id
  const child = spawn(command, argv, {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, WARRAQ_DB: '' }
  })
  const stderr: string[] = []
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')))
  return new Promise((done, fail) => {
    let out = ''
    const timer = setTimeout(
      () => fail(new Error(`serve printed no URL: ${out} ${stderr.join('')}`)),
      90_000
    )
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8')
      const url = /http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+/.exec(out)?.[0]
      if (url) {
        clearTimeout(timer)
        done({ child, url, stderr })
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      fail(new Error(`serve exited (${code}) before printing a URL: ${out} ${stderr.join('')}`))
    })
  })
}

/** Whether a process of the group still runs; zombies (exited, not yet reaped) do not count. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0)
  } catch {
    return false
  }
  if (!existsSync('/proc')) return true
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .some((name) => {
      try {
        // fields after the parenthesised command: state, ppid, pgrp, …
        const fields = readFileSync(`/proc/${name}/stat`, 'utf8').split(') ').pop()?.split(' ')
        return fields?.[2] === String(pgid) && fields[0] !== 'Z'
      } catch {
        return false // gone while we looked
      }
    })
}

/**
 * Stops npm, tsx and the host together, and waits until the whole group is gone: npm exits at
 * once on SIGTERM while the host is still closing its archive and releasing the archive's lock.
 */
async function stop(serving: Serving): Promise<void> {
  const pid = serving.child.pid
  if (!pid || !groupAlive(pid)) return
  try {
    process.kill(-pid, 'SIGTERM')
  } catch {
    return // the group has already gone
  }
  const deadline = Date.now() + 30_000
  while (groupAlive(pid) && Date.now() < deadline) await delay(50)
  if (groupAlive(pid)) process.kill(-pid, 'SIGKILL')
}

/** The library of the archive at `url`: its rows, the page's direction, and what went wrong. */
async function openLibrary(page: Page, url: string, errors: string[]): Promise<string[]> {
  errors.length = 0
  await page.goto(url)
  await page.waitForSelector('[data-testid=library-row]')
  expect(await page.getAttribute('html', 'dir')).toBe('rtl')
  expect(page.url()).not.toContain('token=')
  return page.$$eval('[data-testid=library-row]', (rows) => rows.map((r) => r.textContent ?? ''))
}

function watchErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  page.on('pageerror', (err) => errors.push(err.message))
  // the console names no URL for a failed load: say which
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`)
  })
  return errors
}

async function seed(file: string, title: string): Promise<void> {
  const archive = openArchive(file)
  try {
    await caller(archive)('articles.create', {
      title,
      body: `${title}. نص المقال.`,
      source: 'الأرشيف'
    })
  } finally {
    archive.close()
  }
}

let tmp: ReturnType<typeof tempDir>
let browser: Browser
let context: BrowserContext
const running: Serving[] = []

beforeAll(async () => {
  mkdirSync(RESULTS_DIR, { recursive: true })
  tmp = tempDir('warraq-door-')
  await seed(join(tmp.dir, 'first.db'), 'أرشيف الصحف الأول')
  await seed(join(tmp.dir, 'second.db'), 'أرشيف الصحف الثاني')
  browser = await launchChromium()
  context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'ar' })
})

afterAll(async () => {
  await browser?.close()
  for (const serving of running) await stop(serving)
  tmp?.cleanup()
})

describe('`npm run warraq -- serve`, as the README says', () => {
  it('shows the library, again after a restart on the same port, and two archives at once', async () => {
    const first = join(tmp.dir, 'first.db')
    const port = await freePort()
    const page = await context.newPage()
    const errors = watchErrors(page)
    // a cookie as older versions of the host set for every port of 127.0.0.1
    await context.addCookies([
      { name: 'warraq_token', value: 'from-an-earlier-run', domain: '127.0.0.1', path: '/' }
    ])

    const one = await serve(first, port)
    running.push(one)
    expect(one.url).toContain(`127.0.0.1:${port}/`)
    expect(await openLibrary(page, one.url, errors)).toEqual([
      expect.stringContaining('أرشيف الصحف الأول')
    ])
    expect(errors).toEqual([])
    await page.screenshot({ path: screenshotPath('door-serve-library') })

    await stop(one)
    const again = await serve(first, port)
    running.push(again)
    expect(again.url).not.toBe(one.url)

    // the tab still holds the first run's token: a reload without the URL says what to do
    errors.length = 0
    await page.reload()
    await page.waitForSelector('[data-testid=token-needed]')
    const notice = await page.textContent('[data-testid=token-needed]')
    expect(notice).toContain('افتح ورّاق من الرابط الذي طبعه')
    expect(notice).toContain('Open Warraq from the URL it printed')
    await page.screenshot({ path: screenshotPath('door-serve-token-needed') })

    // the new printed URL, in the same context, opens the library
    expect(await openLibrary(page, again.url, errors)).toEqual([
      expect.stringContaining('أرشيف الصحف الأول')
    ])
    expect(errors).toEqual([])
    await page.screenshot({ path: screenshotPath('door-serve-library-after-restart') })

    // a second archive on another port, at the same time, in the same context
    const other = await serve(join(tmp.dir, 'second.db'), await freePort())
    running.push(other)
    const page2 = await context.newPage()
    const errors2 = watchErrors(page2)
    expect(await openLibrary(page2, other.url, errors2)).toEqual([
      expect.stringContaining('أرشيف الصحف الثاني')
    ])
    await page.reload()
    expect(await openLibrary(page, again.url, errors)).toEqual([
      expect.stringContaining('أرشيف الصحف الأول')
    ])
    expect([...errors, ...errors2]).toEqual([])
    await page2.screenshot({ path: screenshotPath('door-serve-second-archive') })
    await stop(other)
    await stop(again)
  }, 300_000)

  it('`bin/warraq.mjs serve` (npx warraq serve) serves the built page, not the source one', async () => {
    const serving = await serve(join(tmp.dir, 'second.db'), 0, 'bin')
    running.push(serving)
    try {
      const page = await fetch(serving.url)
      expect(page.status).toBe(200)
      const html = await page.text()
      expect(html).toMatch(/<script type="module" crossorigin src="\.\/assets\/index-[^"]+\.js">/)
      expect(html).not.toContain('/src/main.tsx')
      const asset = /src="\.(\/assets\/index-[^"]+\.js)"/.exec(html)?.[1] ?? ''
      expect((await fetch(new URL(asset, serving.url))).status).toBe(200)
      const token = new URL(serving.url).searchParams.get('token') ?? ''
      const stats = await fetch(new URL('/api/archive.stats', serving.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: '{}'
      })
      expect(await stats.json()).toMatchObject({ ok: true, value: { articles: 1 } })
    } finally {
      await stop(serving)
    }
  }, 120_000)
})
