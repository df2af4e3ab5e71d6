/** Reading dates as Arabic news sources print them. See find.ts for the entry points. */
export { findDateInText, parseArabicDate } from './find'
export { foldArabic } from './normalize'
export { hijriToGregorian, isValidGregorian } from './calendar'
export type { CalendarDate } from './calendar'
export type { DateMatch, ParsedDate } from './types'
export { instantOf, parseIsoDateTime } from './iso'
export type { MachineDate } from './iso'
