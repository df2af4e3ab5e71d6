import { Library } from './library/Library'

/** The whole library, or the trash; see library/Library.tsx. */
export function LibraryView({ trash = false }: { trash?: boolean }) {
  return <Library key={trash ? 'trash' : 'library'} trash={trash} />
}
