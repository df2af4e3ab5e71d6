import { useEffect, useRef, useState } from 'react'
import './workspace.css'
import './annotation-tools.css'
import { api, ApiError } from '../../api/client'
import { announceChange } from '../../data/queryClient'
import { ErrorBanner } from '../../components/ErrorBanner'
import { BodyEditor } from '../../editor/BodyEditor'
import { clearDraft } from '../../editor/drafts'
import { useI18n } from '../../i18n/I18nProvider'
import type { MessageKey } from '../../i18n/catalogue'
import { hrefFor, navigate } from '../../router'
import { annotationActions } from './annotationActions'
import { AnnotationPanel, ReviewPanel } from './AnnotationPanel'
import { AnnotationToolbar } from './AnnotationToolbar'
import { FindBar } from './FindBar'
import { HistoryPanel } from './HistoryPanel'
import { MetadataPanel, MetaList } from './MetadataPanel'
import { scrollToAnchor } from '../../editor/extensions'
import { editorAnchorOf, useArticleSession } from './useArticleSession'

type Tab = 'details' | 'annotations' | 'review' | 'history'

interface Props {
  uid: string
  editable: boolean
  /** an annotation to scroll to once the text is shown (from the annotations view) */
  annotation?: string
  /** a search query whose hits to highlight, first one in view (from search results) */
  find?: string
}

/** An article in the reader (`editable` false) or the editor: text, annotations, details, history. */
export function Workspace({ uid, editable, annotation, find }: Props) {
  const { t, number } = useI18n()
  const s = useArticleSession(uid, editable)
  const [tab, setTab] = useState<Tab>(editable && !annotation ? 'details' : 'annotations')
  const [finding, setFinding] = useState(Boolean(find))
  const container = useRef<HTMLDivElement>(null)
  const actions = annotationActions(s, uid)
  const { article } = s

  useEffect(() => {
    // Ctrl/Cmd+F anywhere in the workspace, matched on the key's position (Arabic layouts)
    const onKey = (e: KeyboardEvent): void => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.code === 'KeyF') {
        e.preventDefault()
        setFinding(false)
        window.setTimeout(() => setFinding(true))
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  useEffect(() => {
    if (annotation && s.view.current) scrollToAnchor(s.view.current, annotation)
  }, [annotation, s.mount, s.view])

  if (!article || !s.meta)
    return s.error ? <ErrorBanner error={s.error} /> : <p className="loading">{t('loading')}</p>

  const trashed = article.deletedAt !== null
  const dirty = s.docDirty || s.metaDirty
  const orphans = s.anchors.filter((a) => a.orphaned).length
  const error =
    s.error instanceof ApiError && s.error.code === 'conflict' ? new Error(t('conflict')) : s.error

  const restore = (version: number): void => {
    api['articles.restoreRevision']({ uid, version }).then(() => {
      clearDraft(uid)
      announceChange()
      return s.load()
    }, s.setError)
  }

  const tabs: [Tab, MessageKey, string][] = [
    ['details', 'details', ''],
    ['annotations', 'annotations', ` (${number(s.anchors.length - orphans)})`],
    ['review', 'needsReview', orphans ? ` (${number(orphans)})` : ''],
    ['history', 'revisions', '']
  ]

  return (
    <div
      className={`workspace ${editable ? 'editing' : 'reading'}`}
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && !e.altKey && e.code === 'KeyS') {
          e.preventDefault()
          void s.save()
        }
      }}
    >
      <header className="view-header">
        {editable ? (
          <>
            <button
              type="button"
              onClick={() => void s.save()}
              disabled={s.saving}
              data-testid="save-article"
            >
              {t('save')}
            </button>
            <button type="button" onClick={() => navigate({ name: 'article', uid })}>
              {t('read')}
            </button>
            <span className="save-state" data-testid="save-state" data-dirty={dirty}>
              {s.saving
                ? t('saving')
                : dirty
                  ? t('unsaved')
                  : s.notice === 'saved'
                    ? t('saved')
                    : ''}
            </span>
          </>
        ) : (
          <>
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
                call({ uid }).then(() => (announceChange(), s.load()), s.setError)
              }}
            >
              {trashed ? t('restore') : t('delete')}
            </button>
          </>
        )}
        {article.hasOriginal ? (
          <a
            className="header-link"
            href={hrefFor({ name: 'original', uid })}
            data-testid="original-link"
          >
            {t('originalTitle')}
          </a>
        ) : null}
      </header>
      <ErrorBanner error={error} />
      {s.notice === 'draftRestored' ? (
        <p className="notice" data-testid="draft-restored">
          {t('draftRestored')}
        </p>
      ) : null}
      {s.notice === 'draftOutdated' && s.outdated ? (
        <p className="notice">
          {t('draftOutdated')}{' '}
          <button
            type="button"
            onClick={() => (
              s.applyDraft(s.outdated!, false),
              s.setNotice(null),
              s.setOutdated(null)
            )}
          >
            {t('useDraft')}
          </button>{' '}
          <button
            type="button"
            onClick={() => (clearDraft(uid), s.setNotice(null), s.setOutdated(null))}
          >
            {t('discardDraft')}
          </button>
        </p>
      ) : null}
      <h1 dir="auto" className="article-title" data-testid="article-title">
        {article.title}
      </h1>
      {article.subtitle ? (
        <h2 dir="auto" className="article-subtitle">
          {article.subtitle}
        </h2>
      ) : null}
      <div className="workspace-grid">
        <div className="text-column" ref={container}>
          {finding ? (
            <FindBar
              initialQuery={find}
              uid={uid}
              view={s.view}
              toCurrent={s.toCurrent}
              onClose={() => {
                setFinding(false)
                s.view.current?.focus()
              }}
            />
          ) : null}
          <BodyEditor
            key={s.mount}
            doc={article.body}
            anchors={s.annotations.map(editorAnchorOf)}
            readOnly={!editable || trashed}
            onReady={s.onReady}
            callbacks={{
              onUpdate: s.onUpdate,
              onAnnotationClick: (annotationUid) => {
                setTab('annotations')
                actions.focus(annotationUid)
              }
            }}
          />
          {!trashed ? (
            <AnnotationToolbar
              view={s.view}
              container={container}
              selection={s.selection}
              actions={actions}
            />
          ) : null}
          {!editable && article.related.length > 0 ? (
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
        </div>
        <aside className="side-panel">
          <div className="tabs" role="tablist">
            {tabs.map(([name, label, count]) => (
              <button
                key={name}
                type="button"
                role="tab"
                aria-selected={tab === name}
                className={tab === name ? 'active' : ''}
                onClick={() => setTab(name)}
                data-testid={`tab-${name}`}
              >
                {t(label)}
                {count}
              </button>
            ))}
          </div>
          {tab === 'details' ? (
            editable ? (
              <MetadataPanel meta={s.meta} onChange={s.setMeta} />
            ) : (
              <MetaList article={article} />
            )
          ) : null}
          {tab === 'annotations' ? (
            <AnnotationPanel
              annotations={s.annotations}
              anchors={s.anchors}
              view={s.view}
              actions={actions}
              canReattach={false}
            />
          ) : null}
          {tab === 'review' ? (
            <ReviewPanel
              annotations={s.annotations}
              anchors={s.anchors}
              view={s.view}
              actions={actions}
              canReattach={s.selection !== null}
            />
          ) : null}
          {tab === 'history' ? (
            <HistoryPanel
              uid={uid}
              currentVersion={article.version}
              dirty={dirty}
              onRestore={restore}
            />
          ) : null}
        </aside>
      </div>
    </div>
  )
}
