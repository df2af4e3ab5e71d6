/**
 * Import reports: one row per import, written when it starts and saved as it goes, so an import
 * killed midway still leaves the report of what landed (with no finish time).
 */
import type { FileResult, ImportReportItem, ImportSummary } from '@shared/contract/imports'
import { WarraqError } from '@shared/errors'
import { newUid } from '../articles/write'
import type { Archive } from '../db/open'
import { nowIso, stmt } from '../db/statements'

/** Recomputes the counts from the file lines, so a continued report stays consistent. */
export function tally(summary: ImportSummary): ImportSummary {
  const files = summary.files
  return {
    ...summary,
    imported: files.reduce((n, f) => n + f.uids.length, 0),
    duplicates: files.reduce((n, f) => n + (f.duplicateOf?.length ?? 0), 0),
    failed: files.filter((f) => f.status === 'failed').length,
    possibleDuplicates: files.reduce((n, f) => n + (f.possibleDuplicates?.length ?? 0), 0)
  }
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
  ).run(summary.reportUid, summary.startedAt, JSON.stringify(summary))
  return summary
}

export function saveReport(archive: Archive, summary: ImportSummary): void {
  stmt(archive.sqlite, 'UPDATE import_reports SET finished_at = ?, summary = ? WHERE uid = ?').run(
    summary.finishedAt ?? null,
    JSON.stringify(summary),
    summary.reportUid
  )
}

interface ReportRow {
  uid: string
  startedAt: string
  finishedAt: string | null
  summary: string
}

function fromRow(row: ReportRow): ImportSummary {
  const parsed = JSON.parse(row.summary) as Partial<ImportSummary>
  return tally({
    ...emptySummary(row.uid, row.startedAt),
    ...parsed,
    files: parsed.files ?? ([] as FileResult[]),
    reportUid: row.uid,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt
  })
}

function readReport(archive: Archive, uid: string): ImportSummary | undefined {
  const row = stmt(
    archive.sqlite,
    'SELECT uid, started_at AS startedAt, finished_at AS finishedAt, summary FROM import_reports WHERE uid = ?'
  ).get(uid) as ReportRow | undefined
  return row ? fromRow(row) : undefined
}

export function getReport(archive: Archive, uid: string): ImportSummary {
  const found = readReport(archive, uid)
  if (!found) throw new WarraqError('not_found', `No import report ${uid}.`)
  return found
}

/** Past imports, newest first. */
export function listReports(archive: Archive, limit = 200): ImportReportItem[] {
  const rows = archive.sqlite
    .prepare(
      'SELECT uid, started_at AS startedAt, finished_at AS finishedAt, summary FROM import_reports ORDER BY id DESC LIMIT ?'
    )
    .all(limit) as ReportRow[]
  return rows.map((row) => {
    const s = fromRow(row)
    return {
      uid: s.reportUid,
      startedAt: row.startedAt,
      finishedAt: row.finishedAt,
      imported: s.imported,
      duplicates: s.duplicates,
      failed: s.failed,
      possibleDuplicates: s.possibleDuplicates ?? 0,
      files: s.files.length,
      cancelled: s.cancelled === true
    }
  })
}
