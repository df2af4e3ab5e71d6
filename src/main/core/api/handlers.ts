import type { Handlers } from '@shared/contract'
import * as annotations from '../annotations/service'
import * as articles from '../articles/service'
import { backupHandlers } from '../backup/api'
import type { Archive } from '../db/open'
import * as entities from '../entities/service'
import { listDuplicates } from '../duplicates/list'
import { resolveDuplicate } from '../duplicates/resolve'
import { getOriginal } from '../import/originals'
import { getReport, listReports } from '../import/reports'
import { importUploaded } from '../import/service'
import { exportPreview, exportToFile } from '../export/service'
import { findInArticle, searchArticles } from '../search/service'
import { archiveStats } from '../stats'

/** Binds every call of the contract to the core service that does it. */
export function createHandlers(archive: Archive): Handlers {
  return {
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
    'search.query': (input) => searchArticles(archive, input),
    'search.findInArticle': ({ uid, query }) => findInArticle(archive, uid, query),
    'archive.stats': () => archiveStats(archive),
    'entities.list': (input) => entities.listEntities(archive, input),
    'entities.get': ({ uid }) => entities.getEntity(archive, uid),
    'entities.create': (input) => entities.createEntity(archive, input),
    'entities.update': (input) => entities.updateEntity(archive, input),
    'export.preview': (input) => exportPreview(archive, input),
    'export.toFile': (input) => exportToFile(archive, input),
    ...backupHandlers(archive),
    'import.files': (input) => importUploaded(archive, input),
    'import.reports': () => listReports(archive),
    'import.report': ({ uid }) => getReport(archive, uid),
    'duplicates.list': ({ limit }) => listDuplicates(archive, limit),
    'duplicates.resolve': (input) => resolveDuplicate(archive, input),
    'originals.get': ({ articleUid, bytes }) => getOriginal(archive, articleUid, bytes)
  }
}
