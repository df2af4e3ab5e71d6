/** What the import feature adds to the app shell: sidebar links, its routes, the window drop. */
import { useI18n } from '../i18n/I18nProvider'
import type { Route } from '../router'
import { DuplicatesView } from './DuplicatesView'
import { ImportPage } from './ImportPage'
import { OriginalView } from './OriginalView'
import { ReportView } from './ReportView'
import { useWindowDrop } from './useWindowDrop'
import './import.css'

export function ImportNavLinks({ route }: { route: Route }) {
  const { t } = useI18n()
  const importing = route.name === 'import' || route.name === 'importReport'
  return (
    <>
      <a href="#/import" className={importing ? 'active' : ''} data-testid="nav-import">
        {t('navImport')}
      </a>
      <a
        href="#/duplicates"
        className={route.name === 'duplicates' ? 'active' : ''}
        data-testid="nav-duplicates"
      >
        {t('navDuplicates')}
      </a>
    </>
  )
}

export function ImportRoutes({ route }: { route: Route }) {
  switch (route.name) {
    case 'import':
      return <ImportPage />
    case 'importReport':
      return <ReportView key={route.uid} uid={route.uid} />
    case 'duplicates':
      return <DuplicatesView />
    case 'original':
      return <OriginalView key={route.uid} uid={route.uid} />
    default:
      return null
  }
}

/** Listens for files dropped on the window and shows where they will go while dragging. */
export function DropOverlay() {
  const { t } = useI18n()
  const over = useWindowDrop()
  if (!over) return null
  return (
    <div className="drop-overlay" aria-hidden="true">
      <p>{t('importDropHere')}</p>
    </div>
  )
}
