import Database from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { defaultMigrationsFolder } from '../../src/main/core/db/open'

const ROOT = resolve(import.meta.dirname, '..', '..')
const CHILD = resolve(import.meta.dirname, 'crash-child.ts')

let command: Promise<string[]> | undefined

/**
 * How to start the child. Bundled once with esbuild (present as tsx's own engine) it starts in
 * ~0.2 s instead of ~1 s under tsx, which is what makes 25+ kill points fit in CI. Dependencies
 * stay external, resolved from node_modules (hence the bundle lives under node_modules/.cache).
 */
function childCommand(): Promise<string[]> {
  command ??= (async () => {
    try {
      const { build } = await import('esbuild')
      const built = await build({
        entryPoints: [CHILD],
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        packages: 'external',
        alias: { '@shared': resolve(ROOT, 'src', 'shared') },
        write: false,
        outfile: 'child.mjs',
        logLevel: 'warning'
      })
      const code = built.outputFiles[0].contents
      // named by content: parallel test files share one bundle, and a stale one is never used
      const hash = createHash('sha256').update(code).digest('hex').slice(0, 16)
      const dir = resolve(ROOT, 'node_modules', '.cache', 'warraq-crash')
      const outfile = join(dir, `child-${hash}.mjs`)
      if (!existsSync(outfile)) {
        mkdirSync(dir, { recursive: true })
        const tmp = `${outfile}.${process.pid}`
        writeFileSync(tmp, code)
        renameSync(tmp, outfile)
      }
      return [outfile]
    } catch {
      return ['--import', 'tsx', CHILD]
    }
  })()
  return command
}

export interface KillRun {
  /** lines the child printed before it died */
  lines: string[]
  killed: boolean
  code: number | null
}

/**
 * Runs the crash child and SIGKILLs it when `killWhen` says so (given each line printed), or
 * after `killAfterMs` from spawn, whichever comes first. Without either it runs to the end.
 */
export function runChild(
  args: string[],
  options: {
    killWhen?: (line: string) => boolean
    killAfterMs?: number
    extraDelayMs?: number
    /** added to the child's environment */
    env?: Record<string, string>
  } = {}
): Promise<KillRun> {
  return childCommand().then(
    (start) =>
      new Promise((done, fail) => {
        const child = spawn(process.execPath, [...start, ...args], {
          cwd: ROOT,
          env: {
            ...process.env,
            TSX_TSCONFIG_PATH: 'tsconfig.node.json',
            WARRAQ_MIGRATIONS: defaultMigrationsFolder(),
            ...options.env
          },
          stdio: ['ignore', 'pipe', 'pipe']
        })
        const lines: string[] = []
        let buffer = ''
        let stderr = ''
        let killing = false
        const kill = (): void => {
          if (killing) return
          killing = true
          child.kill('SIGKILL')
        }
        const timer =
          options.killAfterMs === undefined ? undefined : setTimeout(kill, options.killAfterMs)
        child.stdout.on('data', (chunk: Buffer) => {
          buffer += chunk.toString('utf8')
          let nl = buffer.indexOf('\n')
          while (nl !== -1) {
            const line = buffer.slice(0, nl)
            buffer = buffer.slice(nl + 1)
            lines.push(line)
            if (!killing && options.killWhen?.(line)) {
              // a little later than the line: the kill then lands inside the next piece of work
              if (options.extraDelayMs) setTimeout(kill, options.extraDelayMs)
              else kill()
            }
            nl = buffer.indexOf('\n')
          }
        })
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
        child.on('error', fail)
        child.on('exit', (code, signal) => {
          clearTimeout(timer)
          if (signal !== 'SIGKILL' && code !== 0) {
            fail(new Error(`crash child exited with ${code}: ${stderr}`))
            return
          }
          done({ lines, killed: signal === 'SIGKILL', code })
        })
      })
  )
}

export interface Soundness {
  integrity: string
  index: string
}

/** integrity_check and FTS5's integrity-check, on a connection of our own. */
export function soundness(file: string): Soundness {
  const db = new Database(file)
  try {
    const integrity = db.pragma('integrity_check', { simple: true }) as string
    let index = 'ok'
    try {
      db.exec("INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')")
    } catch (err) {
      index = (err as Error).message
    }
    return { integrity, index }
  } finally {
    db.close()
  }
}

export function randomInt(max: number): number {
  return Math.floor(Math.random() * max)
}

/** A word of letters only, so the search analyzer keeps it as one token: 12 → 'zqbmx'. */
export function noteWord(n: number, prefix = 'zq'): string {
  let s = ''
  let v = n
  do {
    s = String.fromCharCode(97 + (v % 26)) + s
    v = Math.floor(v / 26)
  } while (v > 0)
  return `${prefix}${s}x`
}
