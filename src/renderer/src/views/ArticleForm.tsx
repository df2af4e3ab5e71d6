import { ARTICLE_STATUSES, type ArticleStatus } from '@shared/domain'
import { useState, type FormEvent } from 'react'
import { api } from '../api/client'
import { metaInput, type MetaDraft } from '../editor/meta'
import { ErrorBanner } from '../components/ErrorBanner'
import { useI18n } from '../i18n/I18nProvider'
import type { MessageKey } from '../i18n/catalogue'
import { navigate } from '../router'

/** A new article: the metadata panel's draft plus the text. */
type Draft = MetaDraft & { body: string }

const EMPTY: Draft = {
  title: '',
  subtitle: '',
  body: '',
  source: '',
  authors: '',
  published: '',
  datePrecision: '',
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

/**
 * Creates an article: metadata and text. Existing articles are edited in the workspace
 * (views/workspace). Ctrl/Cmd+S saves (matched on event.code).
 */
export function ArticleForm() {
  const { t } = useI18n()
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const [error, setError] = useState<unknown>(null)
  const [saving, setSaving] = useState(false)

  const save = async (): Promise<void> => {
    if (saving) return
    setSaving(true)
    setError(null)
    try {
      const saved = await api['articles.create']({ ...metaInput(draft), body: draft.body })
      navigate({ name: 'article', uid: saved.uid })
    } catch (err) {
      setError(err)
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
        <h1>{t('newArticle')}</h1>
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
