/**
 * Month and weekday names as Arabic news sources write them. Spellings are listed once in a
 * common written form; hamza, harakat, tatweel, alef maqsura and taa marbuta differences are
 * absorbed by folding (see normalize.ts), so `أبريل`, `إبريل` and `ابريل` are one entry.
 */
import { foldArabic } from './normalize'

/** Gregorian month names, index 0 = January, across the regional naming systems. */
const GREGORIAN_NAMES: readonly (readonly string[])[] = [
  // Egyptian/Gulf, Levantine/Iraqi, Maghrebi (Algeria/Tunisia), English
  ['يناير', 'كانون الثاني', 'كانون ثاني', 'جانفي', 'جانفييه', 'january', 'jan'],
  ['فبراير', 'شباط', 'فيفري', 'فيفرييه', 'february', 'feb'],
  ['مارس', 'آذار', 'march', 'mar'],
  ['أبريل', 'إبريل', 'نيسان', 'أفريل', 'april', 'apr'],
  ['مايو', 'أيار', 'ماي', 'may'],
  ['يونيو', 'يونيه', 'حزيران', 'جوان', 'june', 'jun'],
  // يوليوز is Moroccan
  ['يوليو', 'يوليه', 'يوليوز', 'تموز', 'جويلية', 'جويليه', 'july', 'jul'],
  // غشت is Moroccan, أوت Algerian/Tunisian
  ['أغسطس', 'آب', 'أوت', 'غشت', 'august', 'aug'],
  // شتنبر is Moroccan
  ['سبتمبر', 'أيلول', 'شتنبر', 'september', 'sept', 'sep'],
  ['أكتوبر', 'اكتوبر', 'تشرين الأول', 'تشرين أول', 'october', 'oct'],
  // نونبر is Moroccan
  ['نوفمبر', 'تشرين الثاني', 'تشرين ثاني', 'نونبر', 'november', 'nov'],
  // دجنبر is Moroccan
  ['ديسمبر', 'كانون الأول', 'كانون أول', 'دجنبر', 'december', 'dec']
]

/** Hijri month names, index 0 = Muharram; second Rabi' and Jumada have two names each. */
const HIJRI_NAMES: readonly (readonly string[])[] = [
  ['محرم', 'المحرم'],
  ['صفر'],
  ['ربيع الأول', 'ربيع أول'],
  ['ربيع الآخر', 'ربيع الثاني', 'ربيع ثاني', 'ربيع آخر'],
  ['جمادى الأولى', 'جمادى الأول', 'جمادى أولى'],
  ['جمادى الآخرة', 'جمادى الآخر', 'جمادى الثانية', 'جمادى الثاني', 'جمادى ثاني'],
  ['رجب'],
  ['شعبان'],
  ['رمضان'],
  ['شوال'],
  // ذي is the genitive form (في ذي القعدة)
  ['ذو القعدة', 'ذي القعدة'],
  ['ذو الحجة', 'ذي الحجة']
]

/** Weekday names, accepted before a date and ignored. */
const WEEKDAY_NAMES: readonly string[] = [
  'الأحد',
  'الاثنين',
  'الإثنين',
  'اثنين',
  'الثلاثاء',
  'الأربعاء',
  'الخميس',
  'الجمعة',
  'السبت',
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sun',
  'mon',
  'tue',
  'tues',
  'wed',
  'thu',
  'thur',
  'thurs',
  'fri',
  'sat'
]

function buildLookup(table: readonly (readonly string[])[]): Map<string, number> {
  const lookup = new Map<string, number>()
  table.forEach((names, index) => {
    for (const name of names) lookup.set(foldArabic(name), index + 1)
  })
  return lookup
}

const gregorianLookup = buildLookup(GREGORIAN_NAMES)
const hijriLookup = buildLookup(HIJRI_NAMES)

/** Collapses runs of spaces so `كانون  الثاني` finds its entry. */
function key(foldedName: string): string {
  return foldedName.replace(/\s+/g, ' ').replace(/\.$/, '').trim()
}

/** Month number 1–12 of a folded Gregorian month name, or null. */
export function gregorianMonthNumber(foldedName: string): number | null {
  return gregorianLookup.get(key(foldedName)) ?? null
}

/** Month number 1–12 of a folded Hijri month name, or null. */
export function hijriMonthNumber(foldedName: string): number | null {
  return hijriLookup.get(key(foldedName)) ?? null
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Regex alternation of folded names, longest first so `ماي` never wins over `مايو`. */
function alternation(names: Iterable<string>): string {
  const unique = [...new Set(names)].sort((a, b) => b.length - a.length)
  return unique.map((name) => escapeRegExp(name).replace(/ /g, '\\s+')).join('|')
}

export const GREGORIAN_MONTH_PATTERN = alternation(gregorianLookup.keys())
export const HIJRI_MONTH_PATTERN = alternation(hijriLookup.keys())
export const WEEKDAY_PATTERN = alternation(WEEKDAY_NAMES.map(foldArabic))
