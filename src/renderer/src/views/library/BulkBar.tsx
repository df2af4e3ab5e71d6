import type { BulkApplyInput, Selection } from '@shared/contract/bulk'
import type { Collection } from '@shared/contract/collections'
import type { Entity } from '@shared/contract/entities'
import { ARTICLE_STATUSES, type ArticleStatus } from '@shared/domain'
import { useQuery } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { ErrorBanner } from '../../components/ErrorBanner'
import { api } from '../../api/client'
import { useI18n } from '../../i18n/I18nProvider'
import { hrefFor } from '../../router'
import { announceChange } from './selection'

const split = (s: string): string[] =>
  s
    .split(/[,،]/)
    .map((x) => x.trim())
    .filter(Boolean)

const STATUS_LABEL = {
  new: 'statusNew',
  catalogued: 'statusCatalogued',
  reviewed: 'statusReviewed'
} as const

/**
 * Edits a selection in one transaction: status, source, date, tags, collections, entities.
 * The result names the operation, which the Undo button reverts.
 */
export function BulkBar({ selection, count }: { selection: Selection; count: number }) {
  const { t } = useI18n()
  const [status, setStatus] = useState<ArticleStatus | ''>('')
  // articles the last undo left as they were, because they changed after the bulk edit
  const [left, setLeft] = useState(0)
  const [source, setSource] = useState('')
  const [date, setDate] = useState('')
  const [addTags, setAddTags] = useState('')
  const [removeTags, setRemoveTags] = useState('')
  const [collection, setCollection] = useState('')
  const [uncollect, setUncollect] = useState('')
  const [entity, setEntity] = useState('')
  // through the data layer: a collection made elsewhere shows here at once
  const collections: Collection[] =
    useQuery({ queryKey: ['collections.list'], queryFn: () => api['collections.list']({}) }).data ??
    []
  const entities: Entity[] =
    useQuery({
      queryKey: ['entities.list', 1000],
      queryFn: () => api['entities.list']({ limit: 1000 })
    }).data ?? []
  const [done, setDone] = useState<{ operation: string; touched: number } | null>(null)
  const [error, setError] = useState<unknown>(null)

  const apply = async (e: FormEvent): Promise<void> => {
    e.preventDefault()
    const input: BulkApplyInput = {
      selection,
      set: {
        ...(status ? { status } : {}),
        ...(source.trim() ? { source: source.trim() } : {}),
        ...(date ? { published: date } : {})
      },
      addTags: split(addTags),
      removeTags: split(removeTags),
      addCollections: collection ? [collection] : [],
      removeCollections: uncollect ? [uncollect] : [],
      linkEntities: entity ? [entity] : []
    }
    try {
      setError(null)
      setLeft(0)
      setDone(await api['bulk.apply'](input))
      setAddTags('')
      setRemoveTags('')
      announceChange()
    } catch (err) {
      setError(err)
    }
  }

  const undo = async (): Promise<void> => {
    if (!done) return
    const undone = await api['bulk.undo']({ operation: done.operation })
    setDone(null)
    setLeft(undone.changedSince)
    announceChange()
  }

  const options = (list: Collection[]) =>
    list.map((c) => (
      <option key={c.uid} value={c.uid}>
        {c.parent ? '— ' : ''}
        {c.name}
      </option>
    ))

  return (
    <form className="bulk-bar" onSubmit={(e) => void apply(e)} aria-label={t('libBulkEdit')}>
      <strong data-testid="selected-count" data-count={count}>
        {t('countSelected', { count })}
      </strong>
      <select
        aria-label={t('status')}
        value={status}
        onChange={(e) => setStatus(e.target.value as ArticleStatus | '')}
      >
        <option value="">
          {t('status')}: {t('libUnchanged')}
        </option>
        {ARTICLE_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(STATUS_LABEL[s])}
          </option>
        ))}
      </select>
      <input
        dir="auto"
        placeholder={t('source')}
        aria-label={t('source')}
        value={source}
        onChange={(e) => setSource(e.target.value)}
      />
      <input
        type="date"
        aria-label={t('published')}
        value={date}
        onChange={(e) => setDate(e.target.value)}
      />
      <input
        dir="auto"
        name="add-tags"
        placeholder={t('libAddTags')}
        aria-label={t('libAddTags')}
        value={addTags}
        onChange={(e) => setAddTags(e.target.value)}
      />
      <input
        dir="auto"
        placeholder={t('libRemoveTags')}
        aria-label={t('libRemoveTags')}
        value={removeTags}
        onChange={(e) => setRemoveTags(e.target.value)}
      />
      <select
        aria-label={t('libAddToCollection')}
        value={collection}
        onChange={(e) => setCollection(e.target.value)}
      >
        <option value="">{t('libAddToCollection')}</option>
        {options(collections)}
      </select>
      <select
        aria-label={t('libRemoveFromCollection')}
        value={uncollect}
        onChange={(e) => setUncollect(e.target.value)}
      >
        <option value="">{t('libRemoveFromCollection')}</option>
        {options(collections)}
      </select>
      <select
        aria-label={t('libLinkEntity')}
        value={entity}
        onChange={(e) => setEntity(e.target.value)}
      >
        <option value="">{t('libLinkEntity')}</option>
        {entities.map((x) => (
          <option key={x.uid} value={x.uid}>
            {x.name}
          </option>
        ))}
      </select>
      <button type="submit" data-testid="bulk-apply">
        {t('libApply')}
      </button>
      {selection.kind === 'uids' ? (
        <a
          href={hrefFor({
            name: 'export',
            selection: JSON.stringify({ kind: 'uids', uids: selection.uids })
          })}
          data-testid="export-selection"
        >
          {t('exportSelection')}
        </a>
      ) : null}
      {done ? (
        <span role="status" data-testid="bulk-done">
          {t('countUpdated', { count: done.touched })}{' '}
          <button type="button" data-testid="bulk-undo" onClick={() => void undo()}>
            {t('libUndo')}
          </button>
        </span>
      ) : null}
      {left > 0 ? (
        <span role="status" data-testid="bulk-undo-left">
          {t('libUndoLeft', { count: left })}
        </span>
      ) : null}
      <ErrorBanner error={error} />
    </form>
  )
}
