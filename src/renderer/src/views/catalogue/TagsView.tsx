import type { Tag } from '@shared/contract/tags'
import { useState } from 'react'
import { api } from '../../api/client'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useCall } from '../../data/calls'
import { useI18n } from '../../i18n/I18nProvider'
import { hrefFor } from '../../router'
import { announceChange } from '../library/selection'

function TagRow({ tag, all, onDone }: { tag: Tag; all: Tag[]; onDone: (err?: unknown) => void }) {
  const { t, number } = useI18n()
  const [rename, setRename] = useState(tag.name)
  const [into, setInto] = useState('')
  const run = (p: Promise<unknown>): void => void p.then(() => onDone(), onDone)
  return (
    <tr data-testid="tag-row" data-tag={tag.name}>
      <td style={{ paddingInlineStart: `${(tag.name.split('/').length - 1) * 1.2 + 0.4}rem` }}>
        <a href={hrefFor({ name: 'catalogue', view: 'tag', id: tag.name })}>
          <bdi dir="auto">{tag.name}</bdi>
        </a>
      </td>
      <td>
        <input
          type="color"
          aria-label={t('libColor')}
          value={tag.color ?? '#888888'}
          onChange={(e) => run(api['tags.update']({ name: tag.name, color: e.target.value }))}
        />
      </td>
      <td data-count={tag.articleCount}>{number(tag.articleCount)}</td>
      <td data-count={tag.annotationCount}>{number(tag.annotationCount)}</td>
      <td>
        <form
          className="inline-form"
          onSubmit={(e) => (
            e.preventDefault(),
            run(api['tags.update']({ name: tag.name, rename }))
          )}
        >
          <input
            dir="auto"
            aria-label={t('libRename')}
            value={rename}
            onChange={(e) => setRename(e.target.value)}
          />
          <button type="submit">{t('libRename')}</button>
        </form>
      </td>
      <td>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault()
            if (!into || !window.confirm(`${t('libConfirmMerge')} ${tag.name} → ${into}`)) return
            run(api['tags.merge']({ from: tag.name, into }))
          }}
        >
          <select
            aria-label={t('libMergeInto')}
            data-testid="merge-into"
            value={into}
            onChange={(e) => setInto(e.target.value)}
          >
            <option value="">{t('libMergeInto')}</option>
            {all
              .filter((x) => x.name !== tag.name)
              .map((x) => (
                <option key={x.name} value={x.name}>
                  {x.name}
                </option>
              ))}
          </select>
          <button type="submit" data-testid="merge-tag">
            {t('libMerge')}
          </button>
        </form>
      </td>
    </tr>
  )
}

/** The tag hierarchy: colours, counts, rename (children follow) and merge. */
export function TagsView() {
  const { t } = useI18n()
  const list = useCall('tags.list', {})
  const tags = list.data ?? []
  // a failed rename or merge, shown until the next one succeeds
  const [error, setError] = useState<unknown>(null)
  return (
    <section className="catalogue-view" data-testid="tags-view">
      <h1>{t('tagsManage')}</h1>
      <ErrorBanner error={error ?? list.error} />
      <table className="cat-table">
        <thead>
          <tr>
            <th>{t('libTag')}</th>
            <th>{t('libColor')}</th>
            <th>{t('articles')}</th>
            <th>{t('libAnnotationsCol')}</th>
            <th>{t('libRename')}</th>
            <th>{t('libMerge')}</th>
          </tr>
        </thead>
        <tbody>
          {tags.map((tag) => (
            <TagRow
              key={tag.name}
              tag={tag}
              all={tags}
              onDone={(err) => {
                setError(err ?? null)
                announceChange()
              }}
            />
          ))}
        </tbody>
      </table>
    </section>
  )
}
