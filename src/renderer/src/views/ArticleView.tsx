import { Workspace } from './workspace/Workspace'

/**
 * The reader: the article's text (one paragraph per line, each with its own direction) with its
 * highlights, beside its details, annotations, passages needing review and history.
 */
export function ArticleView({ uid, annotation }: { uid: string; annotation?: string }) {
  return <Workspace uid={uid} editable={false} annotation={annotation} />
}
