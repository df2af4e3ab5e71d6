import type { Collection } from './collections'
import type { SavedSearch } from './saved-searches'
import type { Tag } from './tags'

/** Everything the sidebar shows, with its counts, from one call. */
export interface Sidebar {
  library: number
  trash: number
  duplicates: number
  collections: Collection[]
  tags: Tag[]
  entities: { person: number; place: number; organisation: number }
  savedSearches: SavedSearch[]
}
