/**
 * Equivalent spellings that normalising cannot join (سوريا/سورية, ترامب/ترمب, مسؤول/مسئول).
 * The table lives in the database and users can edit it; this module is the seed and the pure
 * lookup. Entries are single words; they are normalised before comparison, so أوباما and اوباما
 * need no group.
 */
import { normalizeText } from './normalize'

/** Seed groups of equivalent single-word spellings, as people write them. */
export const DEFAULT_VARIANT_GROUPS: readonly (readonly string[])[] = [
  ['سوريا', 'سورية'],
  ['ليبيا', 'ليبية'],
  ['روسيا', 'روسية'],
  ['تركيا', 'تركية'],
  ['بريطانيا', 'بريطانية'],
  ['ألمانيا', 'ألمانية'],
  ['إيطاليا', 'إيطالية'],
  ['إسبانيا', 'إسبانية'],
  ['أمريكا', 'أميركا', 'امريكة'],
  ['أمريكي', 'أميركي'],
  ['أوكرانيا', 'أوكرانية'],
  ['أوروبا', 'أوربا'],
  ['أستراليا', 'أوستراليا'],
  ['موسكو', 'موسكوا'],
  ['واشنطن', 'واشنطون'],
  ['بروكسل', 'بروكسيل'],
  ['جنيف', 'جينيف'],
  ['بوتين', 'بوتن'],
  ['ترامب', 'ترمب'],
  ['نتنياهو', 'نتانياهو'],
  ['أردوغان', 'اردغان'],
  ['خامنئي', 'خامنيي'],
  ['كلينتون', 'كلنتون'],
  ['كورونا', 'كرونا'],
  ['فيروس', 'فايروس'],
  ['إنترنت', 'إنترنيت'],
  ['تلفزيون', 'تليفزيون', 'تلفاز'],
  ['ديمقراطية', 'ديموقراطية'],
  ['تكنولوجيا', 'تكنلوجيا'],
  ['مسؤول', 'مسئول'],
  ['مسؤولية', 'مسئولية'],
  ['شؤون', 'شئون'],
  ['يوتيوب', 'يوتوب'],
  ['فيسبوك', 'فيسبووك'],
  ['ماكرون', 'ماكرن'],
  ['زيلينسكي', 'زيلنسكي'],
  ['ميركل', 'ميركيل'],
  ['هيلاري', 'هلاري'],
  ['غوغل', 'جوجل', 'قوقل'],
  ['البنتاغون', 'البنتاجون'],
  ['الكونغرس', 'الكونجرس'],
  ['إنجلترا', 'إنكلترا'],
  ['الفاتيكان', 'الفاتكان'],
  ['نيجيريا', 'نيجريا'],
  ['كولومبيا', 'كولمبيا'],
  ['ماليزيا', 'ماليزية'],
  ['إندونيسيا', 'إندونيسية'],
  ['كوريا', 'كورية'],
  ['قيرغيزستان', 'قرغيزستان'],
  ['ستوكهولم', 'استوكهولم']
]

type VariantGroups = readonly (readonly string[])[]

// Lookup indexes per groups array: the table is reused for every query word.
const INDEX_CACHE = new WeakMap<VariantGroups, Map<string, string[]>>()

function variantIndex(groups: VariantGroups): Map<string, string[]> {
  let index = INDEX_CACHE.get(groups)
  if (index !== undefined) return index
  index = new Map()
  for (const group of groups) {
    const members = [...new Set(group.map((w) => normalizeText(w).trim()).filter((w) => w !== ''))]
    for (const member of members) {
      const known = index.get(member) ?? []
      for (const other of members) if (other !== member && !known.includes(other)) known.push(other)
      index.set(member, known)
    }
  }
  INDEX_CACHE.set(groups, index)
  return index
}

/**
 * The normalised alternatives of a normalised word (not including the word itself), from every
 * group it belongs to; [] when it has none.
 */
export function expandVariants(
  normWord: string,
  groups: VariantGroups = DEFAULT_VARIANT_GROUPS
): string[] {
  return [...(variantIndex(groups).get(normWord) ?? [])]
}
