import type { VariantGroup } from '@shared/contract/variants'
import { useState } from 'react'
import { api } from '../api/client'
import { ErrorBanner } from '../components/ErrorBanner'
import { useCall } from '../data/calls'
import { announceChange } from '../data/queryClient'
import { useI18n } from '../i18n/I18nProvider'

const wordsOf = (text: string): string[] => text.split(/[\s،,]+/).filter(Boolean)

/** One group, edited as the words separated by spaces. */
function GroupRow(props: {
  group: VariantGroup
  onChanged: () => void
  onError: (e: unknown) => void
}) {
  const { t } = useI18n()
  const [text, setText] = useState(props.group.words.join(' '))
  const changed = text.trim() !== props.group.words.join(' ')
  return (
    <li data-testid="variant-group">
      <input dir="auto" value={text} onChange={(e) => setText(e.target.value)} />
      <button
        type="button"
        disabled={!changed}
        onClick={() =>
          void api['variants.update']({ id: props.group.id, words: wordsOf(text) }).then(
            props.onChanged,
            props.onError
          )
        }
      >
        {t('save')}
      </button>
      <button
        type="button"
        onClick={() =>
          void api['variants.remove']({ id: props.group.id }).then(props.onChanged, props.onError)
        }
      >
        {t('delete')}
      </button>
    </li>
  )
}

/** The table of equivalent spellings: list, add, edit, remove; applied at the next search. */
export function VariantsView() {
  const { t } = useI18n()
  const list = useCall('variants.list', {})
  const groups = list.data
  // a refused add, edit or removal, shown until the next one succeeds
  const [error, setError] = useState<unknown>(null)
  const [draft, setDraft] = useState('')
  const load = (): void => {
    setError(null)
    announceChange()
  }
  return (
    <section className="variants-view">
      <h1>{t('variantsTitle')}</h1>
      <p dir="auto">{t('variantsHint')}</p>
      <ErrorBanner error={error ?? list.error} />
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void api['variants.add']({ words: wordsOf(draft) }).then(() => {
            setDraft('')
            load()
          }, setError)
        }}
      >
        <input
          dir="auto"
          value={draft}
          placeholder="سوريا سورية"
          data-testid="variant-new"
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit">{t('variantsAdd')}</button>
      </form>
      <ul className="variant-groups">
        {groups?.map((g) => (
          <GroupRow
            key={`${g.id}:${g.words.join(' ')}`}
            group={g}
            onChanged={load}
            onError={setError}
          />
        ))}
      </ul>
    </section>
  )
}
