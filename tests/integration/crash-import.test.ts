import Database from 'better-sqlite3'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/archive'
import { randomInt, runChild, soundness } from '../helpers/crash'

/** Kill points; `npm run stress` (scripts/stress.ts) runs many more. */
const KILLS = Number(process.env.WARRAQ_CRASH_KILLS ?? 25)
const FILES = 150
const PER_FILE = 4
const DUPLICATE_FILES = 20

const tmp = tempDir('warraq-crash-import-')
afterAll(() => tmp.cleanup())

/** Long enough not to be a placeholder body, so a reprint joins its story. */
function body(file: number, article: number): string {
  return `نص الخبر رقم ${file} فقرة ${article}\nقال المتحدث إن الاجتماع ناقش ${file * PER_FILE + article} موضوعا في الرياض، وإن اللجنة ستعود إلى الانعقاد الأسبوع المقبل لاستكمال النقاش.`
}

/**
 * 150 files of 4 articles, then 20 files printing earlier files' bodies under other titles:
 * other printings of the same stories, imported and grouped, never doubled by a re-run.
 */
function generate(dir: string): number {
  mkdirSync(dir, { recursive: true })
  for (let f = 0; f < FILES; f++) {
    const articles = Array.from({ length: PER_FILE }, (_, a) => ({
      title: `خبر ${f}-${a}`,
      content: body(f, a)
    }))
    writeFileSync(join(dir, `f${String(f).padStart(4, '0')}.json`), JSON.stringify(articles))
  }
  for (let g = 0; g < DUPLICATE_FILES; g++) {
    const f = g * 7
    const articles = Array.from({ length: PER_FILE }, (_, a) => ({
      title: `نسخة ${g}-${a}`,
      content: body(f, a)
    }))
    writeFileSync(join(dir, `g${String(g).padStart(4, '0')}.json`), JSON.stringify(articles))
  }
  return FILES * PER_FILE
}
const copies = DUPLICATE_FILES * PER_FILE

function count(db: Database.Database, sql: string): number {
  return db.prepare(sql).pluck().get() as number
}

/** What must hold after any crash: every article whole, indexed once, each batch whole. */
function invariants(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true })
  try {
    return {
      withoutRevision: count(
        db,
        'SELECT count(*) FROM articles a WHERE a.version > 1 AND NOT EXISTS (SELECT 1 FROM revisions r WHERE r.article_id = a.id AND r.version = a.version)'
      ),
      notIndexed: count(
        db,
        'SELECT count(*) FROM articles WHERE deleted_at IS NULL AND id NOT IN (SELECT rowid FROM articles_fts)'
      ),
      indexOrphans: count(
        db,
        'SELECT count(*) FROM articles_fts WHERE rowid NOT IN (SELECT id FROM articles)'
      ),
      // chunkSize 2: articles 0–1 and 2–3 of a file land together or not at all
      partialBatches: count(
        db,
        'SELECT count(*) FROM (SELECT count(*) AS n FROM articles GROUP BY original_id, original_index / 2) WHERE n != 2'
      ),
      // an exact duplicate is the same title and body (all from no source here)
      doubles: count(
        db,
        "SELECT count(*) - count(DISTINCT title || '|' || content_hash) FROM articles"
      ),
      // the stored reports are saved with every chunk: together they count every article landed
      reportGap: count(
        db,
        "SELECT (SELECT count(*) FROM articles) - (SELECT coalesce(sum(json_extract(summary, '$.imported')), 0) FROM import_reports)"
      ),
      // a story's printings are grouped in the chunk that lands the second one
      ungroupedCopies: count(
        db,
        'SELECT count(*) FROM articles a WHERE a.story_uid IS NULL AND EXISTS (SELECT 1 FROM articles b WHERE b.content_hash = a.content_hash AND b.id != a.id)'
      )
    }
  } finally {
    db.close()
  }
}

const SOUND = {
  withoutRevision: 0,
  notIndexed: 0,
  indexOrphans: 0,
  partialBatches: 0,
  doubles: 0,
  reportGap: 0,
  ungroupedCopies: 0
}

describe('kill -9 during a large import', () => {
  it(
    `stays sound at ${KILLS} random kill points, and a re-run completes without doubles`,
    async () => {
      const input = join(tmp.dir, 'input')
      const distinct = generate(input)
      const db = join(tmp.dir, 'archive.db')
      const totalFiles = FILES + DUPLICATE_FILES
      let killedMidImport = 0
      let kills = 0
      // a run that finishes before its kill point does not count: go on until KILLS kills landed
      for (let i = 0; kills < KILLS && i < KILLS * 3; i++) {
        // one in five dies at a random moment from spawn: during start-up, the open, or the import
        const target = `file ${1 + randomInt(totalFiles)}`
        // every other run's import leaves out the sort indexes while it writes (as a large one
        // does): the next open must build them back
        const env = i % 2 === 1 ? { WARRAQ_TEST_DEFER_FROM: '1' } : undefined
        const run =
          i % 5 === 4
            ? await runChild(['import', db, input], { killAfterMs: 150 + randomInt(500), env })
            : await runChild(['import', db, input], {
                killWhen: (line) => line === target,
                extraDelayMs: randomInt(4),
                env
              })
        if (run.killed) kills++
        if (run.killed && run.lines.includes('ready')) killedMidImport++
        if (process.env.WARRAQ_CRASH_DEBUG)
          console.log(i, run.killed, run.lines.length, run.lines.at(-1))
        const { integrity, index } = soundness(db)
        expect(integrity, `integrity after kill ${i}`).toBe('ok')
        expect(index, `index after kill ${i}`).toBe('ok')
        expect(invariants(db), `invariants after kill ${i}`).toEqual(SOUND)
      }
      expect(kills).toBe(KILLS)
      expect(killedMidImport).toBeGreaterThanOrEqual(Math.floor(KILLS * 0.6))

      const final = await runChild(['import', db, input])
      expect(final.lines.at(-1)).toBe('done')
      expect(soundness(db)).toEqual({ integrity: 'ok', index: 'ok' })
      expect(invariants(db)).toEqual(SOUND)
      const check = new Database(db, { readonly: true })
      expect(count(check, 'SELECT count(*) FROM articles')).toBe(distinct + copies)
      expect(count(check, 'SELECT count(DISTINCT story_uid) FROM articles')).toBe(copies)
      expect(count(check, 'SELECT count(*) FROM articles WHERE story_uid IS NOT NULL')).toBe(
        2 * copies
      )
      // the last run's open built back what a killed run left out, and nothing is left pending
      expect(
        count(
          check,
          "SELECT count(*) FROM sqlite_master WHERE name IN ('articles_title_key_idx', 'articles_author_key_idx')"
        )
      ).toBe(2)
      expect(
        count(check, "SELECT count(*) FROM settings WHERE key = 'import_deferred_indexes'")
      ).toBe(0)
      check.close()
    },
    Math.max(120_000, KILLS * 5_000)
  )
})
