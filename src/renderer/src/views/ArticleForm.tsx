import { useState, type FormEvent } from 'react'
import { ApiError, api } from '../api/client'
import { metaInput, type MetaDraft } from '../editor/meta'
import { ErrorBanner } from '../components/ErrorBanner'
import { useI18n } from '../i18n/I18nProvider'
import { navigate } from '../router'
import { MetadataPanel } from './workspace/MetadataPanel'

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
    // an untouched form would save a blank, untitled article
    if (!draft.title.trim() && !draft.body.trim()) {
      setError(
        new ApiError({
          code: 'invalid_input',
          message: 'The article is empty.',
          key: 'emptyArticle'
        })
      )
      return
    }
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
          <MetadataPanel
            meta={draft}
            onChange={(meta) => setDraft({ ...meta, body: draft.body })}
          />
        </aside>
      </div>
    </form>
  )
}
