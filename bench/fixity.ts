/**
 * The cost of the fixity check (every article's checksum recomputed, every original's SHA-256)
 * on the corpus, beside SQLite's integrity_check of the same file. The articles are written with
 * insertArticle (checksums included) but not indexed, to keep the set-up short; the search
 * index's own check is not part of what is measured. Prints one JSON line; asserts nothing.
 *
 *   npx tsx --tsconfig tsconfig.node.json bench/fixity.ts [--corpus DIR]
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { verifyFixity } from '../src/main/core/articles/fixity'
import { insertArticle } from '../src/main/core/articles/write'
import { openArchive } from '../src/main/core/db/open'
import { readCorpus } from './corpus'

const flag = process.argv.indexOf('--corpus')
const corpus =
  flag > 0
    ? resolve(process.argv[flag + 1])
    : resolve(import.meta.dirname, '..', '..', 'shared', 'corpus', 'saudinewsnet')
if (!existsSync(corpus)) {
  console.log(`bench/fixity: no corpus at ${corpus}; skipped.`)
  process.exit(0)
}

const dir = mkdtempSync(join(tmpdir(), 'warraq-fixity-'))
try {
  const archive = openArchive(join(dir, 'fixity.db'))
  const { articles } = readCorpus(corpus)
  let t0 = performance.now()
  archive.sqlite.transaction(() => {
    for (const a of articles) {
      if (!a.title && !a.content) continue
      insertArticle(archive, { title: a.title, body: a.content, source: a.source, url: a.url })
    }
  })()
  const insertMs = performance.now() - t0
  const count = archive.sqlite.prepare('SELECT count(*) FROM articles').pluck().get() as number
  archive.close()
  // a cold-ish second open, as `warraq check` does
  const reopened = openArchive(join(dir, 'fixity.db'))
  t0 = performance.now()
  const failures = verifyFixity(reopened.sqlite)
  const fixityMs = performance.now() - t0
  t0 = performance.now()
  reopened.sqlite.pragma('integrity_check')
  const integrityMs = performance.now() - t0
  reopened.close()
  console.log(
    JSON.stringify({
      articles: count,
      fileMB: Math.round(statSync(join(dir, 'fixity.db')).size / 1024 / 1024),
      insertMs: Math.round(insertMs),
      fixityMs: Math.round(fixityMs),
      integrityCheckMs: Math.round(integrityMs),
      failures: failures.length
    })
  )
} finally {
  rmSync(dir, { recursive: true, force: true })
}
