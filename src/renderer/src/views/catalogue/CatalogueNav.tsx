import { useState, type DragEvent, type ReactNode } from 'react'
import { change } from '../../data/calls'
import { useI18n } from '../../i18n/I18nProvider'
import { hrefFor, type Route } from '../../router'
import { DRAG_TYPE } from '../library/selection'
import { useSidebar } from './useSidebar'
import '../../styles/sidebar.css'

function Item(props: {
  href: string
  active: boolean
  /** null: the count could not be made (a saved search over a limit); shown as such */
  count?: number | null
  countTitle?: string
  children: ReactNode
  depth?: number
  testId?: string
  onDrop?: (uids: string[]) => void
}) {
  const { number } = useI18n()
  const [over, setOver] = useState(false)
  const drop = props.onDrop
  return (
    <a
      href={props.href}
      className={`side-item${props.active ? ' active' : ''}${over ? ' drop' : ''}`}
      style={{ paddingInlineStart: `${0.6 + (props.depth ?? 0) * 0.9}rem` }}
      data-testid={props.testId}
      onDragOver={(e: DragEvent) => {
        if (drop && e.dataTransfer.types.includes(DRAG_TYPE)) {
          e.preventDefault()
          setOver(true)
        }
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e: DragEvent) => {
        setOver(false)
        const data = e.dataTransfer.getData(DRAG_TYPE)
        if (!drop || !data) return
        e.preventDefault()
        drop(JSON.parse(data) as string[])
      }}
    >
      <span className="side-label">{props.children}</span>
      {props.count === null ? (
        <span className="side-count" title={props.countTitle} dir="auto">
          ⚠
        </span>
      ) : props.count !== undefined ? (
        // the raw number rides in data-count; the text is in the interface's digits
        <span className="side-count" data-count={props.count}>
          {number(props.count)}
        </span>
      ) : null}
    </a>
  )
}

/** Library, trash, collections (drop targets), tags, entities, saved searches, with counts. */
export function CatalogueNav({ route }: { route: Route }) {
  const { t } = useI18n()
  const data = useSidebar()
  const [naming, setNaming] = useState(false)
  const [name, setName] = useState('')
  const at = (view: string, id = ''): boolean =>
    route.name === 'catalogue' && route.view === view && (id === '' || route.id === id)
  const href = (view: 'collection' | 'tag' | 'tags' | 'entities' | 'entity' | 'saved', id = '') =>
    hrefFor({ name: 'catalogue', view, id })
  return (
    <div className="side-catalogue">
      <Item href="#/" active={route.name === 'library'} count={data?.library} testId="nav-library">
        {t('library')}
      </Item>
      <Item href="#/trash" active={route.name === 'trash'} count={data?.trash} testId="nav-trash">
        {t('trash')}
      </Item>
      <h2 className="side-heading">
        {t('collections')}
        <button
          type="button"
          aria-label={t('libNewCollection')}
          data-testid="new-collection"
          onClick={() => setNaming(true)}
        >
          +
        </button>
      </h2>
      {naming ? (
        <form
          className="side-form"
          onSubmit={(e) => {
            e.preventDefault()
            if (!name.trim()) return setNaming(false)
            void change('collections.create', { name }).then((made) => {
              if (!made) return
              setName('')
              setNaming(false)
            })
          }}
        >
          <input
            dir="auto"
            name="collection-name"
            autoFocus
            aria-label={t('libCollectionName')}
            placeholder={t('libCollectionName')}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </form>
      ) : null}
      {data?.collections.map((c) => (
        <Item
          key={c.uid}
          href={href('collection', c.uid)}
          active={at('collection', c.uid)}
          count={c.articleCount}
          depth={c.parent ? 1 : 0}
          testId="nav-collection"
          onDrop={(uids) => void change('collections.add', { uid: c.uid, articles: uids })}
        >
          <bdi dir="auto">{c.name}</bdi>
        </Item>
      ))}
      <h2 className="side-heading">
        <a href={href('tags')} data-testid="nav-tags">
          {t('tags')}
        </a>
      </h2>
      {data?.tags.slice(0, 40).map((tag) => {
        // a child shows its last segment under its parent; without the parent, its whole path
        const parent = tag.name.split('/').slice(0, -1).join('/')
        const nested = parent !== '' && data.tags.some((x) => x.name === parent)
        return (
          <Item
            key={tag.name}
            href={href('tag', tag.name)}
            active={at('tag', tag.name)}
            count={tag.articleCount}
            depth={nested ? tag.name.split('/').length - 1 : 0}
          >
            {tag.color ? <span className="tag-dot" style={{ background: tag.color }} /> : null}
            <bdi dir="auto">{nested ? tag.name.split('/').at(-1) : tag.name}</bdi>
          </Item>
        )
      })}
      <Item href={href('tags')} active={at('tags')} testId="nav-manage-tags">
        <span className="side-manage">{t('tagsManage')}</span>
      </Item>
      <h2 className="side-heading">
        <a href={href('entities')} data-testid="nav-entities">
          {t('libEntities')}
        </a>
      </h2>
      {(['person', 'place', 'organisation'] as const).map((kind) => (
        <Item
          key={kind}
          href={href('entities', kind)}
          active={at('entities', kind)}
          count={data?.entities[kind]}
        >
          {t(kind === 'person' ? 'libPeople' : kind === 'place' ? 'libPlaces' : 'libOrganisations')}
        </Item>
      ))}
      <h2 className="side-heading">{t('libSavedSearches')}</h2>
      {data?.savedSearches.map((s) => (
        <Item
          key={s.uid}
          href={href('saved', s.uid)}
          active={at('saved', s.uid)}
          count={s.count}
          countTitle={s.problem ? t('savedSearchUncountable') : undefined}
          testId="nav-saved"
        >
          <bdi dir="auto">{s.name}</bdi>
        </Item>
      ))}
    </div>
  )
}
