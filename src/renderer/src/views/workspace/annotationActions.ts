/** Creating, changing, re-attaching and deleting annotations from the reader or the editor. */
import type { EditorView } from '@codemirror/view'
import type { AnnotationColor, AnnotationUpdateInput } from '@shared/contract/annotations'
import { api } from '../../api/client'
import { announceChange } from '../../data/queryClient'
import { anchorsField, scrollToAnchor, setAnchors } from '../../editor/extensions'
import { editorAnchorOf, type ArticleSession } from './useArticleSession'

export interface NewAnnotation {
  color?: AnnotationColor
  note?: string | null
  tags?: string[]
  entityUid?: string | null
}

function selected(view: EditorView | null): { from: number; to: number } | null {
  const r = view?.state.selection.main
  return r && !r.empty ? { from: r.from, to: r.to } : null
}

export function annotationActions(s: ArticleSession, uid: string) {
  const run = async <T>(work: () => Promise<T>): Promise<T | null> => {
    try {
      s.setError(null)
      return await work()
    } catch (err) {
      s.setError(err)
      return null
    }
  }

  const refresh = async (): Promise<void> => {
    const list = await api['annotations.list']({ articleUid: uid })
    s.adopt(list, null)
    // tag counts, the annotations view and entity pages show annotations too
    announceChange()
  }

  return {
    async create(fields: NewAnnotation): Promise<void> {
      if (!(await s.ensureSaved())) return
      const range = selected(s.view.current)
      if (!range) return
      await run(async () => {
        const created = await api['annotations.create']({
          articleUid: uid,
          start: range.from,
          end: range.to,
          ...fields
        })
        const v = s.view.current
        if (v) {
          v.dispatch({
            selection: { anchor: range.to },
            effects: setAnchors.of([...v.state.field(anchorsField), editorAnchorOf(created)])
          })
        }
        await refresh()
      })
    },

    async update(input: AnnotationUpdateInput): Promise<void> {
      await run(async () => {
        await api['annotations.update'](input)
        await refresh()
      })
    },

    /** Re-attaches an orphan (or moves any annotation) to the current selection. */
    async reattach(annotationUid: string): Promise<void> {
      if (!(await s.ensureSaved())) return
      const range = selected(s.view.current)
      if (!range) return
      await run(async () => {
        await api['annotations.update']({ uid: annotationUid, start: range.from, end: range.to })
        await refresh()
        if (s.view.current) scrollToAnchor(s.view.current, annotationUid)
      })
    },

    async remove(annotationUid: string): Promise<void> {
      await run(async () => {
        await api['annotations.delete']({ uid: annotationUid })
        await refresh()
      })
    },

    focus(annotationUid: string): void {
      if (s.view.current) scrollToAnchor(s.view.current, annotationUid)
    }
  }
}

export type AnnotationActions = ReturnType<typeof annotationActions>
