import type { Handlers } from '@shared/contract'
import { searchAnnotations } from '../annotations/search'
import * as annotations from '../annotations/service'
import * as articles from '../articles/service'
import { backupHandlers } from '../backup/api'
import type { Archive } from '../db/open'
import * as entities from '../entities/service'
import { listDuplicates } from '../duplicates/list'
import { resolveDuplicate } from '../duplicates/resolve'
import { getOriginal } from '../import/originals'
import { getReport, listReports } from '../import/reports'
import { uploadHandlers } from '../import/service'
import { defaultExportPath, exportPreview, exportToFile } from '../export/service'
import { findInArticle, searchArticles } from '../search/service'
import { archiveStats } from '../stats'
import { noDesktopHandlers } from './desktop'
import { guardWrites } from './in-place'
import { openStatusHandlers } from './status'
import * as bulk from '../bulk/service'
import * as collections from '../collections/service'
import * as entityPages from '../entities/page'
import { articleIdsByUid } from '../library/ids'
import * as library from '../library/service'
import * as saved from '../saved-searches/service'
import * as tags from '../tags/service'
import { scheduleReindex } from '../search/reindex-queue'
import { addVariant, listVariants, removeVariant, updateVariant } from '../search/variants'

/** Binds every call of the contract to the core service that does it. */
export function createHandlers(archive: Archive): Handlers {
  // articles left in the re-index queue by a bulk edit before the last exit
  scheduleReindex(archive)
  return guardWrites(archive, {
    'articles.create': (input) => articles.createArticle(archive, input),
    'articles.get': ({ uid }) => articles.getArticle(archive, uid),
    'articles.update': (input) => articles.updateArticle(archive, input),
    'articles.list': (input) => articles.listArticles(archive, input),
    'articles.delete': ({ uid }) => articles.trashArticle(archive, uid),
    'articles.restore': ({ uid }) => articles.restoreArticle(archive, uid),
    'articles.emptyTrash': () => ({ removed: articles.emptyTrash(archive) }),
    'articles.revisions': ({ uid }) => articles.listRevisions(archive, uid),
    'articles.revision': ({ uid, version }) => articles.getRevision(archive, uid, version),
    'articles.restoreRevision': ({ uid, version }) =>
      articles.restoreRevision(archive, uid, version),
    'annotations.create': (input) => annotations.createAnnotation(archive, input),
    'annotations.list': ({ articleUid }) => annotations.listAnnotations(archive, articleUid),
    'annotations.update': (input) => annotations.updateAnnotation(archive, input),
    'annotations.delete': ({ uid }) => annotations.deleteAnnotation(archive, uid),
    'annotations.search': (input) => searchAnnotations(archive, input),
    'search.query': (input) => searchArticles(archive, input),
    'search.findInArticle': ({ uid, query }) => findInArticle(archive, uid, query),
    'archive.stats': () => archiveStats(archive),
    'entities.list': (input) => entities.listEntities(archive, input),
    'entities.get': ({ uid }) => entities.getEntity(archive, uid),
    'entities.create': (input) => entities.createEntity(archive, input),
    'entities.update': (input) => entities.updateEntity(archive, input),
    'export.preview': (input) => exportPreview(archive, input),
    'export.toFile': (input) => exportToFile(archive, input),
    'export.defaultPath': ({ format }) => ({ path: defaultExportPath(format) }),
    ...backupHandlers(archive),
    ...openStatusHandlers(archive),
    ...uploadHandlers(archive),
    'import.reports': () => listReports(archive),
    'import.report': ({ uid }) => getReport(archive, uid),
    'duplicates.list': ({ limit }) => listDuplicates(archive, limit),
    'duplicates.resolve': (input) => resolveDuplicate(archive, input),
    'originals.get': ({ articleUid, bytes }) => getOriginal(archive, articleUid, bytes),
    ...cataloguingHandlers(archive),
    ...noDesktopHandlers()
  })
}

type CataloguingCalls =
  | `${'collections' | 'tags' | 'bulk' | 'library' | 'savedSearches' | 'variants'}.${string}`
  | 'entities.merge'
  | 'entities.link'
  | 'entities.unlink'
  | 'entities.page'

/** Collections, tags, entity records, bulk edits, saved searches, the sidebar. */
function cataloguingHandlers(archive: Archive): Pick<Handlers, CataloguingCalls & keyof Handlers> {
  const ids = (uids: string[]) => articleIdsByUid(archive, uids)
  return {
    'entities.merge': ({ from, into }) => entityPages.mergeEntities(archive, from, into),
    'entities.link': ({ entity, articles }) => ({
      linked: entityPages.linkArticles(archive, entity, ids(articles))
    }),
    'entities.unlink': ({ entity, articles }) => ({
      unlinked: entityPages.unlinkArticles(archive, entity, ids(articles))
    }),
    'entities.page': ({ uid, limit }) => entityPages.entityPage(archive, uid, limit),
    'collections.list': () => collections.listCollections(archive),
    'collections.create': (input) => collections.createCollection(archive, input),
    'collections.update': (input) => collections.updateCollection(archive, input),
    'collections.delete': ({ uid }) => collections.deleteCollection(archive, uid),
    'collections.add': ({ uid, articles }) => ({
      added: collections.addToCollection(archive, uid, ids(articles))
    }),
    'collections.remove': ({ uid, articles }) => ({
      removed: collections.removeFromCollection(archive, uid, ids(articles))
    }),
    'collections.move': (input) => ({ moved: collections.moveInCollection(archive, input) }),
    'tags.list': () => tags.listTags(archive),
    'tags.create': (input) => tags.createTag(archive, input),
    'tags.update': (input) => tags.updateTag(archive, input),
    'tags.merge': ({ from, into }) => tags.mergeTags(archive, from, into),
    'tags.delete': ({ name }) => tags.deleteTag(archive, name),
    'bulk.apply': (input) => bulk.applyBulk(archive, input),
    'bulk.undo': ({ operation }) => bulk.undoBulk(archive, operation),
    'bulk.history': () => bulk.bulkHistory(archive),
    'library.trash': ({ selection }) => library.trashSelection(archive, selection),
    'library.restore': ({ selection }) => library.restoreSelection(archive, selection),
    'library.sidebar': () => library.sidebar(archive),
    'savedSearches.list': () => saved.listSavedSearches(archive),
    'savedSearches.create': (input) => saved.createSavedSearch(archive, input),
    'savedSearches.update': (input) => saved.updateSavedSearch(archive, input),
    'savedSearches.delete': ({ uid }) => saved.deleteSavedSearch(archive, uid),
    'variants.list': () => listVariants(archive),
    'variants.add': ({ words }) => addVariant(archive, words),
    'variants.update': ({ id, words }) => updateVariant(archive, id, words),
    'variants.remove': ({ id }) => removeVariant(archive, id)
  }
}
