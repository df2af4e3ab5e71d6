/**
 * In-article find in the editor: the matches (ranges in the current text) shown as background
 * marks, the current one stronger, mapped through typing like the annotation highlights.
 */
import { StateEffect, StateField, type ChangeDesc } from '@codemirror/state'
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view'

export interface FindRange {
  from: number
  to: number
}

interface FindState {
  matches: readonly FindRange[]
  current: number
  deco: DecorationSet
}

export const setFindMatches = StateEffect.define<{
  matches: readonly FindRange[]
  current: number
}>()
export const setFindCurrent = StateEffect.define<number>()

const match = Decoration.mark({ class: 'cm-find-match' })
const currentMatch = Decoration.mark({ class: 'cm-find-match cm-find-current' })

function decorate(matches: readonly FindRange[], current: number): DecorationSet {
  return Decoration.set(
    matches.map((m, i) => (i === current ? currentMatch : match).range(m.from, m.to)),
    true
  )
}

function mapMatches(matches: readonly FindRange[], changes: ChangeDesc): FindRange[] {
  return matches
    .map((m) => ({ from: changes.mapPos(m.from, 1), to: changes.mapPos(m.to, -1) }))
    .filter((m) => m.to > m.from)
}

const empty: FindState = { matches: [], current: -1, deco: Decoration.none }

export const findField = StateField.define<FindState>({
  create: () => empty,
  update(value, tr) {
    let next = value
    if (tr.docChanged && value.matches.length > 0) {
      const matches = mapMatches(value.matches, tr.changes)
      const current = Math.min(value.current, matches.length - 1)
      // map the marks; rebuild only when a match was deleted, to keep the current one right
      const deco =
        matches.length === value.matches.length
          ? value.deco.map(tr.changes)
          : decorate(matches, current)
      next = { matches, current, deco }
    }
    for (const effect of tr.effects) {
      if (effect.is(setFindMatches)) {
        const { matches, current } = effect.value
        next = { matches, current, deco: decorate(matches, current) }
      } else if (effect.is(setFindCurrent)) {
        next = { ...next, current: effect.value, deco: decorate(next.matches, effect.value) }
      }
    }
    return next
  },
  provide: (field) => EditorView.decorations.from(field, (v) => v.deco)
})

export function findState(view: EditorView): { count: number; current: number } {
  const { matches, current } = view.state.field(findField)
  return { count: matches.length, current }
}

/** Shows matches; the current one is the first at or after the cursor. */
export function showMatches(view: EditorView, matches: readonly FindRange[]): void {
  const head = view.state.selection.main.from
  const after = matches.findIndex((m) => m.from >= head)
  const current = matches.length === 0 ? -1 : after === -1 ? 0 : after
  const effects: StateEffect<unknown>[] = [setFindMatches.of({ matches, current })]
  if (current >= 0) effects.push(EditorView.scrollIntoView(matches[current].from, { y: 'center' }))
  view.dispatch({ effects })
}

/** Moves to the next (1) or previous (-1) match, wrapping round. */
export function stepMatch(view: EditorView, delta: 1 | -1): void {
  const { matches, current } = view.state.field(findField)
  if (matches.length === 0) return
  const next = (current + delta + matches.length) % matches.length
  view.dispatch({
    effects: [
      setFindCurrent.of(next),
      EditorView.scrollIntoView(matches[next].from, { y: 'center' })
    ]
  })
}
