/**
 * CodeMirror pieces of the body editor: annotation ranges kept in the editor state and mapped
 * through every change, their highlight marks, per-paragraph text direction and undo/redo
 * matched on `event.code` (Arabic keyboard layouts).
 */
import { history, redo, undo } from '@codemirror/commands'
import {
  EditorState,
  RangeSetBuilder,
  StateEffect,
  StateField,
  type Extension
} from '@codemirror/state'
import {
  Decoration,
  EditorView,
  ViewPlugin,
  type DecorationSet,
  type ViewUpdate
} from '@codemirror/view'
import type { AnnotationColor } from '@shared/contract/annotations'
import { mapAnchors, type Anchor } from '@shared/editor/anchors'
import { findField } from './find'

export interface EditorAnchor extends Anchor {
  color: AnnotationColor
}

export const setAnchors = StateEffect.define<readonly EditorAnchor[]>()
export const setActiveAnchor = StateEffect.define<string | null>()

export const anchorsField = StateField.define<readonly EditorAnchor[]>({
  create: () => [],
  update(value, tr) {
    let next = tr.docChanged ? mapAnchors(value, tr.changes) : value
    for (const effect of tr.effects) if (effect.is(setAnchors)) next = effect.value
    return next
  }
})

const activeField = StateField.define<string | null>({
  create: () => null,
  update(value, tr) {
    for (const effect of tr.effects) if (effect.is(setActiveAnchor)) return effect.value
    return value
  }
})

function buildHighlights(anchors: readonly EditorAnchor[], active: string | null): DecorationSet {
  const ranges = anchors
    .filter((a) => !a.orphaned && a.end > a.start)
    .map((a) =>
      Decoration.mark({
        class: `cm-annotation cm-annotation-${a.color}${a.uid === active ? ' cm-annotation-active' : ''}`,
        attributes: { 'data-annotation': a.uid }
      }).range(a.start, a.end)
    )
  return Decoration.set(ranges, true)
}

/**
 * Highlights are marks that set only a background colour (see editor.css): no padding, border
 * or font change, so Arabic letters keep joining across a highlight that starts mid-word.
 * Built once when the ranges are set, then mapped through each change (not rebuilt per
 * keystroke: an article can carry thousands). Marks are not inclusive, like `mapAnchor`.
 */
const highlightField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(deco, tr) {
    if (tr.effects.some((e) => e.is(setAnchors) || e.is(setActiveAnchor)))
      return buildHighlights(tr.state.field(anchorsField), tr.state.field(activeField))
    return tr.docChanged ? deco.map(tr.changes) : deco
  },
  provide: (field) => EditorView.decorations.from(field)
})

const autoDirection = Decoration.line({ attributes: { dir: 'auto' } })

function lineDirections(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>()
  for (const { from, to } of view.visibleRanges) {
    for (let pos = from; pos <= to;) {
      const line = view.state.doc.lineAt(pos)
      builder.add(line.from, line.from, autoDirection)
      pos = line.to + 1
    }
  }
  return builder.finish()
}

/** Each paragraph (line) takes the direction of its first strong letter: Arabic RTL, Latin LTR. */
const perParagraphDirection = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet
    constructor(view: EditorView) {
      this.decorations = lineDirections(view)
    }
    update(update: ViewUpdate): void {
      if (update.docChanged || update.viewportChanged)
        this.decorations = lineDirections(update.view)
    }
  },
  { decorations: (plugin) => plugin.decorations }
)

const physicalKeys = EditorView.domEventHandlers({
  keydown(event, view) {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return false
    if (event.code === 'KeyZ') {
      event.preventDefault()
      return event.shiftKey ? redo(view) : undo(view)
    }
    if (event.code === 'KeyY' && !event.shiftKey) {
      event.preventDefault()
      return redo(view)
    }
    return false
  }
})

const theme = EditorView.theme({
  '&': { fontSize: '1.15rem', backgroundColor: 'var(--panel)' },
  '.cm-scroller': { fontFamily: 'var(--font)', lineHeight: '2.1' },
  '.cm-content': { padding: '0.8rem 0', caretColor: 'var(--ink)' },
  '.cm-line': { padding: '0 1rem 0.5rem' },
  '&.cm-focused': { outline: '2px solid var(--line)' }
})

/** The reader's text is selectable (to annotate) but shows no blinking text cursor. */
const readOnlyTheme = EditorView.theme({ '.cm-content': { caretColor: 'transparent' } })

export interface EditorCallbacks {
  onUpdate(update: ViewUpdate): void
  onAnnotationClick(uid: string): void
}

export function bodyExtensions(options: {
  readOnly: boolean
  dir: 'rtl' | 'ltr'
  label: string
  callbacks: EditorCallbacks
}): Extension[] {
  const { callbacks } = options
  return [
    anchorsField,
    activeField,
    highlightField,
    findField,
    perParagraphDirection,
    EditorView.perLineTextDirection.of(true),
    EditorView.lineWrapping,
    EditorView.contentAttributes.of({ dir: options.dir, 'aria-label': options.label }),
    // read-only keeps the text selectable (to annotate in the reader) but not typeable
    EditorState.readOnly.of(options.readOnly),
    options.readOnly ? readOnlyTheme : [],
    history(),
    physicalKeys,
    theme,
    EditorView.updateListener.of((update) => callbacks.onUpdate(update)),
    EditorView.domEventHandlers({
      click(event) {
        const target =
          event.target instanceof Element ? event.target.closest('[data-annotation]') : null
        const uid = target?.getAttribute('data-annotation')
        if (uid) callbacks.onAnnotationClick(uid)
        return false
      }
    })
  ]
}

export function scrollToAnchor(view: EditorView, uid: string): void {
  const anchor = view.state.field(anchorsField).find((a) => a.uid === uid)
  const effects: StateEffect<unknown>[] = [setActiveAnchor.of(uid)]
  if (anchor && !anchor.orphaned)
    effects.push(EditorView.scrollIntoView(anchor.start, { y: 'center' }))
  view.dispatch({ effects })
}
