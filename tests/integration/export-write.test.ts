import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createArticle } from '../../src/main/core/articles/service'
import { insertArticle } from '../../src/main/core/articles/write'
import { exportToFile } from '../../src/main/core/export/service'
import { writeFileAtomically } from '../../src/main/core/export/write'
import { indexArticle } from '../../src/main/core/search/indexer'
import { createTestArchive, type TestArchive } from '../helpers/archive'
import { HOSTILE_ARTICLES } from '../helpers/export-fixtures'

let t: TestArchive
beforeEach(() => {
  t = createTestArchive()
})
afterEach(() => t.cleanup())

/** The folder's files other than the archive's own. */
function exportFiles(): string[] {
  return readdirSync(t.dir)
    .filter((name) => !name.startsWith('archive.db'))
    .sort()
}

const MB = new Uint8Array(1024 * 1024).fill(0x41)

describe('safe writing', () => {
  it('leaves no file and no temporary file when the rows fail midway', async () => {
    function* failing(): Generator<Uint8Array> {
      for (let i = 0; i < 4; i++) yield MB
      throw new Error('the archive went away')
    }
    await expect(writeFileAtomically(join(t.dir, 'out.csv'), failing())).rejects.toThrow(
      'the archive went away'
    )
    expect(exportFiles()).toEqual([])
  })

  it('keeps an older export under the final name intact until the new one is complete', async () => {
    const path = join(t.dir, 'out.csv')
    writeFileSync(path, 'the previous export')
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield MB
      throw new Error('stopped')
    }
    await expect(writeFileAtomically(path, failing(), { overwrite: true })).rejects.toThrow(
      'stopped'
    )
    expect(readFileSync(path, 'utf8')).toBe('the previous export')
    expect(exportFiles()).toEqual(['out.csv'])
    await writeFileAtomically(path, [new TextEncoder().encode('new')], { overwrite: true })
    expect(readFileSync(path, 'utf8')).toBe('new')
    expect(exportFiles()).toEqual(['out.csv'])
  })

  it('cancels an export of the archive midway and leaves nothing behind', async () => {
    t.archive.sqlite.transaction(() => {
      for (let i = 0; i < 1200; i++) {
        const { id } = insertArticle(t.archive, {
          title: `مقال ${i}`,
          body: `نص المقال رقم ${i}\n`.repeat(50)
        })
        indexArticle(t.archive, id)
      }
    })()
    const controller = new AbortController()
    const seen: number[] = []
    await expect(
      exportToFile(
        t.archive,
        { format: 'csv', selection: { kind: 'all' }, path: join(t.dir, 'big.csv') },
        {
          signal: controller.signal,
          onProgress: (rows) => {
            seen.push(rows)
            if (rows >= 500) controller.abort()
          }
        }
      )
    ).rejects.toThrow(/abort/i)
    expect(seen[0]).toBe(500)
    expect(exportFiles()).toEqual([])
  })

  it('says so in a sentence when the folder does not exist, and writes nothing', async () => {
    await expect(
      exportToFile(t.archive, {
        format: 'csv',
        selection: { kind: 'all' },
        path: join(t.dir, 'missing', 'out.csv')
      })
    ).rejects.toThrow(/does not exist/)
    expect(exportFiles()).toEqual([])
  })

  it('writes each format only under its own file endings', async () => {
    for (const name of ['.bashrc', 'run.sh', 'out.exe']) {
      await expect(
        exportToFile(t.archive, {
          format: 'csv',
          selection: { kind: 'all' },
          path: join(t.dir, name)
        })
      ).rejects.toThrow(/ending in \.csv, \.tsv, \.txt/)
    }
    expect(exportFiles()).toEqual([])
  })

  it('never replaces an existing file unless asked to, and then replaces it whole', async () => {
    createArticle(t.archive, { title: 'مقال', body: 'نص' })
    const path = join(t.dir, 'kept.csv')
    writeFileSync(path, 'someone else’s file')
    const refused = exportToFile(t.archive, { format: 'csv', selection: { kind: 'all' }, path })
    await expect(refused).rejects.toMatchObject({
      code: 'conflict',
      detail: { key: 'export.file_exists', params: { name: 'kept.csv' } }
    })
    expect(readFileSync(path, 'utf8')).toBe('someone else’s file')
    expect(exportFiles()).toEqual(['kept.csv'])
    await exportToFile(t.archive, {
      format: 'csv',
      selection: { kind: 'all' },
      path,
      overwrite: true
    })
    expect(readFileSync(path, 'utf8')).toContain('مقال')
  })

  it('refuses a file appearing under the name while the export is written', async () => {
    const path = join(t.dir, 'race.csv')
    async function* slow(): AsyncGenerator<Uint8Array> {
      yield MB
      writeFileSync(path, 'arrived meanwhile')
      yield MB
    }
    await expect(writeFileAtomically(path, slow())).rejects.toMatchObject({ code: 'conflict' })
    expect(readFileSync(path, 'utf8')).toBe('arrived meanwhile')
    expect(exportFiles()).toEqual(['race.csv'])
  })

  it('answers a folder or a NUL in the path with invalid_input', async () => {
    mkdirSync(join(t.dir, 'folder.csv'))
    for (const path of [join(t.dir, 'folder.csv'), join(t.dir, 'a\0b.csv')]) {
      await expect(
        exportToFile(t.archive, { format: 'csv', selection: { kind: 'all' }, path })
      ).rejects.toMatchObject({ code: 'invalid_input' })
    }
  })

  it('removes the .part file a killed export left, and keeps one being written', async () => {
    createArticle(t.archive, { title: 'مقال', body: 'نص' })
    // pid 2^22+1 is above Linux's pid_max default: no live process has it
    const killed = '.out.csv.4194305-0a1b2c3d.part'
    const live = `.out.csv.${process.ppid}-0a1b2c3d.part`
    writeFileSync(join(t.dir, killed), 'half an export')
    writeFileSync(join(t.dir, live), 'being written by a live process')
    await exportToFile(t.archive, {
      format: 'csv',
      selection: { kind: 'all' },
      path: join(t.dir, 'out.csv')
    })
    expect(exportFiles()).toEqual([live, 'out.csv'])
  })

  it('refuses to write over the archive itself', async () => {
    await expect(
      exportToFile(t.archive, { format: 'json', selection: { kind: 'all' }, path: t.file })
    ).rejects.toThrow(/over the archive/)
  })
})

