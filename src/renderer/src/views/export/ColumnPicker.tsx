import { useI18n } from '../../i18n/I18nProvider'

/** A column in the interface's words, and its name as the file's header writes it. */
function ColumnName({ column }: { column: string }) {
  const { tryT } = useI18n()
  const label = tryT(`col.${column}`)
  return (
    <>
      {label ? <span className="column-label">{label}</span> : null}
      <bdi dir="ltr" className="column-header">
        {column}
      </bdi>
    </>
  )
}

/** Columns to export: tick to include, arrows to order (the file follows this order). */
export function ColumnPicker({
  all,
  chosen,
  onChange
}: {
  all: readonly string[]
  chosen: string[]
  onChange(next: string[]): void
}) {
  const { t, tag } = useI18n()
  // the order numbers in the interface's digits (١. ٢. … or 1. 2. …)
  const arabicDigits = new Intl.NumberFormat(tag).format(1) === '١'
  const rest = all.filter((c) => !chosen.includes(c))
  const move = (index: number, delta: -1 | 1): void => {
    const next = [...chosen]
    const [column] = next.splice(index, 1)
    next.splice(Math.max(0, Math.min(next.length, index + delta)), 0, column)
    onChange(next)
  }
  return (
    <fieldset className="column-picker" data-testid="export-columns">
      <legend>{t('exportColumns')}</legend>
      <ol style={{ listStyleType: arabicDigits ? 'arabic-indic' : 'decimal' }}>
        {chosen.map((column, i) => (
          <li key={column}>
            <label>
              <input
                type="checkbox"
                checked
                disabled={chosen.length === 1}
                onChange={() => onChange(chosen.filter((c) => c !== column))}
              />
              <ColumnName column={column} />
            </label>
            <button type="button" aria-label={t('exportEarlier')} onClick={() => move(i, -1)}>
              ↑
            </button>
            <button type="button" aria-label={t('exportLater')} onClick={() => move(i, 1)}>
              ↓
            </button>
          </li>
        ))}
      </ol>
      {rest.length > 0 ? (
        <div className="column-rest">
          {rest.map((column) => (
            <label key={column}>
              <input
                type="checkbox"
                checked={false}
                onChange={() => onChange([...chosen, column])}
              />
              <ColumnName column={column} />
            </label>
          ))}
        </div>
      ) : null}
    </fieldset>
  )
}
