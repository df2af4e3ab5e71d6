/**
 * Every message of the interface: the plain catalogue, the counted (plural) messages and one
 * message per error code. Each entry is an ICU message; a plain string is one too.
 */
import { catalogue } from './catalogue'
import { columns } from './columns'
import { counts } from './counts'
import { errorMessages } from './errorMessages'

export const messages = {
  ar: { ...catalogue.ar, ...counts.ar, ...errorMessages.ar, ...columns.ar },
  en: { ...catalogue.en, ...counts.en, ...errorMessages.en, ...columns.en }
} as const

export type Locale = keyof typeof messages
export type MessageKey = keyof (typeof messages)['ar']

/** Both languages define the same keys (checked by the compiler; placeholders by a unit test). */
const _sameKeys: Record<MessageKey, string> = messages.en
void _sameKeys

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(messages.ar, key)
}
