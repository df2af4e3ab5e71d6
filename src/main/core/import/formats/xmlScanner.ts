/**
 * A tolerant tag scanner for XML-ish dumps. TREC and other SGML collections are often not
 * well-formed — many records with no single root, `&` unescaped, `<P>` never closed — so instead of
 * a strict XML parser this reads tags and text in one pass and repairs as it goes: a closing tag
 * closes the nearest open element of that name (or is ignored), a `<` that opens no tag and an
 * unknown entity stay text. DTDs are skipped, never expanded (no entity bombs), and nothing
 * recurses, so deep nesting cannot overflow the stack.
 */

export interface XmlElement {
  /** the name as written, with any namespace prefix (`dc:creator`) */
  name: string
  attrs: Record<string, string>
  parent: XmlElement | null
  children: XmlNode[]
}
export type XmlNode = XmlElement | string

const NAME = /^[A-Za-z_][\w.:-]*/

export function scanXml(text: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, parent: null, children: [] }
  let current = root
  let i = 0
  const addText = (t: string): void => {
    if (t) current.children.push(t)
  }
  while (i < text.length) {
    const lt = text.indexOf('<', i)
    if (lt === -1) {
      addText(decodeEntities(text.slice(i)))
      break
    }
    if (lt > i) addText(decodeEntities(text.slice(i, lt)))
    if (text.startsWith('<!--', lt)) {
      i = skipPast(text, lt + 4, '-->')
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9)
      addText(text.slice(lt + 9, end === -1 ? text.length : end))
      i = end === -1 ? text.length : end + 3
    } else if (text.startsWith('<!', lt)) {
      i = skipDeclaration(text, lt)
    } else if (text.startsWith('<?', lt)) {
      i = skipPast(text, lt + 2, '?>')
    } else if (text[lt + 1] === '/') {
      const name = NAME.exec(text.slice(lt + 2, lt + 200))?.[0]
      const gt = text.indexOf('>', lt)
      if (!name || gt === -1) {
        addText('<')
        i = lt + 1
        continue
      }
      current = closeElement(current, name)
      i = gt + 1
    } else {
      const tag = readStartTag(text, lt)
      if (!tag) {
        addText('<') // "a < b" in a lenient dump: just text
        i = lt + 1
        continue
      }
      const el: XmlElement = { name: tag.name, attrs: tag.attrs, parent: current, children: [] }
      current.children.push(el)
      if (!tag.selfClosing) current = el
      i = tag.end
    }
  }
  return root
}

function skipPast(text: string, from: number, marker: string): number {
  const end = text.indexOf(marker, from)
  return end === -1 ? text.length : end + marker.length
}

/** `<!DOCTYPE …>` with an optional `[ … ]` internal subset. */
function skipDeclaration(text: string, from: number): number {
  let depth = 0
  for (let i = from + 2; i < text.length; i++) {
    const c = text[i]
    if (c === '[') depth++
    else if (c === ']') depth--
    else if (c === '>' && depth <= 0) return i + 1
  }
  return text.length
}

/** Closes the nearest open element with this name (case-insensitive); a stray close is ignored. */
function closeElement(current: XmlElement, name: string): XmlElement {
  const lower = name.toLowerCase()
  for (let el: XmlElement | null = current; el && el.parent; el = el.parent) {
    if (el.name.toLowerCase() === lower) return el.parent
  }
  return current
}

interface StartTag {
  name: string
  attrs: Record<string, string>
  selfClosing: boolean
  end: number
}

const ATTR = /([A-Za-z_:][\w.:-]*)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>/=`]+)))?/y

function readStartTag(text: string, lt: number): StartTag | null {
  const name = NAME.exec(text.slice(lt + 1, lt + 200))?.[0]
  if (!name) return null
  const attrs: Record<string, string> = {}
  let i = lt + 1 + name.length
  while (i < text.length) {
    const c = text[i]
    if (c === '>') return { name, attrs, selfClosing: false, end: i + 1 }
    if (c === '/' && text[i + 1] === '>') return { name, attrs, selfClosing: true, end: i + 2 }
    if (/\s/.test(c) || c === '/') {
      i++
      continue
    }
    ATTR.lastIndex = i
    const m = ATTR.exec(text)
    if (!m) return null // not a tag after all: `<abc "` … is left as text
    attrs[m[1]] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '')
    i = ATTR.lastIndex
  }
  return null
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  copy: '©',
  reg: '®',
  zwnj: '\u200c',
  zwj: '\u200d',
  lrm: '\u200e',
  rlm: '\u200f'
}

/** XML's five entities, numeric references and a few common HTML names; the rest stay as text. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[A-Za-z]{2,8});/g, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref] ?? NAMED[ref.toLowerCase()] ?? whole
    const code =
      ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1))
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
    return valid ? String.fromCodePoint(code) : whole
  })
}

/** The element's text; child elements (TREC `<P>`) start new lines; blank lines dropped. */
export function elementText(el: XmlElement): string {
  let text = ''
  const stack: (XmlNode | null)[] = [...el.children].reverse()
  while (stack.length > 0) {
    const node = stack.pop()
    if (node === undefined) break
    if (node === null) text += '\n'
    else if (typeof node === 'string') text += node
    else {
      text += '\n'
      stack.push(null)
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i])
    }
  }
  return text
    .split(/\r?\n|\r/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n')
}

/** Lower-case name without namespace prefix: `dc:Creator` → `creator`. */
export function localName(el: XmlElement): string {
  const name = el.name.toLowerCase()
  return name.slice(name.indexOf(':') + 1)
}

export function childElements(el: XmlElement): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string')
}
