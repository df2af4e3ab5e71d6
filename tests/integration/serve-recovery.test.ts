import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { findRendererDir } from '../../src/main/host/renderer-dir'
import { tempDir } from '../helpers/archive'
import { damagedArchiveWithBackup } from '../helpers/damaged-archive'

const ROOT = resolve(import.meta.dirname, '..', '..')

let child: ChildProcess | undefined
let tmp: ReturnType<typeof tempDir> | undefined
afterEach(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM')
    await once(child, 'exit')
  }
  tmp?.cleanup()
  child = tmp = undefined
})

/** Starts `warraq serve --json` and resolves with its one line of JSON. */
async function serve(db: string): Promise<{ url: string; port: number; state: string }> {
  child = spawn(process.execPath, [join(ROOT, 'bin', 'warraq.mjs'), 'serve', '--db', db, '--json'])
  let out = ''
  let err = ''
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()))
  return new Promise((resolveLine, reject) => {
    child?.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const line = out.split('\n')[0]
      if (out.includes('\n'))
        resolveLine(JSON.parse(line) as { url: string; port: number; state: string })
    })
    child?.once('exit', (code) => reject(new Error(`serve exited (${code}): ${err}`)))
  })
}

async function call(
  url: string,
  name: string,
  body: unknown = {}
): Promise<{ status: number; json: { ok: boolean; value?: unknown; error?: { code: string } } }> {
  const token = new URL(url).searchParams.get('token') ?? ''
  const response = await fetch(new URL(`/api/${name}`, url), {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body)
  })
  return { status: response.status, json: (await response.json()) as never }
}

describe('warraq serve on a damaged archive', () => {
  it.skipIf(!findRendererDir())('starts in recovery mode instead of exiting', async () => {
    tmp = tempDir('warraq-serve-recovery-')
    const made = await damagedArchiveWithBackup(tmp.dir, 10)
    const started = await serve(made.file)
    expect(started.state).toBe('recovery')

    const status = await call(started.url, 'archive.status')
    expect(status.json.ok).toBe(true)
    expect(status.json.value).toMatchObject({ state: 'recovery', file: made.file })

    const refused = await call(started.url, 'articles.list')
    expect(refused.json).toMatchObject({ ok: false, error: { code: 'damaged' } })

    const restored = await call(started.url, 'recovery.restore', { file: made.backup })
    expect(restored.json).toMatchObject({ ok: true, value: { state: 'open' } })
    const list = await call(started.url, 'articles.list')
    expect(list.json).toMatchObject({ ok: true, value: { total: 10 } })
  })
})
