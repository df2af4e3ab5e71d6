/**
 * A message that crossed the contract as a catalogue key and parameters (an import report's
 * reason, an error's detail), in the interface's language. The catalogue's ICU rework will
 * format plurals here.
 */
import type { MessageRef } from '@shared/errors'
import { fillMessage } from '@shared/messages'
import { catalogue, type Locale, type MessageKey } from './catalogue'

function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(catalogue.ar, key)
}

/** The text of a message reference, or null when the catalogue does not know its key. */
export function formatMessage(locale: Locale, ref: MessageRef): string | null {
  if (!isMessageKey(ref.key)) return null
  return fillMessage(catalogue[locale][ref.key], ref.params, locale)
}