describe('what to export', () => {
  beforeEach(() => {
    for (const article of HOSTILE_ARTICLES) createArticle(t.archive, article)
  })

  async function titles(
    selection: Parameters<typeof exportToFile>[1]['selection']
  ): Promise<string[]> {
    const path = join(t.dir, 'sel.json')
    await exportToFile(t.archive, { format: 'csl', selection, path, overwrite: true })
    return (JSON.parse(readFileSync(path, 'utf8')) as { title: string }[]).map((i) => i.title)
  }

  it('exports a collection in its own order, by name', async () => {
    expect(await titles({ kind: 'collection', name: 'مكتبات' })).toEqual([
      HOSTILE_ARTICLES[0].title,
      HOSTILE_ARTICLES[3].title
    ])
    await expect(titles({ kind: 'collection', name: 'لا توجد' })).rejects.toThrow(/no collection/)
  })

  it('exports every article a query matches, not one page', async () => {
    expect((await titles({ kind: 'query', query: 'source:"Daily Test"' })).sort()).toEqual(
      [HOSTILE_ARTICLES[1].title, HOSTILE_ARTICLES[2].title].sort()
    )
    expect(await titles({ kind: 'query', query: 'المكتبة' })).toEqual([HOSTILE_ARTICLES[0].title])
  })

  it('exports a saved search', async () => {
    t.archive.sqlite
      .prepare("INSERT INTO saved_searches (uid, name, query) VALUES ('s1', 'رياضة', 'tag:رياضة')")
      .run()
    expect(await titles({ kind: 'savedSearch', name: 'رياضة' })).toEqual([
      HOSTILE_ARTICLES[1].title
    ])
  })

  it('leaves trashed articles out unless picked one by one', async () => {
    const uid = t.archive.sqlite
      .prepare('SELECT uid FROM articles ORDER BY id')
      .pluck()
      .get() as string
    t.archive.sqlite.prepare("UPDATE articles SET deleted_at = '2020-01-01' WHERE uid = ?").run(uid)
    expect(await titles({ kind: 'all' })).toHaveLength(HOSTILE_ARTICLES.length - 1)
    expect(await titles({ kind: 'uids', uids: [uid, 'no-such-uid'] })).toEqual([
      HOSTILE_ARTICLES[0].title
    ])
  })
})
