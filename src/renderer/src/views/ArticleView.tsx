import type { Article } from '@shared/domain'
import { useEffect, useState } from 'react'
import { api } from '../api/client'
import { ErrorBanner } from '../components/ErrorBanner'
import { useI18n } from '../i18n/I18nProvider'
import { navigate } from '../router'

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

/** The reader: the article's text, one paragraph per line, each with its own direction. */
export function ArticleView({ uid }: { uid: string }) {
  const { t } = useI18n()
  const [article, setArticle] = useState<Article | null>(null)
  const [error, setError] = useState<unknown>(null)

  useEffect(() => {
    setArticle(null)
    api['articles.get']({ uid }).then(setArticle, setError)
  }, [uid])

  if (error) return <ErrorBanner error={error} />
  if (!article) return <p className="loading">{t('loading')}</p>

  const trashed = article.deletedAt !== null
  return (
    <article className="reader">
      <header className="view-header">
        <button type="button" onClick={() => window.history.back()}>
          {t('back')}
        </button>
        {!trashed ? (
          <button
            type="button"
            onClick={() => navigate({ name: 'edit', uid })}
            data-testid="edit-article"
          >
            {t('edit')}
          </button>
        ) : null}
        <button
          type="button"
          onClick={() => {
            const call = trashed ? api['articles.restore'] : api['articles.delete']
            call({ uid }).then(setArticle, setError)
          }}
        >
          {trashed ? t('restore') : t('delete')}
        </button>
      </header>
      <h1 dir="auto" data-testid="article-title">
        {article.title}
      </h1>
      {article.subtitle ? <h2 dir="auto">{article.subtitle}</h2> : null}
      <dl className="meta">
        <Field label={t('source')} value={article.source} />
        <Field label={t('authors')} value={article.authors.join('، ')} />
        <Field
          label={t('published')}
          value={
            article.published
              ? `${article.published}${article.dateText ? ` — ${article.dateText}` : ''}`
              : null
          }
        />
        <Field label={t('caption')} value={article.caption} />
        <Field label={t('imageCredit')} value={article.imageCredit} />
        <Field label={t('tags')} value={article.tags.join('، ')} />
        <Field label={t('collections')} value={article.collections.join('، ')} />
        <Field label={t('version')} value={String(article.version)} />
      </dl>
      <div className="body" data-testid="article-body">
        {article.body.split('\n').map((paragraph, i) => (
          <p key={i} dir="auto">
            {paragraph}
          </p>
        ))}
      </div>
      {article.related.length > 0 ? (
        <section className="related">
          <h3>{t('related')}</h3>
          <ul>
            {article.related.map((link, i) => (
              <li key={i}>
                <bdi dir="auto">{link.title}</bdi>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  )
}
