/**
 * An import report keeps one row per file line, so saving it in every chunk writes what changed;
 * reports of earlier versions (their lines inside the report's JSON) still read the same.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { caller } from '../helpers/call'
import { createTestArchive, type TestArchive } from '../helpers/archive'

let t: TestArchive
let call: ReturnType<typeof caller>
beforeEach(() => {
  t = createTestArchive()
  call = caller(t.archive)
})
afterEach(() => t.cleanup())

function textFile(i: number): { name: string; base64: string } {
  const body = `نص الخبر رقم ${i} عن موضوع ${i % 7} في الأرشيف، يرويه مراسل الصحيفة من المدينة.`
  return {
    name: `folder/story-${i}.txt`,
    base64: Buffer.from(`خبر رقم ${i}\n\n${body}\n`).toString('base64')
  }
}

describe('import report lines', () => {
  it('keeps every file of an import sent in several calls as one line each, in order', async () => {
    const files = Array.from({ length: 30 }, (_, i) => textFile(i))
    let reportUid: string | undefined
    for (let i = 0; i < files.length; i += 10) {
      const summary = await call('import.files', {
        files: files.slice(i, i + 10),
        reportUid,
        final: i + 10 >= files.length
      })
      reportUid = summary.reportUid
    }
    const report = await call('import.report', { uid: reportUid ?? '' })
    expect(report.files.map((f) => f.path)).toEqual(files.map((f) => f.name))
    expect(report.imported).toBe(30)
    expect(report.finishedAt).not.toBeNull()
    const rows = t.archive.sqlite
      .prepare('SELECT seq FROM import_report_lines ORDER BY seq')
      .pluck()
      .all() as number[]
    expect(rows).toEqual(files.map((_, i) => i))
    const [listed] = await call('import.reports', {})
    expect(listed).toMatchObject({ uid: reportUid, files: 30, imported: 30, failed: 0 })
  })

  it('reads a report saved by an earlier version, its lines inside its JSON', async () => {
    const line = { path: 'old.txt', status: 'imported', uids: ['a1', 'a2'] }
    t.archive.sqlite
      .prepare(
        "INSERT INTO import_reports (uid, started_at, finished_at, summary) VALUES ('old', '2026-11-01T10:00:00Z', '2026-11-01T10:01:00Z', ?)"
      )
      .run(JSON.stringify({ imported: 2, duplicates: 0, failed: 0, files: [line] }))
    const report = await call('import.report', { uid: 'old' })
    expect(report.files).toEqual([line])
    expect(report.imported).toBe(2)
    const listed = (await call('import.reports', {})).find((r) => r.uid === 'old')
    expect(listed).toMatchObject({ files: 1, imported: 2 })
  })
})
