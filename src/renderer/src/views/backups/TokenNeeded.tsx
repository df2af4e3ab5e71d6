import { catalogue, type Locale } from '../../i18n/catalogue'

const BOTH: Locale[] = ['ar', 'en']

/**
 * The page the browser host shows when it refused this tab's token: opened without the printed
 * URL, or kept open across a restart of `warraq serve`. In both languages at once, since the
 * reader may not be the one who chose the language.
 */
export function TokenNeeded() {
  return (
    <main className="recovery-page" data-testid="token-needed">
      <div className="recovery">
        {BOTH.map((locale) => (
          <section
            key={locale}
            className="recovery-section"
            lang={locale}
            dir={locale === 'ar' ? 'rtl' : 'ltr'}
          >
            <h1 dir="auto">{catalogue[locale].tokenNeededTitle}</h1>
            <p className="lead" dir="auto">
              {catalogue[locale].tokenNeededBody}
            </p>
            <p dir="ltr">
              <code>http://127.0.0.1:…/?token=…</code>
            </p>
          </section>
        ))}
      </div>
    </main>
  )
}
