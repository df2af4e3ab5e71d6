import { useEffect, useState } from 'react'

export type Route =
  | { name: 'library' }
  | { name: 'trash' }
  | { name: 'search'; query: string }
  | { name: 'article'; uid: string; annotation?: string; find?: string }
  | { name: 'annotations' }
  | { name: 'edit'; uid: string }
  | { name: 'new' }
  | { name: 'backups' }
  | { name: 'variants' }
  | { name: 'export'; selection: string }
  | { name: 'import' }
  | { name: 'importReport'; uid: string }
  | { name: 'duplicates' }
  | { name: 'original'; uid: string }
  | { name: 'catalogue'; view: CatalogueView; id: string }

/** The cataloguing views (views/catalogue): `#/c/<view>/<id>`. */
export type CatalogueView = 'collection' | 'tag' | 'tags' | 'entities' | 'entity' | 'saved'
const CATALOGUE_VIEWS: readonly string[] = [
  'collection',
  'tag',
  'tags',
  'entities',
  'entity',
  'saved'
]

/** Routes live in the hash, so reloads and the browser host's back button keep the place. */
export function parseRoute(hash: string): Route {
  const [path, queryString = ''] = hash.replace(/^#/, '').split('?')
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent)
  const params = new URLSearchParams(queryString)
  if (parts[0] === 'article' && parts[1])
    return parts[2] === 'edit'
      ? { name: 'edit', uid: parts[1] }
      : {
          name: 'article',
          uid: parts[1],
          annotation: params.get('annotation') ?? undefined,
          find: params.get('find') ?? undefined
        }
  if (parts[0] === 'new') return { name: 'new' }
  if (parts[0] === 'backups') return { name: 'backups' }
  if (parts[0] === 'variants') return { name: 'variants' }
  // the selection to export, as JSON (see ExportSelection): all, collection, saved search, query
  if (parts[0] === 'export') return { name: 'export', selection: params.get('sel') ?? '' }
  if (parts[0] === 'import')
    return parts[1] === 'report' && parts[2]
      ? { name: 'importReport', uid: parts[2] }
      : { name: 'import' }
  if (parts[0] === 'duplicates') return { name: 'duplicates' }
  if (parts[0] === 'original' && parts[1]) return { name: 'original', uid: parts[1] }
  if (parts[0] === 'trash') return { name: 'trash' }
  if (parts[0] === 'c' && CATALOGUE_VIEWS.includes(parts[1] ?? ''))
    return { name: 'catalogue', view: parts[1] as CatalogueView, id: parts.slice(2).join('/') }
  if (parts[0] === 'annotations') return { name: 'annotations' }
  if (parts[0] === 'search') return { name: 'search', query: params.get('q') ?? '' }
  return { name: 'library' }
}

/** `?annotation=…` scrolls to an annotation; `?find=…` opens in-article find with the query. */
function articleParams(route: { annotation?: string; find?: string }): string {
  const params = new URLSearchParams()
  if (route.annotation) params.set('annotation', route.annotation)
  if (route.find) params.set('find', route.find)
  const text = params.toString()
  return text ? `?${text}` : ''
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'article':
      return `#/article/${encodeURIComponent(route.uid)}${articleParams(route)}`
    case 'annotations':
      return '#/annotations'
    case 'edit':
      return `#/article/${encodeURIComponent(route.uid)}/edit`
    case 'new':
      return '#/new'
    case 'backups':
      return '#/backups'
    case 'variants':
      return '#/variants'
    case 'export':
      return route.selection ? `#/export?sel=${encodeURIComponent(route.selection)}` : '#/export'
    case 'import':
      return '#/import'
    case 'importReport':
      return `#/import/report/${encodeURIComponent(route.uid)}`
    case 'duplicates':
      return '#/duplicates'
    case 'original':
      return `#/original/${encodeURIComponent(route.uid)}`
    case 'trash':
      return '#/trash'
    case 'catalogue':
      return `#/c/${route.view}${route.id ? `/${route.id.split('/').map(encodeURIComponent).join('/')}` : ''}`
    case 'search':
      return `#/search?q=${encodeURIComponent(route.query)}`
    default:
      return '#/'
  }
}

export function navigate(route: Route, replace = false): void {
  const href = hrefFor(route)
  if (replace) window.history.replaceState(null, '', href)
  else window.location.hash = href
  if (replace) window.dispatchEvent(new HashChangeEvent('hashchange'))
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash))
  useEffect(() => {
    const onChange = (): void => setRoute(parseRoute(window.location.hash))
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return route
}
