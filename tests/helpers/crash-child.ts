/**
 * A child process for the kill -9 tests: it works on an archive until the parent kills it.
 * Protocol on stdout, one line each: `ready`, then `file N` / `saved N`, then `done`.
 *   import DB DIR        import every file of DIR (2 articles per transaction; with
 *                        WARRAQ_TEST_DEFER_FROM set, the sort indexes deferred from that many)
 *   annotate DB COUNT    create and update COUNT annotations, one transaction each
 *   backup DB            make backups into the archive's backups folder, one after another
 *   hold DB              open the archive and keep it open
 */
import { createAnnotation, updateAnnotation } from '../../src/main/core/annotations/service'
import { backupNow } from '../../src/main/core/backup/backup'
import { openArchiveSafely } from '../../src/main/core/db/open-safely'
import { expandPaths } from '../../src/main/core/import/expand'
import { importFiles } from '../../src/main/core/import/pipeline'
import { noteWord } from './crash'

const [mode, db, arg] = process.argv.slice(2)
const say = (line: string): void => {
  process.stdout.write(`${line}\n`)
}

async function main(): Promise<void> {
  if (mode === 'backup') {
    const archive = openArchiveSafely(db, {
      readonly: true,
      migrationsFolder: process.env.WARRAQ_MIGRATIONS
    })
    say('ready')
    for (let i = 0; ; i++) {
      await backupNow(archive, 'manual')
      say(`saved ${i}`)
    }
  }
  const archive = openArchiveSafely(db, { migrationsFolder: process.env.WARRAQ_MIGRATIONS })
  say('ready')
  if (mode === 'hold') {
    // keeps the archive open until killed
    setInterval(() => undefined, 1000)
    return
  }
  if (mode === 'import') {
    let n = 0
    await importFiles(archive, expandPaths([arg]), {
      chunkSize: 2,
      deferIndexesFrom: process.env.WARRAQ_TEST_DEFER_FROM
        ? Number(process.env.WARRAQ_TEST_DEFER_FROM)
        : undefined,
      onFile: () => say(`file ${++n}`)
    })
  } else if (mode === 'annotate') {
    const articles = archive.sqlite
      .prepare('SELECT uid, length(body) AS len FROM articles ORDER BY id')
      .all() as { uid: string; len: number }[]
    let seq = archive.sqlite.prepare('SELECT count(*) FROM annotations').pluck().get() as number
    for (let i = 0; i < Number(arg); i++, seq++) {
      const article = articles[seq % articles.length]
      const made = createAnnotation(archive, {
        articleUid: article.uid,
        start: 0,
        end: Math.min(5, article.len),
        note: noteWord(seq)
      })
      // every other save is an update: its old note must leave the index with it
      if (seq % 2 === 1) updateAnnotation(archive, { uid: made.uid, note: noteWord(seq, 'zu') })
      say(`saved ${seq}`)
    }
  }
  archive.close()
  say('done')
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`)
  process.exit(1)
})
