import { describe, expect, it } from 'vitest'
import { detectLanguage } from '@shared/text/language'

describe('detectLanguage', () => {
  it.each([
    ['أعلنت وزارة الصحة اليوم عن حملة تطعيم جديدة في جميع المحافظات.', 'ar'],
    ['The ministry announced on Tuesday that the new plant will open next year.', 'en'],
    ['Le ministère a annoncé mardi que la nouvelle usine ouvrira l’année prochaine.', 'fr'],
    ["L'État a décidé d'augmenter les salaires des enseignants dès la rentrée.", 'fr'],
    // an Arabic article quoting an English name is still Arabic
    ['قال رئيس شركة Global Water إن المشروع سيكتمل قبل نهاية العام الجاري.', 'ar']
  ])('%s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang)
  })

  it('does not guess from too little text', () => {
    expect(detectLanguage('')).toBeNull()
    expect(detectLanguage('OK 12')).toBeNull()
  })
})
