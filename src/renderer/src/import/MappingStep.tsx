import { useEffect, useState } from 'react'
import {
  MAPPABLE_FIELDS,
  type ImportFormatChoice,
  type ImportPreview,
  type MappableField
} from '@shared/contract/imports'
import { api } from '../api/client'
import type { MessageKey } from '../i18n/catalogue'
import { useI18n } from '../i18n/I18nProvider'
import { toBase64 } from './base64'
import type { PickedFile } from './picked'

/** Each field's label: the same words the article view uses. */
const FIELD_LABEL: Record<MappableField, MessageKey> = {
  title: 'title',
  subtitle: 'subtitle',
  body: 'body',
  summary: 'summary',
  source: 'source',
  url: 'url',
  authors: 'authors',
  published: 'published',
  dateText: 'dateText',
  caption: 'caption',
  imageCredit: 'imageCredit',
  section: 'section',
  tags: 'tags',
  notes: 'notes',
  lang: 'importMapLang',
  sourceId: 'identifier'
}

/** '' keeps the field as other metadata on the article. */
type Choice = MappableField | ''

/** The file to map: one the page sent (browser), or one main keeps by handle (desktop). */
export type MappingSource =
  { kind: 'upload'; picked: PickedFile } | { kind: 'desktop'; handle: string; path: string }

interface Props {
  source: MappingSource
  format: ImportFormatChoice
  onApply: (mapping: Record<string, MappableField>) => void
}

function loadPreview(source: MappingSource, format: ImportFormatChoice): Promise<ImportPreview> {
  if (source.kind === 'desktop') {
    return api['desktop.previewFields']({ handle: source.handle, format })
  }
  const { picked } = source
  return picked.file.arrayBuffer().then((buffer) =>
    api['import.previewFields']({
      name: picked.path,
      base64: toBase64(new Uint8Array(buffer)),
      format
    })
  )
}

/**
 * A JSON or CSV file whose fields Warraq did not recognise: its field names with the first
 * records, and for each field the article field it is, guessed from the names Warraq knows.
 */
export function MappingStep({ source, format, onApply }: Props) {
  const { t } = useI18n()
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [error, setError] = useState(false)
  const [choices, setChoices] = useState<Record<string, Choice>>({})
  useEffect(() => {
    let live = true
    loadPreview(source, format).then(
      (answer) => {
        if (!live) return
        setPreview(answer)
        setChoices(Object.fromEntries(answer.fields.map((f) => [f.name, f.guess ?? ''])))
      },
      () => live && setError(true)
    )
    return () => {
      live = false
    }
  }, [source, format])
  // a file with no fields to read (malformed JSON) has its reason on its report line already
  if (error) return null
  if (!preview) return <p className="loading">{t('loading')}</p>
  const mapping = Object.fromEntries(
    Object.entries(choices).filter((entry): entry is [string, MappableField] => entry[1] !== '')
  )
  return (
    <section className="import-mapping" data-testid="import-mapping">
      <h2>{t('importMapTitle')}</h2>
      <p>
        {t('importMapHint')}{' '}
        <bdi dir="auto">{source.kind === 'desktop' ? source.path : source.picked.path}</bdi>
      </p>
      <h3>
        {t('importMapPreview')}{' '}
        <bdi data-testid="import-map-total" data-count={preview.total}>
          ({t('importMapShown', { shown: preview.records.length, total: preview.total })})
        </bdi>
      </h3>
      <div className="import-mapping-scroll">
        <table className="import-mapping-table">
          <thead>
            <tr>
              {preview.fields.map((f) => (
                <th key={f.name} scope="col">
                  <div className="import-mapping-name">
                    <bdi dir="auto">{f.name}</bdi>
                  </div>
                  <select
                    aria-label={f.name}
                    data-testid={`import-map-${f.name}`}
                    value={choices[f.name] ?? ''}
                    onChange={(e) => setChoices({ ...choices, [f.name]: e.target.value as Choice })}
                  >
                    <option value="">{t('importMapKeep')}</option>
                    {MAPPABLE_FIELDS.map((field) => (
                      <option key={field} value={field}>
                        {t(FIELD_LABEL[field])}
                      </option>
                    ))}
                  </select>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.records.map((record, i) => (
              <tr key={i}>
                {preview.fields.map((f) => (
                  <td key={f.name} dir="auto">
                    {record[f.name]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button
        type="button"
        data-testid="import-map-apply"
        disabled={Object.keys(mapping).length === 0}
        onClick={() => onApply(mapping)}
      >
        {t('importMapApply')}
      </button>
    </section>
  )
}
