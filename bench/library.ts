/**
 * The library at archive scale: builds an archive of the corpus times `scale` (32 ≈ 1,000,000
 * articles), then times what the library view does: the first page, a jump (keyset seek) deep
 * into each sort order, the page after it, the sidebar, bulk-tagging 10,000 selected articles
 * (and undoing it), with the process's memory.
 *
 * Building: rows are inserted directly with prepared statements in one transaction (not through
 * the import pipeline, which would take an hour at this size). Real titles, bodies, sources and
 * authors; each copy's title carries its copy number and its dates are moved back `copy` years,
 * so sorts and jumps have a million distinct positions. Skipped for speed, and said here: the
 * FTS index (none of the timed calls reads it; bulk-tagging writes it for the rows it touches),
 * first revisions and near-duplicate signatures of the inserted rows, and the content hash
 * (a counter stands in).
 *
 * Usage: npx tsx --tsconfig tsconfig.node.json bench/library.ts --scale 32 [--corpus DIR] [--keep]
 */
import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { ArticleListInput } from '../src/shared/contract/articles'
import { listArticles } from '../src/main/core/articles/service'
import { applyBulk, undoBulk } from '../src/main/core/bulk/service'
import { openArchive, type Archive } from '../src/main/core/db/open'
import { sidebar } from '../src/main/core/library/service'
import { sortKey, sourceSortKey } from '../src/shared/text/sortKey'
import { readCorpus } from './corpus'

const STATUSES = ['new', 'catalogued', 'reviewed']

function build(archive: Archive, corpusDir: string, scale: number): number {
  const { articles } = readCorpus(corpusDir)
  const { sqlite } = archive
  sqlite.pragma('cache_size = -400000')
  const sourceIds = new Map<string, number>()
  const addSource = sqlite.prepare('INSERT INTO sources (name, name_key) VALUES (?, ?)')
  const insert = sqlite.prepare(
    `INSERT INTO articles (uid, title, body, source_id, url, published, date_precision, authors,
       status, content_hash, version, created_at, updated_at, title_key, author_key)
     VALUES (?, ?, ?, ?, ?, ?, 'day', ?, ?, ?, 1, ?, ?, ?, ?)`
  )
  const start = Date.parse('2016-01-01T00:00:00Z')
  let n = 0
  sqlite.transaction(() => {
    for (let copy = 0; copy < scale; copy++) {
      for (const a of articles) {
        let sid = sourceIds.get(a.source)
        if (sid === undefined) {
          sid = Number(addSource.run(a.source, sourceSortKey(a.source)).lastInsertRowid)
          sourceIds.set(a.source, sid)
        }
        const year = Number(a.date_extracted.slice(0, 4)) - copy
        const stamp = new Date(start + n * 37_000).toISOString()
        const title = copy ? `${a.title} (${copy})` : a.title
        insert.run(
          randomUUID(),
          title,
          a.content,
          sid,
          a.url,
          `${year}${a.date_extracted.slice(4, 10)}`,
          JSON.stringify(a.author ? [a.author] : []),
          STATUSES[n % 3],
          String(n),
          stamp,
          stamp,
          // the sort keys every writer stores (articles/write.ts)
          sortKey(title),
          sortKey(a.author)
        )
        n++
      }
    }
  })()
  sqlite.pragma('cache_size = -2000')
  return n
}

function time<T>(fn: () => T): [number, T] {
  const t0 = performance.now()
  const value = fn()
  return [Math.round((performance.now() - t0) * 100) / 100, value]
}

/** The median of `runs` timings (the first run included: the table opens once, cold). */
function median(fn: () => unknown, runs = 5): number {
  const times = Array.from({ length: runs }, () => time(fn)[0]).sort((a, b) => a - b)
  return times[Math.floor(runs / 2)]
}

