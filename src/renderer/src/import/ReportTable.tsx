import { useState } from 'react'
import type { FileResult, FileStatus, ImportSummary } from '@shared/contract/imports'
import type { MessageKey } from '../i18n/catalogue'
import { Message } from '../components/Message'
import { useI18n } from '../i18n/I18nProvider'

const STATUS_KEY: Record<FileStatus, MessageKey> = {
  imported: 'importImported',
  duplicate: 'importDuplicate',
  failed: 'importFailed',
  partial: 'importPartial'
}

/** Rendered at most this many rows at a time: a 10,000-file report stays quick to open. */
const PAGE = 300

export function SummaryLine({ summary }: { summary: ImportSummary }) {
  const { t } = useI18n()
  return (
    <p className="import-summary" data-testid="import-summary" data-imported={summary.imported}>
      <span>
        <bdi>{t('countArticles', { count: summary.imported })}</bdi>
      </span>
      <span>
        <bdi>{t('countDuplicates', { count: summary.duplicates })}</bdi>
      </span>
      <span>
        <bdi>{t('countFailedFiles', { count: summary.failed })}</bdi>
      </span>
      {summary.possibleDuplicates ? (
        <a href="#/duplicates">
          <bdi>{t('importPossibleDuplicates', { count: summary.possibleDuplicates })}</bdi>
        </a>
      ) : null}
      {summary.cancelled ? <span>{t('importCancelled')}</span> : null}
    </p>
  )
}

function Row({ file }: { file: FileResult }) {
  const { t, number } = useI18n()
  return (
    <tr className={`import-row status-${file.status}`} data-testid="import-row">
      <td className="import-path">
        <bdi dir="auto">{file.path}</bdi>
      </td>
      <td>
        <span className={`import-status status-${file.status}`}>{t(STATUS_KEY[file.status])}</span>
      </td>
      <td className="import-reason">
        {file.reason || file.reasonRef ? (
          <Message
            data={{
              key: file.reasonRef?.key,
              params: file.reasonRef?.params,
              english: file.reason,
              fallback: file.status === 'failed' ? 'importReasonFailed' : 'importReasonOther'
            }}
          />
        ) : null}
      </td>
      <td className="import-links">
        {file.uids.slice(0, 3).map((uid) => (
          <span key={uid}>
            <a href={`#/article/${encodeURIComponent(uid)}`} data-testid="import-open-article">
              {t('importOpen')}
            </a>{' '}
            <a href={`#/original/${encodeURIComponent(uid)}`}>{t('importOriginal')}</a>
          </span>
        ))}
        {file.uids.length > 3 ? <bdi>+{number(file.uids.length - 3)}</bdi> : null}
      </td>
    </tr>
  )
}

/** Every file's line: imported, duplicate, partial or failed with the reason. */
export function ReportTable({ summary }: { summary: ImportSummary }) {
  const { t, number } = useI18n()
  const problems = summary.files.filter((f) => f.status !== 'imported')
  const [onlyProblems, setOnlyProblems] = useState(false)
  const [shown, setShown] = useState(PAGE)
  const files = onlyProblems ? problems : summary.files
  return (
    <div className="import-report">
      <div className="import-report-tools">
        <label>
          <input
            type="checkbox"
            checked={onlyProblems}
            onChange={(e) => setOnlyProblems(e.target.checked)}
          />{' '}
          {t('importProblemsOnly')} (<bdi>{number(problems.length)}</bdi>)
        </label>
      </div>
      <table className="import-table" data-testid="import-report">
        <thead>
          <tr>
            <th>{t('importFile')}</th>
            <th>{t('importStatus')}</th>
            <th>{t('importReason')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {files.slice(0, shown).map((file, i) => (
            <Row key={`${i}:${file.path}`} file={file} />
          ))}
        </tbody>
      </table>
      {files.length > shown ? (
        <button type="button" onClick={() => setShown((n) => n + PAGE)}>
          {t('importShowMore')} (<bdi>{number(files.length - shown)}</bdi>)
        </button>
      ) : null}
    </div>
  )
}
