import type { AnnotationColor } from '@shared/contract/annotations'
import type { MessageKey } from '../../i18n/catalogue'

export const COLOR_LABEL: Record<AnnotationColor, MessageKey> = {
  yellow: 'colorYellow',
  green: 'colorGreen',
  blue: 'colorBlue',
  pink: 'colorPink',
  orange: 'colorOrange',
  purple: 'colorPurple'
}

export const splitTags = (value: string): string[] =>
  value
    .split(/[,،]/)
    .map((s) => s.trim())
    .filter(Boolean)
