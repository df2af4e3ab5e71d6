/**
 * The contract between the renderer and the archive: each call declared once. The IPC binding,
 * the preload allow-list, the HTTP routes and the renderer client all derive from `contract`.
 * How to add a call: see README.md in this folder.
 */
import { z } from 'zod'
import type { Article } from '../domain'
import type { ArticlePage, RevisionSummary } from '../domain-lists'
import type { Annotation, AnnotationSearchResult } from './annotations'
import {
  AnnotationCreateInput,
  AnnotationListInput,
  AnnotationSearchInput,
  AnnotationUpdateInput
} from './annotations'
import { EmptyInput, type ArchiveStats } from './archive'
import {
  ArticleFromBackupInput,
  BackupRestoreInput,
  type BackupInfo,
  type BackupList,
  type CheckResult,
  type RestoreResult
} from './backups'
import {
  ArticleCreateInput,
  ArticleListInput,
  ArticleUpdateInput,
  RevisionRestoreInput,
  UidInput
} from './articles'
import { call } from './define'
import { VariantAddInput, VariantIdInput, VariantUpdateInput, type VariantGroup } from './variants'
import {
  EntityCreateInput,
  EntityLinkInput,
  EntityListInput,
  EntityMergeInput,
  EntityPageInput,
  EntityUpdateInput,
  type Entity,
  type EntityPage
} from './entities'
import {
  BulkApplyInput,
  BulkUndoInput,
  SelectionInput,
  type BulkOperationSummary,
  type BulkResult,
  type BulkUndoResult
} from './bulk'
import {
  CollectionArticlesInput,
  CollectionCreateInput,
  CollectionMoveInput,
  CollectionUpdateInput,
  type Collection
} from './collections'
import type { Sidebar } from './library'
import { SavedSearchCreateInput, SavedSearchUpdateInput, type SavedSearch } from './saved-searches'
import { TagCreateInput, TagMergeInput, TagNameInput, TagUpdateInput, type Tag } from './tags'
import {
  DuplicatesListInput,
  DuplicatesResolveInput,
  OriginalGetInput,
  type DuplicateList,
  type DuplicateResolution,
  type OriginalFile
} from './duplicates'
import {
  ImportFilesInput,
  ImportPreviewInput,
  ImportReportInput,
  type ImportPreview,
  type ImportReportItem,
  type ImportStopResult,
  type ImportSummary,
  type UploadProgress
} from './imports'
import {
  ExportPreviewInput,
  ExportToFileInput,
  ExportDefaultPathInput,
  type ExportPreview,
  type ExportResult
} from './exports'
import {
  DesktopExportInput,
  DesktopImportInput,
  DesktopImportMappedInput,
  DesktopLanguageInput,
  DesktopPreviewInput,
  type DesktopAvailability,
  type DesktopChoice,
  type DesktopImportProgress,
  type DesktopImportResult,
  type Language
} from './desktop'
import { RecoveryRestoreInput, RecoveryStartEmptyInput, type ArchiveStatus } from './recovery'
import type { Snapshot } from './snapshot'
import {
  FindInArticleInput,
  SearchInput,
  type FindInArticleResult,
  type SearchResult
} from './search'

