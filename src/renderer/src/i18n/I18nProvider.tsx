import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode
} from 'react'
import { api } from '../api/client'
import { inDesktop } from '../api/desktop'
import { catalogue, type Locale, type MessageKey } from './catalogue'

interface I18n {
  locale: Locale
  dir: 'rtl' | 'ltr'
  t: (key: MessageKey) => string
  toggleLocale: () => void
}

const I18nContext = createContext<I18n | null>(null)
const LOCALE_KEY = 'warraq.locale'

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocale] = useState<Locale>(() =>
    localStorage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'ar'
  )
  const dir = locale === 'ar' ? 'rtl' : 'ltr'
  useEffect(() => {
    document.documentElement.lang = locale
    document.documentElement.dir = dir
    localStorage.setItem(LOCALE_KEY, locale)
    // the desktop app's menu follows the interface language
    if (inDesktop) api['desktop.setLanguage']({ language: locale }).catch(() => undefined)
  }, [locale, dir])
  const t = useCallback((key: MessageKey) => catalogue[locale][key], [locale])
  const toggleLocale = useCallback(() => setLocale((l) => (l === 'ar' ? 'en' : 'ar')), [])
  const value = useMemo(
    () => ({ locale, dir, t, toggleLocale }) as const,
    [locale, dir, t, toggleLocale]
  )
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  const value = useContext(I18nContext)
  if (!value) throw new Error('useI18n outside I18nProvider')
  return value
}
