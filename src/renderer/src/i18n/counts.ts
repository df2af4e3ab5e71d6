/**
 * Messages with a count, in ICU syntax. Arabic needs all six plural categories of
 * `Intl.PluralRules('ar')`: zero (0), one (1), two (2), few (3–10, 103–110…), many (11–99…),
 * other (100, 101, 102…); the noun changes with each (مقال، مقالان، مقالات، مقالاً). `#` is the
 * count, written in the interface's digits.
 */
export const counts = {
  ar: {
    countArticles:
      '{count, plural, zero {لا مقالات} one {مقال واحد} two {مقالان} few {# مقالات} many {# مقالاً} other {# مقال}}',
    countResults:
      '{count, plural, zero {لا نتائج} one {نتيجة واحدة} two {نتيجتان} few {# نتائج} many {# نتيجةً} other {# نتيجة}}',
    countFiles:
      '{count, plural, zero {لا ملفات} one {ملف واحد} two {ملفان} few {# ملفات} many {# ملفاً} other {# ملف}}',
    countFailedFiles:
      '{count, plural, zero {لم يفشل أي ملف} one {فشل ملف واحد} two {فشل ملفان} few {فشلت # ملفات} many {فشل # ملفاً} other {فشل # ملف}}',
    countDuplicates:
      '{count, plural, zero {لا مكررات} one {مكرر واحد} two {مكرران} few {# مكررات} many {# مكرراً} other {# مكرر}}',
    countAnnotations:
      '{count, plural, zero {لا تعليقات} one {تعليق واحد} two {تعليقان} few {# تعليقات} many {# تعليقاً} other {# تعليق}}',
    countPairs:
      '{count, plural, zero {لا أزواج للمراجعة} one {زوج واحد للمراجعة} two {زوجان للمراجعة} few {# أزواج للمراجعة} many {# زوجاً للمراجعة} other {# زوج للمراجعة}}',
    countCharacters:
      '{count, plural, zero {لا أحرف} one {حرف واحد} two {حرفان} few {# أحرف} many {# حرفاً} other {# حرف}}',
    countSelected:
      '{count, plural, zero {لم يُحدَّد شيء} one {حُدِّد مقال واحد} two {حُدِّد مقالان} few {حُدِّدت # مقالات} many {حُدِّد # مقالاً} other {حُدِّد # مقال}}',
    countUpdated:
      '{count, plural, zero {لم يُعدَّل شيء} one {عُدِّل مقال واحد} two {عُدِّل مقالان} few {عُدِّلت # مقالات} many {عُدِّل # مقالاً} other {عُدِّل # مقال}}',
    countResultsAtLeast:
      '{count, plural, zero {# نتيجة على الأقل} one {نتيجة واحدة على الأقل} two {نتيجتان على الأقل} few {# نتائج على الأقل} many {# نتيجةً على الأقل} other {# نتيجة على الأقل}}',
    countResultsAbout:
      '{count, plural, zero {نحو # في الجملة} one {نحو نتيجة واحدة في الجملة} two {نحو نتيجتين في الجملة} few {نحو # نتائج في الجملة} many {نحو # نتيجةً في الجملة} other {نحو # نتيجة في الجملة}}',
    searchNewestAmong:
      '{count, plural, zero {كلمات شائعة جداً: أحدث # نتيجة أضيفت إلى الأرشيف، ما في عنوانه الكلمات أولاً ثم الأحدث تاريخاً} one {كلمات شائعة جداً: أحدث نتيجة أضيفت إلى الأرشيف} two {كلمات شائعة جداً: أحدث نتيجتين أضيفتا إلى الأرشيف، ما في عنوانه الكلمات أولاً ثم الأحدث تاريخاً} few {كلمات شائعة جداً: أحدث # نتائج أضيفت إلى الأرشيف، ما في عنوانه الكلمات أولاً ثم الأحدث تاريخاً} many {كلمات شائعة جداً: أحدث # نتيجةً أضيفت إلى الأرشيف، ما في عنوانه الكلمات أولاً ثم الأحدث تاريخاً} other {كلمات شائعة جداً: أحدث # نتيجة أضيفت إلى الأرشيف، ما في عنوانه الكلمات أولاً ثم الأحدث تاريخاً}}',
    facetsAmong:
      '{count, plural, zero {محسوبة على # من النتائج} one {محسوبة على نتيجة واحدة} two {محسوبة على نتيجتين} few {محسوبة على # من النتائج} many {محسوبة على # من النتائج} other {محسوبة على # من النتائج}}',
    findPosition: '{current} من {count}',
    movedToTrash:
      '{count, plural, zero {لم يُنقل شيء} one {نُقل مقال واحد إلى السلة} two {نُقل مقالان إلى السلة} few {نُقلت # مقالات إلى السلة} many {نُقل # مقالاً إلى السلة} other {نُقل # مقال إلى السلة}}'
  },
  en: {
    countArticles: '{count, plural, =0 {no articles} one {# article} other {# articles}}',
    countResults: '{count, plural, =0 {no results} one {# result} other {# results}}',
    countFiles: '{count, plural, =0 {no files} one {# file} other {# files}}',
    countFailedFiles:
      '{count, plural, =0 {no failed files} one {# failed file} other {# failed files}}',
    countDuplicates: '{count, plural, =0 {no duplicates} one {# duplicate} other {# duplicates}}',
    countAnnotations:
      '{count, plural, =0 {no annotations} one {# annotation} other {# annotations}}',
    countPairs:
      '{count, plural, =0 {no pairs to review} one {# pair to review} other {# pairs to review}}',
    countCharacters: '{count, plural, one {# character} other {# characters}}',
    countSelected: '{count, plural, =0 {nothing selected} one {# selected} other {# selected}}',
    countUpdated:
      '{count, plural, =0 {nothing updated} one {# article updated} other {# articles updated}}',
    countResultsAtLeast: '{count, plural, one {at least # result} other {at least # results}}',
    countResultsAbout: '{count, plural, one {about # in all} other {about # in all}}',
    searchNewestAmong:
      '{count, plural, one {Very common words: the most recently added match} other {Very common words: the # most recently added matches, those with the words in their title first, then by date}}',
    facetsAmong:
      '{count, plural, one {counted over # of the matches} other {counted over # of the matches}}',
    findPosition: '{current} of {count}',
    movedToTrash:
      '{count, plural, =0 {nothing moved} one {# article moved to the trash} other {# articles moved to the trash}}'
  }
} as const
