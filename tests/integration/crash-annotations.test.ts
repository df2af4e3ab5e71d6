import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openArchive } from '../../src/main/core/db/open'
import { analyzeForIndex } from '../../src/shared/text/analyze'
import { tempDir } from '../helpers/archive'
import { noteWord, randomInt, runChild, soundness } from '../helpers/crash'
import { populate } from '../helpers/damage'

const KILLS = Number(process.env.WARRAQ_CRASH_KILLS ?? 25)

const tmp = tempDir('warraq-crash-notes-')
afterAll(() => tmp.cleanup())

interface NoteRow {
  seq: number
  articleId: number
  note: string
}

/** Each annotation is whole: its current note is in its article's index entry, its old one is not. */
function brokenAnnotations(file: string): string[] {
  const db = new Database(file, { readonly: true })
  try {
    const rows = db
      .prepare('SELECT id - 1 AS seq, article_id AS articleId, note FROM annotations ORDER BY id')
      .all() as NoteRow[]
    const indexed = db
      .prepare('SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?')
      .pluck()
    const broken: string[] = []
    for (const row of rows) {
      const has = (word: string): boolean =>
        (indexed.get(`meta_s:${analyzeForIndex(word).surface}`, row.articleId) as number) === 1
      if (!has(row.note)) broken.push(`${row.seq}: note ${row.note} not indexed`)
      if (row.note.startsWith('zu') && has(noteWord(row.seq)))
        broken.push(`${row.seq}: old note still indexed`)
    }
    return broken
  } finally {
    db.close()
  }
}

describe('kill -9 during annotation saves', () => {
  it(
    `every save is whole at ${KILLS} random kill points`,
    async () => {
      const file = join(tmp.dir, 'archive.db')
      const setup = openArchive(file)
      populate(setup, 30)
      setup.close()
      let kills = 0
      // a run that finishes before its kill point does not count: go on until KILLS kills landed
      for (let i = 0; kills < KILLS && i < KILLS * 3; i++) {
        const before = new Database(file, { readonly: true })
        const start = before.prepare('SELECT count(*) FROM annotations').pluck().get() as number
        before.close()
        const after = randomInt(40)
        let seen = 0
        const run = await runChild(['annotate', file, '200'], {
          killWhen: (line) =>
            (line === 'ready' && after === 0) || (line.startsWith('saved') && ++seen === after),
          extraDelayMs: randomInt(3)
        })
        if (run.killed) kills++
        const printed = run.lines.filter((l) => l.startsWith('saved')).length
        const db = new Database(file, { readonly: true })
        const total = db.prepare('SELECT count(*) FROM annotations').pluck().get() as number
        db.close()
        // what the child reported, plus at most the one committed just before it died
        expect(total - start).toBeGreaterThanOrEqual(printed)
        expect(total - start).toBeLessThanOrEqual(printed + 1)
        expect(soundness(file), `after kill ${i}`).toEqual({ integrity: 'ok', index: 'ok' })
      }
      expect(kills).toBe(KILLS)
      expect(brokenAnnotations(file)).toEqual([])
    },
    Math.max(120_000, KILLS * 5_000)
  )
})
