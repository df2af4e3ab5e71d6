import { Workspace } from './workspace/Workspace'

/**
 * The reader: the article's text (one paragraph per line, each with its own direction) with its
 * highlights, beside its details, annotations, passages needing review and history.
 */
export function ArticleView({
  uid,
  annotation,
  find
}: {
  uid: string
  annotation?: string
  /** a search query: its hits are highlighted and the first one scrolled to */
  find?: string
}) {
  return <Workspace uid={uid} editable={false} annotation={annotation} find={find} />
}