export const contract = {
  'articles.create': call<Article>()(ArticleCreateInput),
  'articles.get': call<Article>()(UidInput),
  'articles.update': call<Article>()(ArticleUpdateInput),
  'articles.list': call<ArticlePage>()(ArticleListInput),
  'articles.delete': call<Article>()(UidInput),
  'articles.restore': call<Article>()(UidInput),
  'articles.emptyTrash': call<{ removed: number }>()(z.object({ confirm: z.literal(true) })),
  'articles.revisions': call<RevisionSummary[]>()(UidInput),
  'articles.revision': call<Snapshot>()(RevisionRestoreInput),
  'articles.restoreRevision': call<Article>()(RevisionRestoreInput),
  'annotations.create': call<Annotation>()(AnnotationCreateInput),
  'annotations.list': call<Annotation[]>()(AnnotationListInput),
  'annotations.update': call<Annotation>()(AnnotationUpdateInput),
  'annotations.delete': call<{ uid: string }>()(UidInput),
  'annotations.search': call<AnnotationSearchResult>()(AnnotationSearchInput),
  'search.query': call<SearchResult>()(SearchInput),
  'search.findInArticle': call<FindInArticleResult>()(FindInArticleInput),
  'archive.stats': call<ArchiveStats>()(EmptyInput),
  'entities.list': call<Entity[]>()(EntityListInput),
  'entities.get': call<Entity>()(UidInput),
  'entities.create': call<Entity>()(EntityCreateInput),
  'entities.update': call<Entity>()(EntityUpdateInput),
  'export.preview': call<ExportPreview>()(ExportPreviewInput),
  'export.toFile': call<ExportResult>()(ExportToFileInput),
  'export.defaultPath': call<{ path: string }>()(ExportDefaultPathInput),
  'archive.check': call<CheckResult>()(EmptyInput),
  'backups.list': call<BackupList>()(EmptyInput),
  'backups.create': call<BackupInfo>()(EmptyInput),
  'backups.restore': call<RestoreResult>()(BackupRestoreInput),
  'articles.restoreFromBackup': call<Article>()(ArticleFromBackupInput),
  'archive.status': call<ArchiveStatus>()(EmptyInput),
  'recovery.restore': call<ArchiveStatus>()(RecoveryRestoreInput),
  'recovery.startEmpty': call<ArchiveStatus>()(RecoveryStartEmptyInput),
  'import.files': call<ImportSummary>()(ImportFilesInput),
  'import.previewFields': call<ImportPreview>()(ImportPreviewInput),
  /** how far the running `import.files` call has got, records within one big file included */
  'import.progress': call<UploadProgress>()(EmptyInput),
  /** stops the running `import.files` calls at their next chunk; what landed stays, reported */
  'import.stop': call<ImportStopResult>()(EmptyInput),
  'import.reports': call<ImportReportItem[]>()(EmptyInput),
  'import.report': call<ImportSummary>()(ImportReportInput),
  'duplicates.list': call<DuplicateList>()(DuplicatesListInput),
  'duplicates.resolve': call<DuplicateResolution>()(DuplicatesResolveInput),
  'originals.get': call<OriginalFile>()(OriginalGetInput),
  'entities.merge': call<Entity>()(EntityMergeInput),
  'entities.link': call<{ linked: number }>()(EntityLinkInput),
  'entities.unlink': call<{ unlinked: number }>()(EntityLinkInput),
  'entities.page': call<EntityPage>()(EntityPageInput),
  'collections.list': call<Collection[]>()(EmptyInput),
  'collections.create': call<Collection>()(CollectionCreateInput),
  'collections.update': call<Collection>()(CollectionUpdateInput),
  'collections.delete': call<{ uid: string }>()(UidInput),
  'collections.add': call<{ added: number }>()(CollectionArticlesInput),
  'collections.remove': call<{ removed: number }>()(CollectionArticlesInput),
  'collections.move': call<{ moved: number }>()(CollectionMoveInput),
  'tags.list': call<Tag[]>()(EmptyInput),
  'tags.create': call<Tag>()(TagCreateInput),
  'tags.update': call<Tag>()(TagUpdateInput),
  'tags.merge': call<Tag>()(TagMergeInput),
  'tags.delete': call<{ name: string }>()(TagNameInput),
  'bulk.apply': call<BulkResult>()(BulkApplyInput),
  'bulk.undo': call<BulkUndoResult>()(BulkUndoInput),
  'bulk.history': call<BulkOperationSummary[]>()(EmptyInput),
  'library.trash': call<{ trashed: number }>()(SelectionInput),
  'library.restore': call<{ restored: number }>()(SelectionInput),
  'library.sidebar': call<Sidebar>()(EmptyInput),
  'savedSearches.list': call<SavedSearch[]>()(EmptyInput),
  'savedSearches.create': call<SavedSearch>()(SavedSearchCreateInput),
  'savedSearches.update': call<SavedSearch>()(SavedSearchUpdateInput),
  'savedSearches.delete': call<{ uid: string }>()(UidInput),
  'desktop.available': call<DesktopAvailability>()(EmptyInput),
  'desktop.importChosen': call<DesktopChoice<DesktopImportResult>>()(DesktopImportInput),
  /** the fields and first records of a file of the last desktop import, by the handle main gave */
  'desktop.previewFields': call<ImportPreview>()(DesktopPreviewInput),
  /** that file imported again with a field mapping */
  'desktop.importMapped': call<DesktopImportResult>()(DesktopImportMappedInput),
  'desktop.importProgress': call<DesktopImportProgress>()(EmptyInput),
  /** stops the running desktop import between two files; what landed stays, reported */
  'desktop.importCancel': call<{ cancelled: boolean }>()(EmptyInput),
  'desktop.exportChosen': call<DesktopChoice<ExportResult>>()(DesktopExportInput),
  'desktop.backupChosen': call<DesktopChoice<BackupInfo>>()(EmptyInput),
  'desktop.restoreChosen': call<DesktopChoice<RestoreResult>>()(EmptyInput),
  'desktop.setLanguage': call<{ language: Language }>()(DesktopLanguageInput),
  'variants.list': call<VariantGroup[]>()(EmptyInput),
  'variants.add': call<VariantGroup>()(VariantAddInput),
  'variants.update': call<VariantGroup>()(VariantUpdateInput),
  'variants.remove': call<{ id: number }>()(VariantIdInput)
} as const

export type Contract = typeof contract
export type CallName = keyof Contract
export const CALL_NAMES = Object.keys(contract) as CallName[]

export type CallInput<K extends CallName> = z.input<Contract[K]['input']>
export type ParsedInput<K extends CallName> = z.output<Contract[K]['input']>
export type CallOutput<K extends CallName> = NonNullable<Contract[K]['output']>

/** What the main side implements: one function per call, given validated input. */
export type Handlers = {
  [K in CallName]: (input: ParsedInput<K>) => CallOutput<K> | Promise<CallOutput<K>>
}

/** What the renderer calls: one async function per call. */
export type Api = {
  [K in CallName]: (input: CallInput<K>) => Promise<CallOutput<K>>
}

export function isCallName(name: string): name is CallName {
  return Object.hasOwn(contract, name)
}
