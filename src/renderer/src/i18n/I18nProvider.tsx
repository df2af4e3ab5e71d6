import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode
} from 'react'
import type { MessageParams } from '@shared/errors'
import { api } from '../api/client'
import { inDesktop } from '../api/desktop'
import {
  formatDate,
  formatDateTime,
  formatMessage,
  formatNumber,
  formatPublished,
  localeTag,
  localiseDigits,
  type Digits
} from './format'
import { isMessageKey, messages, type Locale, type MessageKey } from './messages'

interface I18n {
  locale: Locale
  dir: 'rtl' | 'ltr'
  /** the BCP 47 tag for `Intl`, with the digit choice: `ar-u-nu-arab`, `ar-u-nu-latn`, `en-GB` */
  tag: string
  digits: Digits
  t: (key: MessageKey, params?: MessageParams) => string
  /** a key that came as data (an error's, a reason's): its message, or undefined if unknown */
  tryT: (key: string, params?: MessageParams) => string | undefined
  number: (value: number) => string
  /** a text's Western digits in the interface's digits, the rest unchanged (ISO dates) */
  digitsIn: (text: string) => string
  /** a publication date (ISO, to its precision) as people write it */
  published: (iso: string, precision?: string | null) => string
  dateTime: (value: string | number | Date) => string
  date: (value: string | number | Date) => string
  toggleLocale: () => void
  setDigits: (digits: Digits) => void
}

const I18nContext = createContext<I18n | null>(null)
const LOCALE_KEY = 'warraq.locale'
const DIGITS_KEY = 'warraq.digits'

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocale] = useState<Locale>(() =>
    localStorage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'ar'
  )
  const [digits, setDigitsState] = useState<Digits>(() =>
    localStorage.getItem(DIGITS_KEY) === 'latn' ? 'latn' : 'arab'
  )
  const dir: 'rtl' | 'ltr' = locale === 'ar' ? 'rtl' : 'ltr'
  const tag = localeTag(locale, digits)
  useEffect(() => {
    document.documentElement.lang = locale
    document.documentElement.dir = dir
    localStorage.setItem(LOCALE_KEY, locale)
    // the desktop app's menu follows the interface language
    if (inDesktop) api['desktop.setLanguage']({ language: locale }).catch(() => undefined)
  }, [locale, dir])
  const t = useCallback(
    (key: MessageKey, params?: MessageParams) => formatMessage(tag, messages[locale][key], params),
    [locale, tag]
  )
  const tryT = useCallback(
    (key: string, params?: MessageParams) =>
      isMessageKey(key) ? formatMessage(tag, messages[locale][key], params) : undefined,
    [locale, tag]
  )
  const number = useCallback((value: number) => formatNumber(tag, value), [tag])
  const digitsIn = useCallback((text: string) => localiseDigits(tag, text), [tag])
  const published = useCallback(
    (iso: string, precision?: string | null) => formatPublished(tag, iso, precision),
    [tag]
  )
  const dateTime = useCallback((value: string | number | Date) => formatDateTime(tag, value), [tag])
  const date = useCallback((value: string | number | Date) => formatDate(tag, value), [tag])
  const toggleLocale = useCallback(() => setLocale((l) => (l === 'ar' ? 'en' : 'ar')), [])
  const setDigits = useCallback((d: Digits) => {
    localStorage.setItem(DIGITS_KEY, d)
    setDigitsState(d)
  }, [])
  const value = useMemo<I18n>(
    () => ({
      locale,
      dir,
      tag,
      digits,
      t,
      tryT,
      number,
      digitsIn,
      published,
      dateTime,
      date,
      toggleLocale,
      setDigits
    }),
    [
      locale,
      dir,
      tag,
      digits,
      t,
      tryT,
      number,
      digitsIn,
      published,
      dateTime,
      date,
      toggleLocale,
      setDigits
    ]
  )
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  const value = useContext(I18nContext)
  if (!value) throw new Error('useI18n outside I18nProvider')
  return value
}
