import {
  ANNOTATION_COLORS,
  type Annotation,
  type AnnotationColor,
  type AnnotationUpdateInput
} from '@shared/contract/annotations'
import { useState, type FormEvent } from 'react'
import { EntityPicker, type PickedEntity } from '../../components/EntityPicker'
import { useI18n } from '../../i18n/I18nProvider'
import { COLOR_LABEL, splitTags } from './colors'

interface Props {
  annotation: Annotation
  onSave(input: AnnotationUpdateInput): Promise<void>
  onClose(): void
}

/** Changes the note, tags, colour and entity of an annotation, from the side panel. */
export function AnnotationEditor({ annotation: a, onSave, onClose }: Props) {
  const { t } = useI18n()
  const [note, setNote] = useState(a.note ?? '')
  const [tags, setTags] = useState(a.tags.join('، '))
  const [color, setColor] = useState<AnnotationColor>(a.color)
  const [entity, setEntity] = useState<PickedEntity | null>(
    a.entityUid ? { uid: a.entityUid, name: a.entityName ?? a.entityUid } : null
  )

  const submit = (e: FormEvent): void => {
    e.preventDefault()
    void onSave({
      uid: a.uid,
      note: note.trim() || null,
      tags: splitTags(tags),
      color,
      entityUid: entity?.uid ?? null
    }).then(onClose)
  }

  return (
    <form className="annotation-editor" onSubmit={submit} data-testid="annotation-editor">
      <label className="field">
        <span>{t('addNote')}</span>
        <textarea
          dir="auto"
          rows={3}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          data-testid="edit-note"
        />
      </label>
      <label className="field">
        <span>{t('tags')}</span>
        <input
          dir="auto"
          placeholder={t('tagsHint')}
          value={tags}
          onChange={(e) => setTags(e.target.value)}
          data-testid="edit-tags"
        />
      </label>
      <fieldset className="color-choice">
        <legend>{t('color')}</legend>
        {ANNOTATION_COLORS.map((c) => (
          <label key={c} className={`swatch swatch-${c}`} title={t(COLOR_LABEL[c])}>
            <input
              type="radio"
              name={`color-${a.uid}`}
              value={c}
              checked={color === c}
              onChange={() => setColor(c)}
              aria-label={t(COLOR_LABEL[c])}
              data-testid={`edit-color-${c}`}
            />
          </label>
        ))}
      </fieldset>
      <EntityPicker value={entity} onChange={setEntity} />
      <div className="row-actions">
        <button type="submit" data-testid="edit-save">
          {t('save')}
        </button>
        <button type="button" onClick={onClose}>
          {t('cancel')}
        </button>
      </div>
    </form>
  )
}
