import type { ArticleCreateInput } from '@shared/contract/articles'
import { ARTICLE_STATUSES, type Article, type ArticleStatus } from '@shared/domain'
import { useEffect, useState, type FormEvent } from 'react'
import { api, ApiError } from '../api/client'
import { ErrorBanner } from '../components/ErrorBanner'
import { useI18n } from '../i18n/I18nProvider'
import type { MessageKey } from '../i18n/catalogue'
import { navigate } from '../router'

interface Draft {
  title: string
  subtitle: string
  body: string
  source: string
  authors: string
  published: string
  dateText: string
  url: string
  caption: string
  imageCredit: string
  section: string
  status: ArticleStatus
  notes: string
  tags: string
  collections: string
}

const EMPTY: Draft = {
  title: '',
  subtitle: '',
  body: '',
  source: '',
  authors: '',
  published: '',
  dateText: '',
  url: '',
  caption: '',
  imageCredit: '',
  section: '',
  status: 'new',
  notes: '',
  tags: '',
  collections: ''
}

const STATUS_LABEL: Record<ArticleStatus, MessageKey> = {
  new: 'statusNew',
  catalogued: 'statusCatalogued',
  reviewed: 'statusReviewed'
}

function fromArticle(a: Article): Draft {
  return {
    title: a.title,
    subtitle: a.subtitle ?? '',
    body: a.body,
    source: a.source ?? '',
    authors: a.authors.join('، '),
    published: a.published ?? '',
    dateText: a.dateText ?? '',
    url: a.url ?? '',
    caption: a.caption ?? '',
    imageCredit: a.imageCredit ?? '',
    section: a.section ?? '',
    status: a.status,
    notes: a.notes ?? '',
    tags: a.tags.join('، '),
    collections: a.collections.join('، ')
  }
}

const list = (value: string): string[] =>
  value
    .split(/[,،]/)
    .map((s) => s.trim())
    .filter(Boolean)
const orNull = (value: string): string | null => (value.trim() ? value.trim() : null)

function toInput(d: Draft): ArticleCreateInput {
  return {
    title: d.title.trim(),
    subtitle: orNull(d.subtitle),
    body: d.body,
    source: orNull(d.source),
    authors: list(d.authors),
    published: orNull(d.published),
    datePrecision: d.published ? 'day' : null,
    dateText: orNull(d.dateText),
    url: orNull(d.url),
    caption: orNull(d.caption),
    imageCredit: orNull(d.imageCredit),
    section: orNull(d.section),
    status: d.status,
    notes: orNull(d.notes),
    tags: list(d.tags),
    collections: list(d.collections)
  }
}

/** Create or edit an article's metadata and text. Ctrl/Cmd+S saves (matched on event.code). */
export function ArticleForm({ uid }: { uid?: string }) {
  const { t } = useI18n()
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const [version, setVersion] = useState<number | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [saving, setSaving] = useState(false)

  useEffect(() => {
    if (!uid) return
    api['articles.get']({ uid }).then((a) => {
      setDraft(fromArticle(a))
      setVersion(a.version)
    }, setError)
  }, [uid])

  const save = async (): Promise<void> => {
    if (saving) return
    setSaving(true)
    setError(null)
    try {
      const input = toInput(draft)
      const saved =
        uid && version !== null
          ? await api['articles.update']({ ...input, uid, version })
          : await api['articles.create'](input)
      navigate({ name: 'article', uid: saved.uid }, Boolean(uid))
    } catch (err) {
      setError(err instanceof ApiError && err.code === 'conflict' ? new Error(t('conflict')) : err)
    } finally {
      setSaving(false)
    }
  }

  const onSubmit = (e: FormEvent): void => {
    e.preventDefault()
    void save()
  }

  const text = (key: keyof Draft, label: MessageKey, type = 'text') => (
    <label className="field">
      <span>{t(label)}</span>
      <input
        type={type}
        dir={type === 'text' ? 'auto' : 'ltr'}
        name={key}
        value={draft[key]}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      />
    </label>
  )

  return (
    <form
      className="article-form"
      onSubmit={onSubmit}
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.code === 'KeyS') {
          e.preventDefault()
          void save()
        }
      }}
    >
      <header className="view-header">
        <h1>{uid ? t('edit') : t('newArticle')}</h1>
        <button type="submit" disabled={saving} data-testid="save-article">
          {t('save')}
        </button>
        <button type="button" onClick={() => window.history.back()}>
          {t('cancel')}
        </button>
      </header>
      <ErrorBanner error={error} />
      <div className="form-grid">
        <div className="form-main">
          {text('title', 'title')}
          {text('subtitle', 'subtitle')}
          <label className="field">
            <span>{t('body')}</span>
            <textarea
              name="body"
              dir="auto"
              rows={18}
              value={draft.body}
              onChange={(e) => setDraft({ ...draft, body: e.target.value })}
            />
          </label>
        </div>
        <aside className="form-side">
          {text('source', 'source')}
          {text('authors', 'authors')}
          {text('published', 'published', 'date')}
          {text('dateText', 'dateText')}
          {text('url', 'url', 'url')}
          {text('caption', 'caption')}
          {text('imageCredit', 'imageCredit')}
          {text('section', 'section')}
          <label className="field">
            <span>{t('status')}</span>
            <select
              name="status"
              value={draft.status}
              onChange={(e) => setDraft({ ...draft, status: e.target.value as ArticleStatus })}
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
          <label className="field">
            <span>{t('notes')}</span>
            <textarea
              name="notes"
              dir="auto"
              rows={4}
              value={draft.notes}
              onChange={(e) => setDraft({ ...draft, notes: e.target.value })}
            />
          </label>
        </aside>
      </div>
    </form>
  )
}
