/**
 * The language of an article when the data does not say: Arabic, English or French, as the
 * Maghrebi and international sources an archive holds mix them. Script decides Arabic; between
 * the Latin-script languages, frequent function words (and French's accented letters) decide.
 * Null when the text is too short or too mixed to tell.
 */

export type DetectedLanguage = 'ar' | 'en' | 'fr'

/** The opening tells the language as well as the whole does, and keeps this cheap. */
const SAMPLE = 3000
const MIN_LETTERS = 12

const EN = new Set(
  'the of and to in is that for on with as was by at from it an be are this which has have said were not but his her their will its'.split(
    ' '
  )
)
const FR = new Set(
  'le la les de des du et en un une est que qui pour dans sur par au aux avec ce cette il elle sont ont pas plus a été ses leur se ne'.split(
    ' '
  )
)

/** A letter of the Arabic script (basic, supplement and presentation forms), by code point. */
export function isArabicLetter(code: number): boolean {
  return (
    (code >= 0x0620 && code <= 0x064a) ||
    (code >= 0x066e && code <= 0x06d3) ||
    (code >= 0x0750 && code <= 0x077f) ||
    (code >= 0xfb50 && code <= 0xfdff) ||
    (code >= 0xfe70 && code <= 0xfefc)
  )
}

function isLatinLetter(code: number): boolean {
  const lower = code | 0x20
  return (lower >= 0x61 && lower <= 0x7a) || (code >= 0xc0 && code <= 0x24f && code !== 0xd7)
}

/** The language of an article's title and body (without joining the whole body to the title). */
export function detectArticleLanguage(title: string, body: string): DetectedLanguage | null {
  return detectLanguage(`${title}\n${body.slice(0, SAMPLE)}`)
}

export function detectLanguage(text: string): DetectedLanguage | null {
  const sample = text.slice(0, SAMPLE)
  let arabic = 0
  let latin = 0
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i)
    if (isArabicLetter(code)) arabic++
    else if (isLatinLetter(code)) latin++
  }
  if (arabic + latin < MIN_LETTERS) return null
  if (arabic >= latin) return 'ar'
  let en = 0
  let fr = 0
  for (const word of sample.toLowerCase().split(/[^a-zà-ÿœ']+/)) {
    const bare = word.replace(/^[ldjmnst]'/, '')
    if (word !== bare) fr++ // l'État, d'une, qu'il
    if (EN.has(bare)) en++
    if (FR.has(bare)) fr++
  }
  fr += (sample.match(/[éèêàçùûôî]/g) ?? []).length / 4
  if (en === 0 && fr === 0) return null
  return fr > en ? 'fr' : 'en'
}
