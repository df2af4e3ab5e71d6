import type { EditorView } from '@codemirror/view'
import { type Annotation, type AnnotationColor } from '@shared/contract/annotations'
import { useMemo, useState, type RefObject } from 'react'
import { inTextOrder } from '@shared/editor/anchors'
import type { EditorAnchor } from '../../editor/extensions'
import { useI18n } from '../../i18n/I18nProvider'
import type { AnnotationActions } from './annotationActions'
import { AnnotationEditor } from './AnnotationEditor'
import { ColorFilter } from '../../components/ColorFilter'
import { COLOR_LABEL } from './colors'

const PAGE = 100

interface Item {
  annotation: Annotation
  anchor: EditorAnchor
  quote: string
}

function useItems(
  annotations: Annotation[],
  anchors: readonly EditorAnchor[],
  view: RefObject<EditorView | null>
): Item[] {
  return useMemo(() => {
    const byUid = new Map(annotations.map((a) => [a.uid, a]))
    const doc = view.current?.state.doc
    return inTextOrder(anchors).flatMap((anchor) => {
      const annotation = byUid.get(anchor.uid)
      if (!annotation) return []
      const live = !anchor.orphaned && doc && anchor.end <= doc.length
      return [
        {
          annotation,
          anchor,
          quote: live ? doc.sliceString(anchor.start, anchor.end) : annotation.exact
        }
      ]
    })
    // the view's text is read when the ranges change
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [annotations, anchors])
}

function Quote({ text }: { text: string }) {
  const short = text.length > 160 ? `${text.slice(0, 160)}…` : text
  return (
    <bdi dir="auto" className="quote">
      {short}
    </bdi>
  )
}

function Details({ a }: { a: Annotation }) {
  const { t } = useI18n()
  return (
    <>
      {a.note ? (
        <p dir="auto" className="annotation-note">
          {a.note}
        </p>
      ) : null}
      {a.tags.length > 0 ? (
        <p className="annotation-tags">
          {a.tags.map((tag) => (
            <bdi key={tag} dir="auto" className="tag">
              {tag}
            </bdi>
          ))}
        </p>
      ) : null}
      {a.entityName ? (
        <p className="annotation-entity">
          {t('entity')}: <bdi dir="auto">{a.entityName}</bdi>
        </p>
      ) : null}
    </>
  )
}

interface Props {
  annotations: Annotation[]
  anchors: readonly EditorAnchor[]
  view: RefObject<EditorView | null>
  actions: AnnotationActions
  canReattach: boolean
}

/** The article's annotations in text order, filterable by colour and tag; click one to go to it. */
export function AnnotationPanel({ annotations, anchors, view, actions }: Props) {
  const { t } = useI18n()
  const [color, setColor] = useState<AnnotationColor | ''>('')
  const [tag, setTag] = useState('')
  const [editing, setEditing] = useState<string | null>(null)
  // thousands of annotations: render a page of them, more on request
  const [limit, setLimit] = useState(PAGE)
  const items = useItems(annotations, anchors, view).filter((i) => !i.anchor.orphaned)
  const tags = [...new Set(annotations.flatMap((a) => a.tags))].sort()
  const shown = items.filter(
    (i) => (!color || i.annotation.color === color) && (!tag || i.annotation.tags.includes(tag))
  )
  return (
    <section className="annotation-panel" data-testid="annotation-panel">
      <div className="filters">
        <ColorFilter value={color} onChange={setColor} testId="filter-color" />
        <select
          aria-label={t('allTags')}
          value={tag}
          onChange={(e) => setTag(e.target.value)}
          data-testid="filter-tag"
        >
          <option value="">{t('allTags')}</option>
          {tags.map((name) => (
            <option key={name} value={name} dir="auto">
              {name}
            </option>
          ))}
        </select>
      </div>
      {shown.length === 0 ? <p className="empty">{t('noAnnotations')}</p> : null}
      <ul className="annotation-list">
        {shown.slice(0, limit).map(({ annotation: a, quote }) => (
          <li
            key={a.uid}
            className={`annotation-item color-${a.color}`}
            data-testid="annotation-item"
            data-uid={a.uid}
          >
            <button type="button" className="annotation-go" onClick={() => actions.focus(a.uid)}>
              <span className={`dot swatch-${a.color}`} aria-label={t(COLOR_LABEL[a.color])} />
              <Quote text={quote} />
            </button>
            {editing === a.uid ? (
              <AnnotationEditor
                annotation={a}
                onSave={actions.update}
                onClose={() => setEditing(null)}
              />
            ) : (
              <>
                <Details a={a} />
                <div className="row-actions">
                  <button
                    type="button"
                    className="link"
                    onClick={() => setEditing(a.uid)}
                    data-testid="edit-annotation"
                  >
                    {t('edit')}
                  </button>
                  <button type="button" className="link" onClick={() => void actions.remove(a.uid)}>
                    {t('delete')}
                  </button>
                </div>
              </>
            )}
          </li>
        ))}
      </ul>
      {shown.length > limit ? (
        <button
          type="button"
          className="link"
          onClick={() => setLimit((n) => n + PAGE * 4)}
          data-testid="more-annotations"
        >
          {t('loadMore')} ({shown.length - limit})
        </button>
      ) : null}
    </section>
  )
}

/** Orphaned annotations, kept for the researcher to re-attach to a new selection. */
export function ReviewPanel({ annotations, anchors, view, actions, canReattach }: Props) {
  const { t } = useI18n()
  const orphans = useItems(annotations, anchors, view).filter((i) => i.anchor.orphaned)
  return (
    <section className="review-panel" data-testid="needs-review">
      <p className="hint">{t('needsReviewHint')}</p>
      {orphans.length === 0 ? <p className="empty">{t('noOrphans')}</p> : null}
      <ul className="annotation-list">
        {orphans.map(({ annotation: a }) => (
          <li
            key={a.uid}
            className={`annotation-item color-${a.color}`}
            data-testid="orphan-item"
            data-uid={a.uid}
          >
            <p className="annotation-go">
              <span className={`dot swatch-${a.color}`} aria-label={t(COLOR_LABEL[a.color])} />
              <Quote text={a.exact} />
            </p>
            <Details a={a} />
            <div className="row-actions">
              <button
                type="button"
                disabled={!canReattach}
                onClick={() => void actions.reattach(a.uid)}
                data-testid="reattach"
              >
                {t('reattach')}
              </button>
              <button type="button" className="link" onClick={() => void actions.remove(a.uid)}>
                {t('delete')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}
