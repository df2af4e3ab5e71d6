import { useEffect, useState } from 'react'
import type { OriginalFile } from '@shared/contract/duplicates'
import { api } from '../api/client'
import { ErrorBanner } from '../components/ErrorBanner'
import { useI18n } from '../i18n/I18nProvider'
import { fromBase64 } from './base64'

function baseName(path: string): string {
  return path.split('/').pop() || 'original'
}

/** Saves the unchanged bytes under the file's own name. */
async function download(articleUid: string): Promise<void> {
  const original = await api['originals.get']({ articleUid, bytes: true })
  const bytes = fromBase64(original.base64 ?? '')
  const url = URL.createObjectURL(
    new Blob([bytes.buffer as ArrayBuffer], { type: original.mediaType })
  )
  const a = document.createElement('a')
  a.href = url
  a.download = baseName(original.fileName)
  a.click()
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** The file an article was imported from: what it was, and its text as it came. */
export function OriginalView({ uid }: { uid: string }) {
  const { t, number, dateTime } = useI18n()
  const [original, setOriginal] = useState<OriginalFile | null>(null)
  const [error, setError] = useState<unknown>(null)
  useEffect(() => {
    api['originals.get']({ articleUid: uid, bytes: false }).then(setOriginal, setError)
  }, [uid])
  return (
    <div className="original-view">
      <div className="view-header">
        <a href={`#/article/${encodeURIComponent(uid)}`}>{t('back')}</a>
        <h1>{t('originalTitle')}</h1>
      </div>
      <ErrorBanner error={error} />
      {original ? (
        <>
          <dl className="original-meta" data-testid="original-meta">
            <dt>{t('originalName')}</dt>
            <dd>
              <bdi dir="auto">{original.fileName}</bdi>
            </dd>
            <dt>{t('originalType')}</dt>
            <dd>
              <bdi>{original.mediaType}</bdi>
            </dd>
            <dt>{t('originalEncoding')}</dt>
            <dd>
              <bdi>{original.encoding ?? '—'}</bdi>
            </dd>
            <dt>{t('originalSize')}</dt>
            <dd>
              <bdi>{number(original.size)}</bdi> {t('originalBytes')}
            </dd>
            <dt>{t('originalImportedAt')}</dt>
            <dd>
              <bdi>{dateTime(original.importedAt)}</bdi>
            </dd>
            {original.index !== null && original.index > 0 ? (
              <>
                <dt>{t('originalPosition')}</dt>
                <dd>
                  <bdi>{number(original.index + 1)}</bdi>
                </dd>
              </>
            ) : null}
          </dl>
          <button type="button" onClick={() => void download(uid).catch(setError)}>
            {t('originalDownload')}
          </button>
          {original.previewTruncated ? <p className="empty">{t('originalTruncated')}</p> : null}
          <pre className="original-preview" dir="auto" data-testid="original-preview">
            {original.preview}
          </pre>
        </>
      ) : null}
    </div>
  )
}
