/**
 * Articles written for the export tests (our own text, not the corpus): every field filled
 * somewhere, values that start like formulas, quotes, commas, line breaks, mixed scripts,
 * an emoji, and each date precision.
 */
import type { ArticleCreateInput } from '../../src/shared/contract/articles'

export const HOSTILE_ARTICLES: ArticleCreateInput[] = [
  {
    title: '-مقال يبدأ بشرطة',
    subtitle: 'عنوان فرعي، بفاصلة و"علامات تنصيص"',
    body: 'افتتحت البلدية اليوم مكتبة الحي الجديدة، وحضر الافتتاح "جمع غفير" من السكان.\nقال مدير المكتبة: "الكتب للجميع".\n-سطر يبدأ بشرطة في وسط النص',
    source: 'صحيفة المدينة',
    authors: ['سلمى الراشد', 'Fahd, Al-Otaibi'],
    published: '2015-07-21',
    datePrecision: 'day',
    dateText: 'الثلاثاء 5 شوال 1436هـ - 21 يوليو 2015م',
    url: 'https://example.org/news?id=1,2&x="y"',
    caption: 'صورة من حفل الافتتاح',
    imageCredit: 'تصوير: نورة',
    section: 'محليات',
    status: 'catalogued',
    notes: 'ملاحظة أولى\nملاحظة ثانية',
    lang: 'ar',
    tags: ['ثقافة/مكتبات', 'بلديات'],
    collections: ['ملف الاختبار', 'مكتبات']
  },
  {
    title: '=1+1',
    subtitle: '+966 رقم هاتف',
    body: '@حساب_الصحيفة نشر الخبر أولاً.\n+ نقطة أولى\n= نتيجة',
    source: 'Daily Test',
    authors: ['@reporter'],
    published: '2016-02-01',
    datePrecision: 'month',
    dateText: 'فبراير/شباط 2016',
    section: '+رياضة',
    status: 'reviewed',
    notes: "'=already guarded looking",
    lang: 'ar',
    tags: ['رياضة'],
    collections: ['ملف الاختبار']
  },
  {
    title: '"quoted" title, with a comma',
    body: 'A short English paragraph with "quotes", commas, and a line break.\nSecond line.',
    source: 'Daily Test',
    authors: [],
    published: '2014-01-01',
    datePrecision: 'year',
    dateText: '2014',
    lang: 'en',
    status: 'new',
    collections: ['ملف الاختبار']
  },
  {
    title: '📰 خبر مع رمز تعبيري',
    body: '📰 خبر: وصل الوفد 🚗 إلى المدينة صباح الأحد.\nوتستمر الزيارة ثلاثة أيام.',
    source: 'صحيفة المدينة',
    authors: ['فريق التحرير'],
    published: '2017-03-05',
    datePrecision: 'day',
    dateText: '5 مارس 2017',
    lang: 'ar',
    collections: ['مكتبات']
  }
]
