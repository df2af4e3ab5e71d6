/**
 * One article open in the reader or the editor: the saved article and its annotations, the
 * CodeMirror view, unsaved changes (autosaved as a local draft) and saving, where the body and
 * the editor-mapped annotation ranges go to the archive in one user action.
 */
import { ChangeSet, type Text } from '@codemirror/state'
import type { EditorView, ViewUpdate } from '@codemirror/view'
import type { Annotation } from '@shared/contract/annotations'
import type { Article } from '@shared/domain'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api } from '../../api/client'
import { announceChange } from '../../data/queryClient'
import { editorRanges, mapAnchors, minimalChange } from '@shared/editor/anchors'
import { clearDraft, readDraft, writeDraft, type ArticleDraft } from '../../editor/drafts'
import { anchorsField, setAnchors, type EditorAnchor } from '../../editor/extensions'
import { metaInput, metaOf, sameMeta, type MetaDraft } from '../../editor/meta'

export const editorAnchorOf = (a: Annotation): EditorAnchor => ({
  uid: a.uid,
  start: a.start,
  end: a.end,
  orphaned: a.status === 'orphaned',
  color: a.color
})

export type Notice = 'saved' | 'draftRestored' | 'draftOutdated' | null
export interface Range {
  from: number
  to: number
}

