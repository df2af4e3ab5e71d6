import { ANNOTATION_COLORS, type AnnotationColor } from '@shared/contract/annotations'
import { useI18n } from '../i18n/I18nProvider'
import { COLOR_LABEL } from '../views/workspace/colors'

/** A choice of one annotation colour, or all of them (''). */
export function ColorFilter({
  value,
  onChange,
  testId
}: {
  value: AnnotationColor | ''
  onChange(next: AnnotationColor | ''): void
  testId: string
}) {
  const { t } = useI18n()
  return (
    <select
      aria-label={t('allColors')}
      value={value}
      onChange={(e) => onChange(e.target.value as AnnotationColor | '')}
      data-testid={testId}
    >
      <option value="">{t('allColors')}</option>
      {ANNOTATION_COLORS.map((c) => (
        <option key={c} value={c}>
          {t(COLOR_LABEL[c])}
        </option>
      ))}
    </select>
  )
}
