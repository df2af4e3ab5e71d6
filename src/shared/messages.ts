import type { MessageParams } from './errors'

/**
 * Fills a catalogue template's `{name}` places with a message's parameters, numbers in the
 * locale's digits. Pure, so the interface and tests share it.
 */
export function fillMessage(
  template: string,
  params: MessageParams | undefined,
  locale: string
): string {
  const numbers = new Intl.NumberFormat(locale)
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params?.[name]
    if (value === undefined) return whole
    return typeof value === 'number' ? numbers.format(value) : value
  })
}
