/**
 * Lone surrogates: UTF-16 halves without their pair (a JSON `"\ud800"`, a string cut in the middle
 * of an emoji). SQLite stores them as invalid UTF-8 and they come back as three U+FFFD, so they are
 * refused at the contract and replaced by one U+FFFD where imported text enters.
 */
const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const LONE_ALL = new RegExp(LONE.source, 'g')

// the engine's own check (ES2024), a single pass many times faster than the look-around regex
const isWellFormed = (String.prototype as { isWellFormed?: (this: string) => boolean }).isWellFormed

export function hasLoneSurrogate(text: string): boolean {
  return isWellFormed !== undefined ? !isWellFormed.call(text) : LONE.test(text)
}

/** The text with each lone surrogate replaced by one U+FFFD. */
export function replaceLoneSurrogates(text: string): string {
  return hasLoneSurrogate(text) ? text.replace(LONE_ALL, '\uFFFD') : text
}

/** The path (`a.b.0`) of the first string in a JSON-like value holding a lone surrogate, or null. */
export function findLoneSurrogate(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return hasLoneSurrogate(value) ? path || 'input' : null
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findLoneSurrogate(value[i], path ? `${path}.${i}` : String(i))
      if (found) return found
    }
    return null
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found =
        findLoneSurrogate(key, path ? `${path}.${key}` : key) ??
        findLoneSurrogate(item, path ? `${path}.${key}` : key)
      if (found) return found
    }
  }
  return null
}

/** A JSON-like value with every string's lone surrogates replaced (the value itself if none). */
export function replaceLoneSurrogatesDeep<T>(value: T): T {
  if (typeof value === 'string') return replaceLoneSurrogates(value) as T
  if (Array.isArray(value)) return value.map((v: unknown) => replaceLoneSurrogatesDeep(v)) as T
  if (value && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        replaceLoneSurrogates(k),
        replaceLoneSurrogatesDeep(v)
      ])
    ) as T
  }
  return value
}
