/**
 * One bad record must not sink a whole JSON file: when the file does not parse as a whole, its
 * top-level array is cut into its elements (strings and nesting respected) and each is parsed on
 * its own, so the good records are imported and the bad one is reported with its position.
 */

/** A record that is not valid JSON, kept in its place with the parser's reason. */
export interface BadRecord {
  badJson: string
}

export function isBadRecord(value: unknown): value is BadRecord {
  return typeof value === 'object' && value !== null && 'badJson' in value
}

/** The source text of each element of a top-level array, or null when the text is not one. */
function splitArray(text: string): string[] | null {
  let i = 0
  while (i < text.length && /\s/.test(text[i])) i++
  if (text[i] !== '[') return null
  const elements: string[] = []
  let depth = 0
  let inString = false
  let start = i + 1
  for (i = i + 1; i < text.length; i++) {
    const c = text[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
      continue
    }
    if (c === '"') inString = true
    else if (c === '[' || c === '{') depth++
    else if (c === ']' || c === '}') {
      if (depth === 0 && c === ']') {
        if (text.slice(start, i).trim()) elements.push(text.slice(start, i))
        return elements
      }
      depth--
    } else if (c === ',' && depth === 0) {
      elements.push(text.slice(start, i))
      start = i + 1
    }
  }
  // cut short: what was read is still records, the unfinished last one a bad one
  if (text.slice(start).trim()) elements.push(text.slice(start))
  return elements
}

function parseOne(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    return { badJson: error instanceof Error ? error.message : String(error) }
  }
}

/** The elements of a broken array, each parsed or marked bad; null when it is no array. */
export function recoverArray(text: string): unknown[] | null {
  const parts = splitArray(text)
  if (!parts || parts.length < 2) return null
  return parts.map(parseOne)
}

/** JSON Lines, each line parsed or marked bad. */
export function parseLines(text: string): unknown[] {
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map(parseOne)
}
