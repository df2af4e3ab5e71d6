/**
 * A field value as text. Sources encode text in three ways, often in one dump: plain text with
 * HTML entities (`&quot;`, `&ndash;`, `&nbsp;`, `&#1575;`), HTML markup, and plain text that
 * happens to hold a `<` (`إذا كان x<y و y>z`). Entities are decoded everywhere; markup is
 * stripped only when the value holds real HTML tags, and even then a `<` that does not open a
 * tag stays text; the value's line breaks survive unless its markup is made of blocks.
 */
import { decodeHTML } from 'entities'
import { htmlFragmentToText, looksLikeHtml } from './htmlDom'

/** Tags that lay text out in blocks: with them, the markup (not the newlines) makes the lines. */
const BLOCK_MARKUP = /<\/?(?:p|br|div|li|ul|ol|h[1-6]|table|tr|blockquote|section|article)\b/i

/** HTML's element names: `<y و y>` in running text is no tag, `<span dir="rtl">` is. */
const TAG_NAMES =
  'a|abbr|article|aside|audio|b|blockquote|body|br|button|caption|center|cite|code|dd|del|div|' +
  'dl|dt|em|figcaption|figure|font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|input|' +
  'ins|label|li|link|main|mark|meta|nav|noscript|ol|option|p|picture|pre|q|s|script|section|' +
  'select|small|source|span|strike|strong|style|sub|sup|svg|table|tbody|td|textarea|th|thead|' +
  'time|title|tr|u|ul|video'

/** A `<` that opens a known tag, a closing tag, a comment or a CDATA section. */
const TAG_START = new RegExp(`<(?=/?(?:${TAG_NAMES})(?:[\\s/>])|!--|!\\[CDATA\\[)`, 'gi')

/** Escapes every `<` that does not open a real tag, so the HTML parser keeps it as text. */
function escapeStrayLessThan(html: string): string {
  let out = ''
  let last = 0
  TAG_START.lastIndex = 0
  const starts = new Set<number>()
  for (let m = TAG_START.exec(html); m; m = TAG_START.exec(html)) starts.add(m.index)
  for (let i = html.indexOf('<'); i !== -1; i = html.indexOf('<', i + 1)) {
    if (starts.has(i)) continue
    out += html.slice(last, i) + '&lt;'
    last = i + 1
  }
  return out + html.slice(last)
}

/** Entities decoded, real markup stripped, lines kept; `\r\n` and `\r` become `\n`. */
export function fieldText(raw: string): string {
  const text = raw.replace(/\r\n?/g, '\n')
  if (looksLikeHtml(text)) {
    const html = escapeStrayLessThan(text)
    // inline markup only (`<b>`, `<a>`): the value's own newlines are its paragraphs
    const laidOut = BLOCK_MARKUP.test(html) ? html : html.replace(/\n/g, '<br>')
    return htmlFragmentToText(laidOut)
  }
  return text.includes('&') ? decodeHTML(text) : text
}
