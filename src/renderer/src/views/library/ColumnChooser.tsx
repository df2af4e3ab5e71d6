import { useI18n } from '../../i18n/I18nProvider'
import { COLUMN_KEYS, COLUMNS, type ColumnKey } from './columns'

/** Which columns show, and in which order (title always shows). */
export function ColumnChooser({
  columns,
  onChange
}: {
  columns: ColumnKey[]
  onChange: (c: ColumnKey[]) => void
}) {
  const { t } = useI18n()
  const hidden = COLUMN_KEYS.filter((k) => !columns.includes(k))
  const move = (i: number, by: number): void => {
    const next = [...columns]
    const [key] = next.splice(i, 1)
    next.splice(Math.max(0, Math.min(next.length, i + by)), 0, key)
    onChange(next)
  }
  return (
    <details className="column-chooser">
      <summary>{t('libColumns')}</summary>
      <ul>
        {[...columns, ...hidden].map((key) => {
          const i = columns.indexOf(key)
          return (
            <li key={key}>
              <label>
                <input
                  type="checkbox"
                  checked={i >= 0}
                  disabled={key === 'title'}
                  onChange={() =>
                    onChange(i >= 0 ? columns.filter((c) => c !== key) : [...columns, key])
                  }
                />
                {t(COLUMNS[key].label)}
              </label>
              {i >= 0 ? (
                <>
                  <button
                    type="button"
                    aria-label={t('libMoveEarlier')}
                    onClick={() => move(i, -1)}
                  >
                    ↑
                  </button>
                  <button type="button" aria-label={t('libMoveLater')} onClick={() => move(i, 1)}>
                    ↓
                  </button>
                </>
              ) : null}
            </li>
          )
        })}
      </ul>
    </details>
  )
}
