import { describe, expect, it } from 'vitest'
import { detectArticleLanguage, detectLanguage } from '@shared/text/language'

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

describe('detectArticleLanguage', () => {
  it('gives what the joined title and body give, whatever the body holds past the sample', () => {
    const english = 'The minister said that the talks were held in the capital on Monday. '
    const arabic = 'قال الوزير إن المحادثات عقدت في العاصمة يوم الاثنين. '
    for (const [title, body] of [
      ['Talks', english.repeat(100) + arabic.repeat(200)],
      ['محادثات', arabic.repeat(10) + english.repeat(200)],
      ['', 'x'],
      ['عنوان', '']
    ]) {
      expect(detectArticleLanguage(title, body)).toBe(detectLanguage(`${title}\n${body}`))
    }
  })
})
