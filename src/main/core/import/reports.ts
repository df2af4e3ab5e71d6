/**
 * Import reports: one row per import, written when it starts and saved as it goes, so an import
 * killed midway still leaves the report of what landed (with no finish time).
 */
import type { FileResult, ImportReportItem, ImportSummary } from '@shared/contract/imports'
import { WarraqError } from '@shared/errors'
import { newUid } from '../articles/write'
import type { Archive } from '../db/open'
import { nowIso, stmt } from '../db/statements'

/** A report's counts: what its file lines add up to. */
export interface ReportCounts {
  imported: number
  duplicates: number
  failed: number
  possibleDuplicates: number
}

export const NO_COUNTS: ReportCounts = {
  imported: 0,
  duplicates: 0,
  failed: 0,
  possibleDuplicates: 0
}

/** `counts` with one more file line: an import adds each line's once, as the line ends. */
export function withLine(counts: ReportCounts, file: FileResult): ReportCounts {
  return {
    imported: counts.imported + file.uids.length,
    duplicates: counts.duplicates + (file.duplicateOf?.length ?? 0),
    failed: counts.failed + (file.status === 'failed' ? 1 : 0),
    possibleDuplicates: counts.possibleDuplicates + (file.possibleDuplicates?.length ?? 0)
  }
}

/** Recomputes the counts from the file lines, so a continued report stays consistent. */
export function tally(summary: ImportSummary): ImportSummary {
  return { ...summary, ...summary.files.reduce(withLine, NO_COUNTS) }
}

function emptySummary(uid: string, startedAt: string): ImportSummary {
  return {
    reportUid: uid,
    imported: 0,
    duplicates: 0,
    failed: 0,
    possibleDuplicates: 0,
    files: [],
    startedAt,
    finishedAt: null
  }
}

/** Opens a new report, or the one an earlier call of the same import started. */
export function openReport(archive: Archive, uid?: string): ImportSummary {
  if (uid) {
    const found = readReport(archive, uid)
    if (found) return found
  }
  const summary = emptySummary(uid ?? newUid(), nowIso())
  stmt(
    archive.sqlite,
    'INSERT INTO import_reports (uid, started_at, summary) VALUES (?, ?, ?)'
  ).run(summary.reportUid, summary.startedAt, JSON.stringify(headerOf(summary)))
  return summary
}

/** The report's row without its lines: the counts, the flags, how many lines it has. */
function headerOf(summary: ImportSummary): Omit<ImportSummary, 'files'> & { fileCount: number } {
  const { files, ...header } = summary
  return { ...header, fileCount: files.length }
}

/**
 * Saves the report's counts and its lines from `fromLine` on (the lines before it are saved
 * already and never change: a file's line is final once the next file starts, and a report
 * never loses a line, so nothing past the end needs deleting). Inside the
 * caller's transaction when there is one, so a chunk and its report land together.
 */
export function saveReport(archive: Archive, summary: ImportSummary, fromLine = 0): void {
  const { sqlite } = archive
  const reportId = stmt(
    sqlite,
    'UPDATE import_reports SET finished_at = ?, summary = ? WHERE uid = ? RETURNING id'
  )
    .pluck()
    .get(summary.finishedAt ?? null, JSON.stringify(headerOf(summary)), summary.reportUid) as
    number | undefined
  if (reportId === undefined) return
  const saveLine = stmt(
    sqlite,
    'INSERT OR REPLACE INTO import_report_lines (report_id, seq, line) VALUES (?, ?, ?)'
  )
  for (let seq = fromLine; seq < summary.files.length; seq++)
    saveLine.run(reportId, seq, JSON.stringify(summary.files[seq]))
}

interface ReportRow {
  id: number
  uid: string
  startedAt: string
  finishedAt: string | null
  summary: string
}

type StoredHeader = Partial<ImportSummary> & { fileCount?: number }

function linesOf(archive: Archive, row: ReportRow, header: StoredHeader): FileResult[] {
  // a report of an earlier version holds its lines in its own JSON
  if (header.fileCount === undefined) return header.files ?? []
  return (
    stmt(archive.sqlite, 'SELECT line FROM import_report_lines WHERE report_id = ? ORDER BY seq')
      .pluck()
      .all(row.id) as string[]
  ).map((line) => JSON.parse(line) as FileResult)
}

function fromRow(archive: Archive, row: ReportRow): ImportSummary {
  const header = JSON.parse(row.summary) as StoredHeader
  const { fileCount: _count, ...rest } = header
  return tally({
    ...emptySummary(row.uid, row.startedAt),
    ...rest,
    files: linesOf(archive, row, header),
    reportUid: row.uid,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt
  })
}

function readReport(archive: Archive, uid: string): ImportSummary | undefined {
  const row = stmt(
    archive.sqlite,
    'SELECT id, uid, started_at AS startedAt, finished_at AS finishedAt, summary FROM import_reports WHERE uid = ?'
  ).get(uid) as ReportRow | undefined
  return row ? fromRow(archive, row) : undefined
}

export function getReport(archive: Archive, uid: string): ImportSummary {
  const found = readReport(archive, uid)
  if (!found) throw new WarraqError('not_found', `No import report ${uid}.`)
  return found
}

/** Past imports, newest first: their counts, without reading their lines. */
export function listReports(archive: Archive, limit = 200): ImportReportItem[] {
  const rows = archive.sqlite
    .prepare(
      'SELECT id, uid, started_at AS startedAt, finished_at AS finishedAt, summary FROM import_reports ORDER BY id DESC LIMIT ?'
    )
    .all(limit) as ReportRow[]
  return rows.map((row) => {
    const header = JSON.parse(row.summary) as StoredHeader
    const s = header.fileCount === undefined ? fromRow(archive, row) : undefined
    return {
      uid: row.uid,
      startedAt: row.startedAt,
      finishedAt: row.finishedAt,
      imported: s?.imported ?? header.imported ?? 0,
      duplicates: s?.duplicates ?? header.duplicates ?? 0,
      failed: s?.failed ?? header.failed ?? 0,
      possibleDuplicates: s?.possibleDuplicates ?? header.possibleDuplicates ?? 0,
      files: s?.files.length ?? header.fileCount ?? 0,
      cancelled: (s?.cancelled ?? header.cancelled) === true
    }
  })
}
