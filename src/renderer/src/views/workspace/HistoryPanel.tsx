import type { Snapshot } from '@shared/contract/snapshot'
import type { RevisionSummary } from '@shared/domain-lists'
import type { MessageParams } from '@shared/errors'
import { compactDiff, diffStats, diffWords, type DiffSegment } from '@shared/text/diff'
import { useEffect, useState } from 'react'
import { api } from '../../api/client'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useCall } from '../../data/calls'
import { useI18n } from '../../i18n/I18nProvider'
import { isMessageKey, type MessageKey } from '../../i18n/messages'

const FIELD_LABEL: Partial<Record<keyof Snapshot, MessageKey>> = {
  title: 'title',
  subtitle: 'subtitle',
  source: 'source',
  authors: 'authors',
  published: 'published',
  dateText: 'dateText',
  url: 'url',
  caption: 'caption',
  imageCredit: 'imageCredit',
  section: 'section',
  status: 'status',
  notes: 'notes',
  tags: 'tags',
  collections: 'collections'
}

interface Change {
  segments: DiffSegment[]
  added: number
  removed: number
  fields: MessageKey[]
}

const comparable = (value: unknown): string =>
  value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
    ? 'null'
    : JSON.stringify(value)

async function changeOf(uid: string, version: number): Promise<Change> {
  const after = await api['articles.revision']({ uid, version })
  const before =
    version > 1
      ? await api['articles.revision']({ uid, version: version - 1 }).catch(() => null)
      : null
  const segments = diffWords(before?.body ?? '', after.body)
  // a field the older snapshot does not record (e.g. defaults at creation) is not a change
  const fields = (Object.keys(FIELD_LABEL) as (keyof Snapshot)[])
    .filter((k) => before?.[k] !== undefined && comparable(before[k]) !== comparable(after[k]))
    .map((k) => FIELD_LABEL[k]!)
  return { segments: compactDiff(segments), ...diffStats(segments), fields }
}

/** Splits diff segments at line breaks: each paragraph gets its own direction. */
function paragraphs(segments: DiffSegment[]): DiffSegment[][] {
  const out: DiffSegment[][] = [[]]
  for (const segment of segments) {
    segment.text.split('\n').forEach((text, i) => {
      if (i > 0) out.push([])
      if (text) out[out.length - 1].push({ op: segment.op, text })
    })
  }
  return out.filter((p) => p.length > 0)
}

function Diff({ change }: { change: Change }) {
  const { t } = useI18n()
  return (
    <div className="revision-change" data-testid="revision-diff">
      {change.fields.length > 0 ? (
        <p className="fields-changed">
          {t('fieldsChanged')}: {change.fields.map((f) => t(f)).join('، ')}
        </p>
      ) : null}
      {change.added + change.removed === 0 ? (
        <p className="empty">{t('noTextChange')}</p>
      ) : (
        <>
          <p className="diff-stats">
            +{change.added} {t('wordsAdded')} · −{change.removed} {t('wordsRemoved')}
          </p>
          <div className="diff">
            {paragraphs(change.segments).map((paragraph, p) => (
              <p key={p} dir="auto">
                {paragraph.map((s, i) =>
                  s.op === 'insert' ? (
                    <ins key={i}>{s.text}</ins>
                  ) : s.op === 'delete' ? (
                    <del key={i}>{s.text}</del>
                  ) : (
                    <span key={i}>{s.text}</span>
                  )
                )}
              </p>
            ))}
          </div>
        </>
      )}
    </div>
  )
}

/** A revision's reason from its catalogue key (core's `label`), with its parameters. */
function reasonText(
  revision: RevisionSummary,
  t: (k: MessageKey, params?: MessageParams) => string
): string {
  const { key, params } = revision.label
  if (key === 'revision.other' || !isMessageKey(key)) return revision.reason
  return t(key, params)
}

interface Props {
  uid: string
  currentVersion: number
  dirty: boolean
  onRestore(version: number): void
}

/** Every saved revision with its time and what changed; any of them can be restored. */
export function HistoryPanel({ uid, currentVersion, dirty, onRestore }: Props) {
  const { t, dateTime, number } = useI18n()
  // refetched by the data layer after each save or restore of the article
  const list = useCall('articles.revisions', { uid })
  const revisions = list.data
  const [open, setOpen] = useState<Record<number, Change | 'loading'>>({})
  // a diff that could not be read
  const [failed, setFailed] = useState<unknown>(null)
  const error = failed ?? list.error

  useEffect(() => setOpen({}), [uid, currentVersion])

  const toggle = (version: number): void => {
    if (open[version]) {
      const rest = { ...open }
      delete rest[version]
      return setOpen(rest)
    }
    setOpen((o) => ({ ...o, [version]: 'loading' }))
    changeOf(uid, version).then(
      (change) => setOpen((o) => ({ ...o, [version]: change })),
      setFailed
    )
  }

  if (error) return <ErrorBanner error={error} />
  if (!revisions) return <p className="loading">{t('loading')}</p>
  return (
    <section className="history-panel" data-testid="history">
      {dirty ? <p className="hint">{t('saveBeforeRestore')}</p> : null}
      <ol className="revision-list">
        {revisions.map((r) => {
          const change = open[r.version]
          return (
            <li key={r.version} data-testid="revision" data-version={r.version}>
              <div className="revision-head">
                <strong>
                  {t('version')} {number(r.version)}
                </strong>
                <span>{reasonText(r, t)}</span>
                <time dateTime={r.createdAt}>{dateTime(r.createdAt)}</time>
                {r.version === currentVersion ? (
                  <span className="current">{t('currentVersion')}</span>
                ) : null}
              </div>
              <div className="row-actions">
                <button
                  type="button"
                  className="link"
                  onClick={() => toggle(r.version)}
                  data-testid="show-changes"
                >
                  {change ? t('hideChanges') : t('showChanges')}
                </button>
                {r.version !== currentVersion ? (
                  <button
                    type="button"
                    disabled={dirty}
                    onClick={() => {
                      if (window.confirm(t('confirmRestoreRevision'))) onRestore(r.version)
                    }}
                    data-testid="restore-revision"
                  >
                    {t('restoreRevision')}
                  </button>
                ) : null}
              </div>
              {change === 'loading' ? (
                <p className="loading">{t('loading')}</p>
              ) : change ? (
                <Diff change={change} />
              ) : null}
            </li>
          )
        })}
      </ol>
    </section>
  )
}
