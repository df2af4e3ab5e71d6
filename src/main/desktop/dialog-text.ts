import type { Language } from '@shared/contract/desktop'

/**
 * The words main shows itself (menus, dialog titles), in both interface languages. They live
 * here, not in the renderer's catalogue, because main cannot import the renderer.
 */
const TEXT = {
  ar: {
    importTitle: 'استيراد ملفات',
    exportTitle: 'تصدير إلى ملف',
    backupTitle: 'حفظ نسخة احتياطية',
    restoreTitle: 'استعادة من نسخة احتياطية',
    file: 'ملف',
    edit: 'تحرير',
    view: 'عرض',
    window: 'نافذة',
    help: 'مساعدة',
    about: 'عن ورّاق',
    quit: 'إنهاء ورّاق',
    close: 'إغلاق النافذة',
    undo: 'تراجع',
    redo: 'إعادة',
    cut: 'قص',
    copy: 'نسخ',
    paste: 'لصق',
    selectAll: 'تحديد الكل',
    reload: 'إعادة التحميل',
    devTools: 'أدوات المطوّر',
    resetZoom: 'الحجم الأصلي',
    zoomIn: 'تكبير',
    zoomOut: 'تصغير',
    fullScreen: 'ملء الشاشة',
    minimize: 'تصغير النافذة',
    hide: 'إخفاء ورّاق',
    hideOthers: 'إخفاء الآخرين',
    unhide: 'إظهار الكل',
    front: 'إحضار الكل إلى الأمام'
  },
  en: {
    importTitle: 'Import files',
    exportTitle: 'Export to a file',
    backupTitle: 'Save a backup',
    restoreTitle: 'Restore from a backup',
    file: 'File',
    edit: 'Edit',
    view: 'View',
    window: 'Window',
    help: 'Help',
    about: 'About Warraq',
    quit: 'Quit Warraq',
    close: 'Close Window',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    reload: 'Reload',
    devTools: 'Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullScreen: 'Full Screen',
    minimize: 'Minimize',
    hide: 'Hide Warraq',
    hideOthers: 'Hide Others',
    unhide: 'Show All',
    front: 'Bring All to Front'
  }
} as const satisfies Record<Language, Record<string, string>>

export type DialogText = Record<keyof (typeof TEXT)['en'], string>

export function dialogText(language: Language): DialogText {
  return TEXT[language]
}
