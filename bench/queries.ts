/** The fixed query mix: common and rare words, inflected forms, phrases, prefixes, filters. */
export const QUERIES = [
  'السعودية',
  'وزير الخارجية',
  'المستشفيات',
  'والجزائر',
  '"الأمم المتحدة"',
  'اقتصاد*',
  'النفط OR الغاز',
  'التعليم -الجامعة',
  'الرياض date:2015',
  'أمير منطقة',
  'الهلال',
  'مجلس الوزراء',
  'كورونا',
  'داعش',
  'سوريا'
]
