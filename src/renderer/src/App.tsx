import { useEffect, useRef, useState } from 'react'
import { Notices } from './components/Notices'
import { ViewBoundary } from './components/ViewBoundary'
import { useI18n } from './i18n/I18nProvider'
import { DropOverlay, ImportNavLinks, ImportRoutes } from './import/ImportShell'
import { navigate, useRoute } from './router'
import { ArticleForm } from './views/ArticleForm'
import { AnnotationsView } from './views/annotations/AnnotationsView'
import { BackupsView } from './views/backups/BackupsView'
import { VariantsView } from './views/VariantsView'
import { ExportView } from './views/export/ExportView'
import { ArticleView } from './views/ArticleView'
import { LibraryView } from './views/LibraryView'
import { CatalogueNav } from './views/catalogue/CatalogueNav'
import { CatalogueRoutes } from './views/catalogue/CatalogueRoutes'
import { SearchView } from './views/SearchView'
import { Workspace } from './views/workspace/Workspace'

/** The rules of the query language, beside the search box. */
function SearchHelp() {
  const { t } = useI18n()
  return (
    <details className="search-help" data-testid="search-help">
      <summary aria-label={t('searchHelpTitle')} title={t('searchHelpTitle')}>
        ?
      </summary>
      <div className="search-help-body" dir="auto">
        <strong>{t('searchHelpTitle')}</strong>
        {t('searchHelp')
          .split('\n')
          .map((line) => (
            <p key={line} dir="auto">
              {line}
            </p>
          ))}
      </div>
    </details>
  )
}

function SearchBox({ initial }: { initial: string }) {
  const { t } = useI18n()
  const [value, setValue] = useState(initial)
  const timer = useRef<number | undefined>(undefined)
  useEffect(() => setValue(initial), [initial])
  return (
    <input
      type="search"
      className="search-box"
      dir="auto"
      aria-label={t('search')}
      placeholder={t('searchPlaceholder')}
      value={value}
      onChange={(e) => {
        const next = e.target.value
        setValue(next)
        window.clearTimeout(timer.current)
        // search as you type, once typing pauses
        timer.current = window.setTimeout(
          () => navigate({ name: 'search', query: next }, true),
          200
        )
      }}
    />
  )
}

/**
 * Arabic-Indic (١٢٣) or Western (123) digits in the Arabic interface; the button shows the
 * digits it switches to. The English interface writes Western digits, so there it only says so.
 */
function DigitsToggle() {
  const { t, locale, digits, setDigits } = useI18n()
  const english = locale === 'en'
  const next = digits === 'arab' ? 'latn' : 'arab'
  const label = english
    ? t('digitsEnglishOnly')
    : t(next === 'latn' ? 'digitsToLatn' : 'digitsToArab')
  return (
    <button
      type="button"
      className="digits"
      data-testid="digits"
      data-digits={digits}
      aria-label={label}
      title={label}
      disabled={english}
      onClick={() => setDigits(next)}
    >
      {english || next === 'latn' ? '123' : '١٢٣'}
    </button>
  )
}

export function App() {
  const { t, toggleLocale } = useI18n()
  const route = useRoute()
  return (
    <div className="shell">
      <nav className="sidebar">
        <div className="brand">{t('appName')}</div>
        <CatalogueNav route={route} />
        <a
          href="#/annotations"
          className={route.name === 'annotations' ? 'active' : ''}
          data-testid="nav-annotations"
        >
          {t('allAnnotations')}
        </a>
        <ImportNavLinks route={route} />
        <a
          href="#/export"
          className={route.name === 'export' ? 'active' : ''}
          data-testid="nav-export"
        >
          {t('exportTitle')}
        </a>
        <a
          href="#/backups"
          className={route.name === 'backups' ? 'active' : ''}
          data-testid="nav-backups"
        >
          {t('backupsTitle')}
        </a>
        <a
          href="#/variants"
          className={route.name === 'variants' ? 'active' : ''}
          data-testid="nav-variants"
        >
          {t('variantsTitle')}
        </a>
        <a href="#/new" className="new-article" data-testid="new-article">
          {t('newArticle')}
        </a>
        <div className="locale-bar">
          <button type="button" className="locale" data-testid="locale" onClick={toggleLocale}>
            {t('language')}
          </button>
          <DigitsToggle />
        </div>
      </nav>
      <main className="content">
        <SearchBox initial={route.name === 'search' ? route.query : ''} />
        <SearchHelp />
        <ViewBoundary key={route.name}>
          {route.name === 'library' ? <LibraryView /> : null}
          {route.name === 'trash' ? <LibraryView trash /> : null}
          {route.name === 'search' ? <SearchView query={route.query} /> : null}
          {route.name === 'article' ? (
            <ArticleView
              key={route.uid}
              uid={route.uid}
              annotation={route.annotation}
              find={route.find}
            />
          ) : null}
          {route.name === 'annotations' ? <AnnotationsView /> : null}
          {route.name === 'edit' ? <Workspace key={route.uid} uid={route.uid} editable /> : null}
          {route.name === 'new' ? <ArticleForm /> : null}
          {route.name === 'backups' ? <BackupsView /> : null}
          {route.name === 'variants' ? <VariantsView /> : null}
          {route.name === 'export' ? <ExportView selection={route.selection} /> : null}
          <ImportRoutes route={route} />
          <CatalogueRoutes route={route} />
        </ViewBoundary>
      </main>
      <DropOverlay />
      <Notices />
    </div>
  )
}