export function useArticleSession(uid: string, editable: boolean) {
  const [article, setArticle] = useState<Article | null>(null)
  const [annotations, setAnnotations] = useState<Annotation[]>([])
  const [anchors, setLiveAnchors] = useState<readonly EditorAnchor[]>([])
  const [meta, setMeta] = useState<MetaDraft | null>(null)
  const [docDirty, setDocDirty] = useState(false)
  const [selection, setSelection] = useState<Range | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [notice, setNotice] = useState<Notice>(null)
  const [outdated, setOutdated] = useState<ArticleDraft | null>(null)
  const [saving, setSaving] = useState(false)
  const [mount, setMount] = useState(0)
  const view = useRef<EditorView | null>(null)
  const baseline = useRef<Text | null>(null)
  const pending = useRef<ChangeSet | null>(null)
  /** the edits made since the text was last loaded or saved: maps saved offsets to current ones */
  const sinceSaved = useRef<ChangeSet | null>(null)
  const draftTimer = useRef<number | undefined>(undefined)
  const mirrorTimer = useRef<number | undefined>(undefined)
  const state = useRef({ article, meta, saving: false })
  useEffect(() => {
    state.current = { ...state.current, article, meta }
  })

  const load = useCallback(async (): Promise<void> => {
    try {
      const [a, list] = await Promise.all([
        api['articles.get']({ uid }),
        api['annotations.list']({ articleUid: uid })
      ])
      state.current = { ...state.current, article: a, meta: metaOf(a) }
      setArticle(a)
      setAnnotations(list)
      setLiveAnchors(list.map(editorAnchorOf))
      setMeta(metaOf(a))
      setDocDirty(false)
      setMount((n) => n + 1)
    } catch (err) {
      setError(err)
    }
  }, [uid])

  useEffect(() => {
    setArticle(null)
    void load()
  }, [load])

  const flushDraft = useCallback((): void => {
    window.clearTimeout(draftTimer.current)
    const { article: a, meta: m } = state.current
    const v = view.current
    if (!editable || !a || !m || !v || !baseline.current) return
    if (v.state.doc.eq(baseline.current) && sameMeta(m, metaOf(a))) return clearDraft(uid)
    writeDraft({
      uid,
      version: a.version,
      body: v.state.doc.toString(),
      meta: m,
      anchors: v.state
        .field(anchorsField)
        .map(({ uid: u, start, end, orphaned }) => ({ uid: u, start, end, orphaned })),
      savedAt: new Date().toISOString()
    })
  }, [editable, uid])

  const scheduleDraft = useCallback((): void => {
    window.clearTimeout(draftTimer.current)
    draftTimer.current = window.setTimeout(flushDraft, 300)
  }, [flushDraft])

  useEffect(() => {
    window.addEventListener('pagehide', flushDraft)
    return () => {
      window.removeEventListener('pagehide', flushDraft)
      flushDraft()
    }
  }, [flushDraft])

  /** Puts a draft's text into the editor as one minimal change, so ranges map through it. */
  const applyDraft = useCallback((draft: ArticleDraft, useRanges: boolean): void => {
    const v = view.current
    if (!v) return
    const change = minimalChange(v.state.doc.toString(), draft.body)
    const changes = ChangeSet.of(change, v.state.doc.length)
    const byUid = new Map(useRanges ? draft.anchors.map((a) => [a.uid, a]) : [])
    const anchorsNow = mapAnchors(v.state.field(anchorsField), changes).map((a) => {
      const saved = byUid.get(a.uid)
      return saved ? { ...a, ...saved } : a
    })
    v.dispatch({ changes, effects: setAnchors.of(anchorsNow) })
    setMeta(draft.meta)
  }, [])

  const onReady = useCallback(
    (v: EditorView | null): void => {
      if (!v) {
        flushDraft()
        view.current = null
        return
      }
      view.current = v
      baseline.current = v.state.doc
      sinceSaved.current = ChangeSet.empty(v.state.doc.length)
      const draft = editable ? readDraft(uid) : null
      const a = state.current.article
      if (!draft || !a) return
      if (draft.version === a.version) {
        applyDraft(draft, true)
        setNotice('draftRestored')
      } else {
        setOutdated(draft)
        setNotice('draftOutdated')
      }
    },
    [applyDraft, editable, flushDraft, uid]
  )

  const onUpdate = useCallback(
    (u: ViewUpdate): void => {
      if (u.docChanged) {
        if (pending.current) pending.current = pending.current.compose(u.changes)
        if (sinceSaved.current) sinceSaved.current = sinceSaved.current.compose(u.changes)
        setDocDirty(baseline.current ? !u.state.doc.eq(baseline.current) : true)
        scheduleDraft()
      }
      if (u.selectionSet || u.docChanged) {
        const r = u.state.selection.main
        setSelection(r.empty ? null : { from: r.from, to: r.to })
      }
      if (u.startState.field(anchorsField) !== u.state.field(anchorsField)) {
        // the side panel follows the ranges a moment later, so typing stays responsive
        window.clearTimeout(mirrorTimer.current)
        mirrorTimer.current = window.setTimeout(() => {
          if (view.current) setLiveAnchors(view.current.state.field(anchorsField))
        }, 120)
      }
    },
    [scheduleDraft]
  )

  useEffect(() => {
    if (meta) scheduleDraft()
  }, [meta, scheduleDraft])

  /** Reads the archive's annotation list into the editor, mapped through text typed meanwhile. */
  const adopt = useCallback((list: Annotation[], since: ChangeSet | null): void => {
    setAnnotations(list)
    const v = view.current
    if (!v) return
    let mapped = since ? mapAnchors(list.map(editorAnchorOf), since) : list.map(editorAnchorOf)
    if (!since && baseline.current && !v.state.doc.eq(baseline.current)) {
      // unsaved text: the editor's ranges are current, the archive's refer to the saved body
      const live = new Map(v.state.field(anchorsField).map((a) => [a.uid, a]))
      mapped = mapped.map((a) => {
        const here = live.get(a.uid)
        return here ? { ...here, color: a.color } : a
      })
    }
    v.dispatch({ effects: setAnchors.of(mapped) })
    setLiveAnchors(v.state.field(anchorsField))
  }, [])

  const save = useCallback(async (): Promise<boolean> => {
    const v = view.current
    const { article: a, meta: m } = state.current
    if (!editable || !v || !a || !m || state.current.saving) return false
    const doc = v.state.doc
    const bodyChanged = !baseline.current || !doc.eq(baseline.current)
    if (!bodyChanged && sameMeta(m, metaOf(a))) {
      setNotice('saved')
      return true
    }
    state.current.saving = true
    setSaving(true)
    setError(null)
    const anchorsAtSave = v.state.field(anchorsField)
    pending.current = ChangeSet.empty(doc.length)
    try {
      // one transaction: the body, then the editor's ranges over the server's re-anchoring
      const saved = await api['articles.update']({
        ...metaInput(m),
        body: doc.toString(),
        uid,
        version: a.version,
        annotations: bodyChanged ? editorRanges(anchorsAtSave) : undefined
      })
      const list = await api['annotations.list']({ articleUid: uid })
      baseline.current = doc
      sinceSaved.current = pending.current
      state.current.article = saved
      setArticle(saved)
      // the library, the sidebar and the history show what was just saved
      announceChange()
      adopt(list, pending.current)
      setDocDirty(!v.state.doc.eq(doc))
      if (sameMeta(state.current.meta ?? m, m)) setMeta(metaOf(saved))
      setNotice('saved')
      setOutdated(null)
      flushDraft()
      return true
    } catch (err) {
      setError(err)
      return false
    } finally {
      pending.current = null
      state.current.saving = false
      setSaving(false)
    }
  }, [adopt, editable, flushDraft, uid])

  /** Annotation offsets refer to the saved body: unsaved text is saved first. */
  const ensureSaved = useCallback(async (): Promise<boolean> => {
    const v = view.current
    if (!editable || !v || !baseline.current || v.state.doc.eq(baseline.current)) return true
    return save()
  }, [editable, save])

  /** Ranges in the saved body (search results) mapped to the text as it is now. */
  const toCurrent = useCallback(
    (ranges: readonly [number, number][]): { from: number; to: number }[] => {
      const changes = sinceSaved.current
      return ranges
        .map(([from, to]) =>
          changes ? { from: changes.mapPos(from, 1), to: changes.mapPos(to, -1) } : { from, to }
        )
        .filter((r) => r.to > r.from)
    },
    []
  )

  return {
    article,
    toCurrent,
    annotations,
    anchors,
    meta,
    setMeta,
    docDirty,
    metaDirty: Boolean(article && meta && !sameMeta(meta, metaOf(article))),
    selection,
    error,
    setError,
    notice,
    setNotice,
    outdated,
    setOutdated,
    saving,
    mount,
    view,
    load,
    save,
    ensureSaved,
    adopt,
    applyDraft,
    onReady,
    onUpdate
  }
}

export type ArticleSession = ReturnType<typeof useArticleSession>
