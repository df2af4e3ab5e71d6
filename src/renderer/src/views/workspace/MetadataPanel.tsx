import {
  ARTICLE_STATUSES,
  DATE_PRECISIONS,
  type Article,
  type ArticleStatus,
  type DatePrecision
} from '@shared/domain'
import { instantOf } from '@shared/dates/iso'
import type { MetaDraft } from '../../editor/meta'
import { useI18n } from '../../i18n/I18nProvider'
import type { MessageKey } from '../../i18n/catalogue'

export const STATUS_LABEL: Record<ArticleStatus, MessageKey> = {
  new: 'statusNew',
  catalogued: 'statusCatalogued',
  reviewed: 'statusReviewed'
}

const PRECISION_LABEL: Record<DatePrecision, MessageKey> = {
  minute: 'precisionMinute',
  day: 'precisionDay',
  month: 'precisionMonth',
  year: 'precisionYear'
}

type TextKey = Exclude<keyof MetaDraft, 'status' | 'datePrecision'>

/** The article's descriptive fields beside the text, edited with it and saved with it. */
export function MetadataPanel({
  meta,
  onChange
}: {
  meta: MetaDraft
  onChange(next: MetaDraft): void
}) {
  const { t } = useI18n()
  const set = <K extends keyof MetaDraft>(key: K, value: MetaDraft[K]): void =>
    onChange({ ...meta, [key]: value })
  const text = (key: TextKey, label: MessageKey, type = 'text') => (
    <label className="field">
      <span>{t(label)}</span>
      <input
        type={type}
        dir={type === 'text' ? 'auto' : 'ltr'}
        name={key}
        value={meta[key]}
        onChange={(e) => set(key, e.target.value)}
      />
    </label>
  )
  const area = (key: TextKey, label: MessageKey, rows: number) => (
    <label className="field">
      <span>{t(label)}</span>
      <textarea
        name={key}
        dir="auto"
        rows={rows}
        value={meta[key]}
        onChange={(e) => set(key, e.target.value)}
      />
    </label>
  )
  return (
    <div className="metadata-panel" data-testid="metadata-panel">
      {text('title', 'title')}
      {text('subtitle', 'subtitle')}
      {text('source', 'source')}
      {text('authors', 'authors')}
      <div className="field-pair">
        {text('published', 'published', 'date')}
        <label className="field">
          <span>{t('datePrecision')}</span>
          <select
            name="datePrecision"
            value={meta.datePrecision || 'day'}
            onChange={(e) => set('datePrecision', e.target.value as DatePrecision)}
          >
            {DATE_PRECISIONS.map((p) => (
              <option key={p} value={p}>
                {t(PRECISION_LABEL[p])}
              </option>
            ))}
          </select>
        </label>
      </div>
      {text('dateText', 'dateText')}
      {text('url', 'url', 'url')}
      {area('caption', 'caption', 2)}
      {text('imageCredit', 'imageCredit')}
      {text('section', 'section')}
      <label className="field">
        <span>{t('status')}</span>
        <select
          name="status"
          value={meta.status}
          onChange={(e) => set('status', e.target.value as ArticleStatus)}
        >
          {ARTICLE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(STATUS_LABEL[s])}
            </option>
          ))}
        </select>
      </label>
      {text('tags', 'tags')}
      {text('collections', 'collections')}
      {area('notes', 'notes', 4)}
    </div>
  )
}

function Field({ label, value }: { label: string; value: string | null | undefined }) {
  if (!value) return null
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <bdi dir="auto">{value}</bdi>
      </dd>
    </>
  )
}

/** The same fields, read-only, for the reader. */
export function MetaList({ article }: { article: Article }) {
  const { t, dateTime, number, published } = useI18n()
  // the date to its precision in the interface's words and digits, then as the source wrote it
  const date = article.published
    ? `${published(article.published, article.datePrecision)}${article.dateText ? ` — ${article.dateText}` : ''}`
    : null
  // a time with its offset is an instant: shown in the reader's time zone; without an offset it
  // is the source's own local time, shown as written
  const instant = article.published ? instantOf(article.published, article.publishedTime) : null
  const time = instant ? dateTime(instant) : article.publishedTime
  return (
    <dl className="meta">
      <Field label={t('source')} value={article.source} />
      <Field label={t('authors')} value={article.authors.join('، ')} />
      <Field label={t('published')} value={date} />
      <Field label={t('publishedAt')} value={time} />
      <Field label={t('summary')} value={article.summary} />
      <Field label={t('identifier')} value={article.identifier} />
      <Field label={t('url')} value={article.url} />
      <Field label={t('caption')} value={article.caption} />
      <Field label={t('imageCredit')} value={article.imageCredit} />
      <Field label={t('section')} value={article.section} />
      <Field label={t('status')} value={t(STATUS_LABEL[article.status])} />
      <Field label={t('tags')} value={article.tags.join('، ')} />
      <Field label={t('collections')} value={article.collections.join('، ')} />
      <Field label={t('notes')} value={article.notes} />
      <Field label={t('version')} value={number(article.version)} />
      {Object.entries(article.extra).map(([key, value]) => (
        // the source's own field names: user strings, isolated like their values
        <div key={key} className="meta-extra" data-testid="meta-extra">
          <dt>
            <bdi dir="auto">{key}</bdi>
          </dt>
          <dd>
            <bdi dir="auto">{value}</bdi>
          </dd>
        </div>
      ))}
      {article.storyCopies.length ? (
        <>
          <dt>{t('storyCopies')}</dt>
          <dd data-testid="story-copies">
            {article.storyCopies.map((uid, i) => (
              <a key={uid} href={`#/article/${encodeURIComponent(uid)}`}>
                {i + 1}{' '}
              </a>
            ))}
          </dd>
        </>
      ) : null}
    </dl>
  )
}
