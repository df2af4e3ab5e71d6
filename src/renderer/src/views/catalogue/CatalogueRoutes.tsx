import type { Route } from '../../router'
import { Library } from '../library/Library'
import { CollectionHeading } from './CollectionHeading'
import { EntitiesView } from './EntitiesView'
import { EntityView } from './EntityView'
import { SavedSearchView } from './SavedSearchView'
import { TagsView } from './TagsView'

/** The cataloguing views of `#/c/<view>/<id>`. */
export function CatalogueRoutes({ route }: { route: Route }) {
  if (route.name !== 'catalogue') return null
  const { view, id } = route
  switch (view) {
    case 'collection':
      return <Library key={id} collection={id} heading={<CollectionHeading uid={id} />} />
    case 'tag':
      return (
        <Library
          key={id}
          tag={id}
          heading={
            <h1>
              <bdi dir="auto">{id}</bdi>
            </h1>
          }
        />
      )
    case 'tags':
      return <TagsView />
    case 'entities':
      return <EntitiesView key={id} kind={id} />
    case 'entity':
      return <EntityView key={id} uid={id} />
    case 'saved':
      return <SavedSearchView key={id} uid={id} />
  }
}
