import type { EditorView } from '@codemirror/view'
import { useEffect, useRef, useState, type RefObject } from 'react'
import { api } from '../../api/client'
import { findState, showMatches, stepMatch, type FindRange } from '../../editor/find'
import { useI18n } from '../../i18n/I18nProvider'

interface Props {
  uid: string
  view: RefObject<EditorView | null>
  /** maps ranges of the saved body to the text as it is now (unsaved typing) */
  toCurrent(ranges: readonly [number, number][]): FindRange[]
  onClose(): void
  /** the query to start with (search results open the article with theirs) */
  initialQuery?: string
}

function clearMatches(view: RefObject<EditorView | null>): void {
  if (view.current) showMatches(view.current, [])
}

/**
 * Find in the article with the search rules (normalised Arabic, stems, phrases): the archive
 * returns ranges in the saved body, shown as marks; Enter and Shift+Enter step through them.
 */
export function FindBar({ uid, view, toCurrent, onClose, initialQuery }: Props) {
  const { t } = useI18n()
  const [query, setQuery] = useState(initialQuery ?? '')
  const [state, setState] = useState({ count: 0, current: -1 })
  const [error, setError] = useState(false)
  // the query the shown count belongs to: no "no matches" before the archive has answered
  const [answered, setAnswered] = useState<string | null>(null)
  const input = useRef<HTMLInputElement>(null)
  const latest = useRef(toCurrent)
  useEffect(() => {
    latest.current = toCurrent
  })

  useEffect(() => {
    input.current?.focus()
    input.current?.select()
    // the editor as it is when the bar closes (it may have been remounted meanwhile)
    return () => clearMatches(view)
  }, [view])

  useEffect(() => {
    let stale = false
    let timer = 0
    const run = (tries: number): void => {
      const v = view.current
      // opened with a query (from search results) before the editor is up: wait for it
      if (!v) {
        if (tries > 0) timer = window.setTimeout(() => run(tries - 1), 100)
        return
      }
      if (!query.trim()) {
        showMatches(v, [])
        setState(findState(v))
        return
      }
      api['search.findInArticle']({ uid, query }).then(
        (result) => {
          if (stale || !view.current) return
          showMatches(view.current, latest.current(result.body))
          setState(findState(view.current))
          setError(false)
          setAnswered(query)
        },
        () => {
          if (stale) return
          setError(true)
          setAnswered(query)
        }
      )
    }
    timer = window.setTimeout(() => run(30), 150)
    return () => {
      stale = true
      window.clearTimeout(timer)
    }
  }, [query, uid, view])

  const step = (delta: 1 | -1): void => {
    if (!view.current) return
    stepMatch(view.current, delta)
    setState(findState(view.current))
  }

  const count =
    query.trim() && answered === query
      ? state.count === 0
        ? t(error ? 'findInvalid' : 'findNone')
        : t('findPosition', { current: state.current + 1, count: state.count })
      : ''

  return (
    <div className="find-bar" role="search" data-testid="find-bar">
      <input
        ref={input}
        type="search"
        dir="auto"
        aria-label={t('findInArticle')}
        placeholder={t('findInArticle')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.code === 'Enter' || e.code === 'NumpadEnter') {
            e.preventDefault()
            step(e.shiftKey ? -1 : 1)
          } else if (e.code === 'Escape') {
            e.preventDefault()
            onClose()
          }
        }}
        data-testid="find-input"
      />
      <output
        className="find-count"
        aria-live="polite"
        data-testid="find-count"
        data-current={state.count > 0 ? state.current + 1 : 0}
        data-total={state.count}
      >
        {count}
      </output>
      <button type="button" onClick={() => step(-1)} aria-label={t('findPrevious')}>
        {t('findPrevious')}
      </button>
      <button type="button" onClick={() => step(1)} aria-label={t('findNext')}>
        {t('findNext')}
      </button>
      <button type="button" className="link" onClick={onClose}>
        {t('close')}
      </button>
    </div>
  )
}
