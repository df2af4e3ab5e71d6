import type { ArticleSortKey } from '@shared/contract/articles'
import type { ArticleSummary } from '@shared/domain-lists'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react'
import { rememberedScroll, rememberScroll } from './remember'
import { useI18n } from '../../i18n/I18nProvider'
import { navigate } from '../../router'
import { COLUMNS, type ColumnKey } from './columns'
import { Cell } from './Cell'
import type { Pages } from './usePages'
import { DRAG_TYPE, NONE, isPicked, only, toggle, type Picked } from './selection'

const ROW = 40

interface Props {
  /** identifies the listing, for the scroll position remembered across navigation */
  scope: string
  pages: Pages
  columns: ColumnKey[]
  sort: ArticleSortKey
  direction: 'asc' | 'desc'
  onSort: (sort: ArticleSortKey) => void
  picked: Picked
  setPicked: (p: Picked) => void
  /** in a collection sorted by its own order: move rows by drag or Alt+Arrow */
  onMove?: (uids: string[], before: string | null) => void
  onTrash?: (uids: string[]) => void
}

/**
 * The library table: rows rendered only on screen, pages fetched as it scrolls. Click selects,
 * Ctrl/Cmd-click toggles, Shift-click extends; arrows move, Shift+arrows extend, Space toggles,
 * Enter opens, Ctrl/Cmd+A selects everything the filter shows, Escape clears, Delete trashes.
 */
export function LibraryTable(props: Props) {
  const { pages, columns, picked, setPicked } = props
  const { t } = useI18n()
  const scroller = useRef<HTMLDivElement>(null)
  const [focus, setFocus] = useState(0)
  const anchor = useRef(0)
  const items = pages.items
  const template = columns.map((c) => COLUMNS[c].width).join(' ')

  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW,
    overscan: 15,
    initialOffset: () => rememberedScroll(props.scope)
  })
  const virtual = virtualizer.getVirtualItems()
  const last = virtual.at(-1)?.index ?? 0
  useEffect(() => {
    if (!pages.done && last >= items.length - 60) pages.loadMore()
  }, [last, items.length, pages])

  // back where it was: the rows come from the data layer's cache, so the offset is valid at once
  const restored = useRef(false)
  useEffect(() => {
    if (restored.current || items.length === 0) return
    restored.current = true
    const top = rememberedScroll(props.scope)
    if (top > 0) virtualizer.scrollToOffset(top)
  }, [items.length, props.scope, virtualizer])

  const range = (a: number, b: number): string[] =>
    items.slice(Math.min(a, b), Math.max(a, b) + 1).map((i) => i.uid)

  const moveFocus = (to: number, extend: boolean): void => {
    const next = Math.max(0, Math.min(items.length - 1, to))
    setFocus(next)
    virtualizer.scrollToIndex(next)
    if (extend) setPicked(only(range(anchor.current, next)))
    else anchor.current = next
    scroller.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus()
  }

  const onClick = (e: MouseEvent, index: number): void => {
    const uid = items[index].uid
    if (e.shiftKey) setPicked(only(range(anchor.current, index)))
    else if (e.ctrlKey || e.metaKey) setPicked(toggle(picked, uid))
    else setPicked(only([uid]))
    if (!e.shiftKey) anchor.current = index
    setFocus(index)
  }

  const onKeyDown = (e: KeyboardEvent): void => {
    const mod = e.ctrlKey || e.metaKey
    const item = items[focus]
    if (e.code === 'KeyA' && mod) setPicked({ all: true, except: new Set() })
    else if (e.code === 'Escape') setPicked(NONE)
    else if (e.code === 'ArrowDown' && e.altKey && props.onMove && item)
      props.onMove([item.uid], items[focus + 2]?.uid ?? null)
    else if (e.code === 'ArrowUp' && e.altKey && props.onMove && item && focus > 0)
      props.onMove([item.uid], items[focus - 1].uid)
    else if (e.code === 'ArrowDown') moveFocus(focus + 1, e.shiftKey)
    else if (e.code === 'ArrowUp') moveFocus(focus - 1, e.shiftKey)
    else if (e.code === 'Home') moveFocus(0, e.shiftKey)
    else if (e.code === 'End') moveFocus(items.length - 1, e.shiftKey)
    else if (e.code === 'Space' && item) setPicked(toggle(picked, item.uid))
    else if (e.code === 'Enter' && item) navigate({ name: 'article', uid: item.uid })
    else if (e.code === 'Delete' && item && props.onTrash) props.onTrash(dragged(item.uid))
    else return
    e.preventDefault()
  }

  /** The rows a drag (or Delete) carries: the selection when the row is in it, else the row. */
  const dragged = (uid: string): string[] =>
    !picked.all && picked.uids.has(uid) ? [...picked.uids] : [uid]

  return (
    <div
      className="lib-table"
      role="grid"
      aria-label={t('library')}
      aria-rowcount={pages.total}
      aria-multiselectable="true"
      onKeyDown={onKeyDown}
    >
      <div className="lib-row lib-head" role="row" style={{ gridTemplateColumns: template }}>
        {columns.map((key) => {
          const sortKey = COLUMNS[key].sort
          const active = sortKey !== undefined && sortKey === props.sort
          return (
            <div
              key={key}
              role="columnheader"
              aria-sort={active ? (props.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
            >
              {sortKey ? (
                <button
                  type="button"
                  data-testid={`sort-${key}`}
                  onClick={() => props.onSort(sortKey)}
                >
                  {t(COLUMNS[key].label)} {active ? (props.direction === 'asc' ? '▲' : '▼') : ''}
                </button>
              ) : (
                <span>{t(COLUMNS[key].label)}</span>
              )}
            </div>
          )
        })}
      </div>
      <div
        className="lib-scroller"
        ref={scroller}
        data-testid="lib-scroller"
        onScroll={(e) => rememberScroll(props.scope, e.currentTarget.scrollTop)}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtual.map((row) => {
            const item: ArticleSummary = items[row.index]
            const selected = isPicked(picked, item.uid)
            return (
              <div
                key={item.uid}
                role="row"
                data-index={row.index}
                data-testid="library-row"
                aria-selected={selected}
                tabIndex={row.index === focus ? 0 : -1}
                className={`lib-row${selected ? ' selected' : ''}`}
                style={{ gridTemplateColumns: template, transform: `translateY(${row.start}px)` }}
                draggable
                onDragStart={(e) => {
                  e.dataTransfer.setData(DRAG_TYPE, JSON.stringify(dragged(item.uid)))
                  e.dataTransfer.effectAllowed = 'copyMove'
                }}
                onDragOver={(e) => {
                  if (props.onMove && e.dataTransfer.types.includes(DRAG_TYPE)) e.preventDefault()
                }}
                onDrop={(e) => {
                  const data = e.dataTransfer.getData(DRAG_TYPE)
                  if (!props.onMove || !data) return
                  e.preventDefault()
                  props.onMove(JSON.parse(data) as string[], item.uid)
                }}
                onClick={(e) => onClick(e, row.index)}
                onDoubleClick={() => navigate({ name: 'article', uid: item.uid })}
              >
                {columns.map((key) => (
                  <Cell key={key} column={key} item={item} />
                ))}
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}
