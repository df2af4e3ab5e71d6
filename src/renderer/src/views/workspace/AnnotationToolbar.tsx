import type { EditorView } from '@codemirror/view'
import { ANNOTATION_COLORS } from '@shared/contract/annotations'
import { useLayoutEffect, useRef, useState, type FormEvent, type RefObject } from 'react'
import { EntityPicker } from '../../components/EntityPicker'
import { useI18n } from '../../i18n/I18nProvider'
import type { AnnotationActions } from './annotationActions'
import { COLOR_LABEL, splitTags } from './colors'
import type { Range } from './useArticleSession'

type Mode = 'note' | 'tags' | 'entity' | null

interface Props {
  view: RefObject<EditorView | null>
  container: RefObject<HTMLDivElement | null>
  selection: Range | null
  actions: AnnotationActions
}

/** Appears above a text selection: highlight in a colour, or annotate with a note, tags, entity. */
export function AnnotationToolbar({ view, container, selection, actions }: Props) {
  const { t } = useI18n()
  const [mode, setMode] = useState<Mode>(null)
  const [value, setValue] = useState('')
  const [place, setPlace] = useState<{ top: number; start: number } | null>(null)
  const bar = useRef<HTMLDivElement>(null)

  useLayoutEffect(() => {
    const v = view.current
    const box = container.current?.getBoundingClientRect()
    if (!selection || !v || !box) {
      setPlace(null)
      setMode(null)
      return
    }
    const a = v.coordsAtPos(selection.from)
    const b = v.coordsAtPos(selection.to)
    if (!a || !b) return setPlace(null)
    const width = bar.current?.offsetWidth ?? 320
    const height = bar.current?.offsetHeight ?? 40
    const middle = (Math.min(a.left, b.left) + Math.max(a.right, b.right)) / 2 - box.left
    const left = Math.max(0, Math.min(box.width - width, middle - width / 2))
    const above = Math.min(a.top, b.top) - box.top - height - 6
    // below the selection when there is no room above it
    const top = above >= 0 ? above : Math.max(a.bottom, b.bottom) - box.top + 6
    // placed from the inline start: the right edge in a right-to-left layout
    const rtl = getComputedStyle(container.current!).direction === 'rtl'
    setPlace({ top, start: rtl ? box.width - left - width : left })
  }, [selection, view, container])

  if (!selection) return null

  const submit = (e: FormEvent): void => {
    e.preventDefault()
    const text = value.trim()
    if (mode === 'note') void actions.create({ note: text || null })
    if (mode === 'tags') void actions.create({ tags: splitTags(text) })
    setMode(null)
    setValue('')
  }

  const open = (next: Mode): void => {
    setMode(mode === next ? null : next)
    setValue('')
  }

  return (
    <div
      ref={bar}
      className="annotation-toolbar"
      role="toolbar"
      aria-label={t('annotationTools')}
      data-testid="annotation-toolbar"
      style={
        place
          ? { insetBlockStart: place.top, insetInlineStart: place.start }
          : { visibility: 'hidden' }
      }
      onMouseDown={(e) => {
        // keep the editor's selection while using the toolbar (fields still take focus)
        const field = e.target instanceof Element && e.target.closest('input, select, textarea')
        if (!field) e.preventDefault()
      }}
    >
      <div className="toolbar-row">
        {ANNOTATION_COLORS.map((color) => (
          <button
            key={color}
            type="button"
            className={`swatch swatch-${color}`}
            title={`${t('highlight')}: ${t(COLOR_LABEL[color])}`}
            aria-label={`${t('highlight')}: ${t(COLOR_LABEL[color])}`}
            data-testid={`highlight-${color}`}
            onClick={() => void actions.create({ color })}
          />
        ))}
        <button
          type="button"
          onClick={() => open('note')}
          aria-pressed={mode === 'note'}
          data-testid="annotate-note"
        >
          {t('addNote')}
        </button>
        <button
          type="button"
          onClick={() => open('tags')}
          aria-pressed={mode === 'tags'}
          data-testid="annotate-tags"
        >
          {t('addTags')}
        </button>
        <button
          type="button"
          onClick={() => open('entity')}
          aria-pressed={mode === 'entity'}
          data-testid="annotate-entity"
        >
          {t('linkEntity')}
        </button>
      </div>
      {mode === 'entity' ? (
        <EntityPicker
          value={null}
          autoFocus
          onChange={(entity) => {
            if (entity) void actions.create({ entityUid: entity.uid })
            setMode(null)
          }}
        />
      ) : mode ? (
        <form className="toolbar-form" onSubmit={submit}>
          <input
            autoFocus
            dir="auto"
            name={`annotation-${mode}`}
            aria-label={t(mode === 'note' ? 'addNote' : 'addTags')}
            placeholder={t(mode === 'note' ? 'addNote' : 'tagsHint')}
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
          <button type="submit">{t('apply')}</button>
        </form>
      ) : null}
    </div>
  )
}
