/**
 * The application menu, in the interface's language: standard roles only (their actions are
 * Electron's own), no reload or developer tools in a packaged build, and macOS's app menu.
 */
import type { Language } from '@shared/contract/desktop'
import type { MenuItemConstructorOptions } from 'electron'
import { dialogText } from './dialog-text'

export interface MenuContext {
  language: Language
  isPackaged: boolean
  platform: NodeJS.Platform
}

export function menuTemplate(context: MenuContext): MenuItemConstructorOptions[] {
  const t = dialogText(context.language)
  const mac = context.platform === 'darwin'
  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: 'Warraq',
          submenu: [
            { role: 'about', label: t.about },
            { type: 'separator' },
            { role: 'hide', label: t.hide },
            { role: 'hideOthers', label: t.hideOthers },
            { role: 'unhide', label: t.unhide },
            { type: 'separator' },
            { role: 'quit', label: t.quit }
          ]
        }
      ]
    : []
  const development: MenuItemConstructorOptions[] = context.isPackaged
    ? []
    : [
        { role: 'reload', label: t.reload },
        { role: 'toggleDevTools', label: t.devTools },
        { type: 'separator' }
      ]
  return [
    ...appMenu,
    {
      label: t.file,
      submenu: [
        { role: 'close', label: t.close },
        ...(mac ? [] : [{ role: 'quit' as const, label: t.quit }])
      ]
    },
    {
      label: t.edit,
      submenu: [
        { role: 'undo', label: t.undo },
        { role: 'redo', label: t.redo },
        { type: 'separator' },
        { role: 'cut', label: t.cut },
        { role: 'copy', label: t.copy },
        { role: 'paste', label: t.paste },
        { role: 'selectAll', label: t.selectAll }
      ]
    },
    {
      label: t.view,
      submenu: [
        ...development,
        { role: 'resetZoom', label: t.resetZoom },
        { role: 'zoomIn', label: t.zoomIn },
        { role: 'zoomOut', label: t.zoomOut },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t.fullScreen }
      ]
    },
    {
      label: t.window,
      role: 'window',
      submenu: [
        { role: 'minimize', label: t.minimize },
        ...(mac
          ? [{ role: 'front' as const, label: t.front }]
          : [{ role: 'close' as const, label: t.close }])
      ]
    },
    {
      label: t.help,
      role: 'help',
      submenu: [{ role: 'about', label: t.about }]
    }
  ]
}