export async function benchLibrary(opts: {
  corpusDir: string
  scale: number
}): Promise<Record<string, number>> {
  const work = mkdtempSync(join(tmpdir(), 'warraq-library-'))
  const file = join(work, 'library.db')
  try {
    let archive = openArchive(file)
    const [buildMs, count] = time(() => build(archive, opts.corpusDir, opts.scale))
    archive.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    archive.close()
    archive = openArchive(file)
    const list = (input: ArticleListInput) => listArticles(archive, { limit: 100, ...input })
    const out: Record<string, number> = {
      libraryArticles: count,
      libraryBuildSeconds: Math.round(buildMs / 100) / 10,
      libraryDbMB: Math.round(statSync(file).size / 1e6)
    }
    // 1. first page, as the table opens: the default sort, with the total count
    out.firstPageColdMs = time(() => list({}))[0]
    out.firstPageMs = median(() => list({}))
    out.firstPageNoCountMs = median(() => list({ count: false }))
    // the alphabetical orders' first pages, ascending and descending: the first call after the
    // archive opened (cold for that order's index) and the median after it
    for (const sort of ['title', 'authors', 'source'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const input = { sort, direction, count: false }
        out[`first_${sort}_${direction}_coldMs`] = time(() => list(input))[0]
        out[`first_${sort}_${direction}_ms`] = median(() => list(input))
      }
    }
    // 2. jumps deep into each sort order, and the page after the jump
    const jumps: [NonNullable<ArticleListInput['sort']>, 'asc' | 'desc', string][] = [
      ['title', 'asc', 'م'],
      ['published', 'desc', '2001-08'],
      ['created', 'asc', '2016-09'],
      ['updated', 'desc', '2016-06'],
      ['source', 'asc', 'sabq'],
      ['authors', 'asc', 'ل'],
      ['status', 'asc', 'reviewed']
    ]
    let worstJump = 0
    for (const [sort, direction, from] of jumps) {
      const input = { sort, direction, from, count: false }
      const ms = median(() => list(input))
      const page = list(input)
      const next = median(() => list({ sort, direction, cursor: page.nextCursor, count: false }))
      out[`jump_${sort}_ms`] = ms
      out[`jumpNext_${sort}_ms`] = next
      worstJump = Math.max(worstJump, ms, next)
    }
    out.worstJumpMs = worstJump
    out.sidebarMs = median(() => sidebar(archive), 3)
    // 3. bulk-tag 10,000 selected articles (every third article of the first copy)
    const uids = archive.sqlite
      .prepare('SELECT uid FROM articles WHERE id % 3 = 0 ORDER BY id LIMIT 10000')
      .pluck()
      .all() as string[]
    const [bulkMs, result] = time(() =>
      applyBulk(archive, {
        selection: { kind: 'uids', uids },
        set: {},
        addTags: ['قياس/وسم'],
        removeTags: [],
        addCollections: [],
        removeCollections: [],
        linkEntities: [],
        unlinkEntities: []
      })
    )
    out.bulkTag10kMs = bulkMs
    out.bulkTouched = result.touched
    out.bulkUndo10kMs = time(() => undoBulk(archive, result.operation))[0]
    out.tagFilterFirstPageMs = median(() => list({ tag: 'قياس' }))
    archive.close()
    // 4. memory of a process that only opens the archive and serves the library (this one also
    // holds the whole corpus it built from)
    const child = execFileSync(
      process.execPath,
      [...process.execArgv, import.meta.filename, '--measure-rss', file],
      { encoding: 'utf8' }
    )
    Object.assign(out, JSON.parse(child) as Record<string, number>)
    return out
  } finally {
    if (!process.argv.includes('--keep')) rmSync(work, { recursive: true, force: true })
    else process.stderr.write(`kept ${file}\n`)
  }
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i === -1 ? undefined : process.argv[i + 1]
}

/** Opens the archive, shows the library as the app would, and reports this process's memory. */
function measureRss(file: string): void {
  const archive = openArchive(file)
  listArticles(archive, { limit: 200 })
  listArticles(archive, { limit: 200, sort: 'title', direction: 'asc', from: 'م', count: false })
  sidebar(archive)
  const memory = process.memoryUsage()
  archive.close()
  process.stdout.write(
    JSON.stringify({
      mainRssMB: Math.round(memory.rss / 1e6),
      mainHeapUsedMB: Math.round(memory.heapUsed / 1e6)
    })
  )
}

if (process.argv.includes('--measure-rss')) {
  measureRss(arg('measure-rss')!)
} else if (import.meta.url === `file://${process.argv[1]}`) {
  const corpusDir = resolve(
    arg('corpus') ?? join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'saudinewsnet')
  )
  if (!existsSync(corpusDir)) {
    process.stderr.write(`No corpus at ${corpusDir}: pass --corpus DIR.\n`)
    process.exit(2)
  }
  const result = await benchLibrary({ corpusDir, scale: Number(arg('scale') ?? 1) })
  process.stdout.write(`${JSON.stringify(result)}\n`)
}
