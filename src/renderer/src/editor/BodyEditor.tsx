import { EditorState } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { useEffect, useRef } from 'react'
import { useI18n } from '../i18n/I18nProvider'
import { bodyExtensions, setAnchors, type EditorAnchor, type EditorCallbacks } from './extensions'
import './editor.css'

interface Props {
  /** initial text and annotation ranges; the parent remounts (new `key`) to load other ones */
  doc: string
  anchors: readonly EditorAnchor[]
  readOnly: boolean
  callbacks: EditorCallbacks
  onReady(view: EditorView | null): void
}

/** The article body in CodeMirror 6: plain text, one paragraph per line. */
export function BodyEditor({ doc, anchors, readOnly, callbacks, onReady }: Props) {
  const { dir, t } = useI18n()
  const host = useRef<HTMLDivElement>(null)
  const latest = useRef(callbacks)
  useEffect(() => {
    latest.current = callbacks
  })

  useEffect(() => {
    if (!host.current) return
    const view = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc,
        extensions: bodyExtensions({
          readOnly,
          dir,
          label: t('body'),
          callbacks: {
            onUpdate: (update) => latest.current.onUpdate(update),
            onAnnotationClick: (uid) => latest.current.onAnnotationClick(uid)
          }
        })
      })
    })
    view.dispatch({ effects: setAnchors.of(anchors) })
    onReady(view)
    return () => {
      onReady(null)
      view.destroy()
    }
    // created once per mount: later text and ranges arrive as editor transactions
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  return <div ref={host} className="body-editor" data-testid="article-body" />
}
