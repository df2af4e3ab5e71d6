import type { ArticleSummary } from '@shared/domain-lists'
import { useI18n } from '../../i18n/I18nProvider'
import type { MessageKey } from '../../i18n/catalogue'
import type { ColumnKey } from './columns'

const STATUS: Record<ArticleSummary['status'], MessageKey> = {
  new: 'statusNew',
  catalogued: 'statusCatalogued',
  reviewed: 'statusReviewed'
}

function List({ values }: { values: string[] }) {
  return (
    <span className="lib-chips">
      {values.map((v) => (
        <bdi key={v} dir="auto" className="lib-chip">
          {v}
        </bdi>
      ))}
    </span>
  )
}

/** One cell of the library table; every user string isolated. */
export function Cell({ column, item }: { column: ColumnKey; item: ArticleSummary }) {
  const { t, number, date, published } = useI18n()
  const content = (() => {
    switch (column) {
      case 'title':
        return (
          <>
            <a href={`#/article/${encodeURIComponent(item.uid)}`} tabIndex={-1} dir="auto">
              {item.title || <span className="untitled">{t('untitled')}</span>}
            </a>
            {item.storyUid ? (
              <span className="story-marker" title={t('storyMarker')} data-testid="story-marker">
                {' ⧉'}
              </span>
            ) : null}
          </>
        )
      case 'source':
        return <bdi dir="auto">{item.source ?? ''}</bdi>
      case 'published':
        return item.published ? (
          <time dateTime={item.published}>{published(item.published, item.datePrecision)}</time>
        ) : null
      case 'authors':
        return <bdi dir="auto">{item.authors.join('، ')}</bdi>
      case 'status':
        return t(STATUS[item.status])
      case 'tags':
        return <List values={item.tags} />
      case 'collections':
        return <List values={item.collections} />
      case 'annotations':
        return item.annotationCount ? number(item.annotationCount) : ''
      case 'created':
        return <time dateTime={item.createdAt}>{date(item.createdAt)}</time>
    }
  })()
  return (
    <div role="gridcell" className={`lib-cell lib-${column}`}>
      {content}
    </div>
  )
}
