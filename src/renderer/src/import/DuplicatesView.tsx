import { useCallback, useEffect, useState } from 'react'
import type {
  DuplicateAction,
  DuplicateGroup,
  DuplicateList,
  DuplicateMember,
  DuplicatePair
} from '@shared/contract/duplicates'
import { api } from '../api/client'
import { ErrorBanner } from '../components/ErrorBanner'
import { formatNumber } from '../i18n/format'
import { useI18n } from '../i18n/I18nProvider'

function Side({ member, older }: { member: DuplicateMember; older: boolean }) {
  const { t } = useI18n()
  return (
    <article className="dup-side" data-testid="dup-side">
      <a className="dup-title" href={`#/article/${encodeURIComponent(member.uid)}`}>
        <bdi dir="auto">{member.title}</bdi>
      </a>
      <div className="row-meta">
        {member.source ? <bdi dir="auto">{member.source}</bdi> : null}
        {member.published ? <bdi>{member.published}</bdi> : null}
        <span>
          <bdi>{t('countCharacters', { count: member.bodyLength })}</bdi>
        </span>
        {older ? <strong>{t('dupOlder')}</strong> : null}
      </div>
      <p className="dup-opening" dir="auto">
        {member.opening}…
      </p>
    </article>
  )
}

function PairCard({
  pair,
  group,
  onResolve
}: {
  pair: DuplicatePair
  group: DuplicateGroup
  onResolve: (pair: DuplicatePair, action: DuplicateAction) => void
}) {
  const { t, tag } = useI18n()
  const byUid = new Map(group.members.map((m) => [m.uid, m]))
  const a = byUid.get(pair.otherUid)
  const b = byUid.get(pair.articleUid)
  if (!a || !b) return null
  const aOlder =
    a.createdAt < b.createdAt ||
    (a.createdAt === b.createdAt && group.members.indexOf(a) < group.members.indexOf(b))
  return (
    <div className="dup-pair" data-testid="dup-pair">
      <div className="dup-sides">
        <Side member={a} older={aOlder} />
        <Side member={b} older={!aOlder} />
      </div>
      <div className="dup-actions">
        <span className="dup-score">
          {t('dupSimilarity')}: <bdi>{formatNumber(tag, pair.score, { style: 'percent' })}</bdi>
        </span>
        <button type="button" onClick={() => onResolve(pair, 'dismiss')} data-testid="dup-dismiss">
          {t('dupDismiss')}
        </button>
        <button type="button" onClick={() => onResolve(pair, 'link')} data-testid="dup-link">
          {t('dupLink')}
        </button>
        <button type="button" onClick={() => onResolve(pair, 'merge')} data-testid="dup-merge">
          {t('dupMerge')}
        </button>
      </div>
    </div>
  )
}

/** Possible duplicates, grouped, each pair side by side with the three decisions. */
export function DuplicatesView() {
  const { t } = useI18n()
  const [list, setList] = useState<DuplicateList | null>(null)
  const [error, setError] = useState<unknown>(null)
  const load = useCallback(() => {
    api['duplicates.list']({}).then(setList, setError)
  }, [])
  useEffect(load, [load])
  const resolve = (pair: DuplicatePair, action: DuplicateAction): void => {
    if (action === 'merge' && !window.confirm(t('dupMergeConfirm'))) return
    setError(null)
    api['duplicates.resolve']({
      articleUid: pair.articleUid,
      otherUid: pair.otherUid,
      action
    }).then(load, setError)
  }
  return (
    <div className="duplicates-view">
      <div className="view-header">
        <h1>{t('dupTitle')}</h1>
        {list ? (
          <span className="count" data-testid="dup-count" data-count={list.openPairs}>
            <bdi>{t('countPairs', { count: list.openPairs })}</bdi>
          </span>
        ) : null}
      </div>
      <ErrorBanner error={error} />
      {list === null && !error ? <p className="loading">{t('loading')}</p> : null}
      {list && list.groups.length === 0 ? <p className="empty">{t('dupNone')}</p> : null}
      {list?.groups.map((group) => (
        <section className="dup-group" key={group.members.map((m) => m.uid).join(':')}>
          {group.pairs.map((pair) => (
            <PairCard
              key={`${pair.articleUid}:${pair.otherUid}`}
              pair={pair}
              group={group}
              onResolve={resolve}
            />
          ))}
        </section>
      ))}
    </div>
  )
}
