/**
 * The importers and format detection. Each importer sniffs the decoded text; the file's extension
 * adds a hint on top, so a `.json` that is really a scraped text page still goes to the importer
 * whose sniff is surest, and an ambiguous text follows its extension.
 */
import { csvImporter } from './csv'
import { htmlImporter } from './html'
import { jsonImporter } from './json'
import { textImporter } from './text'
import type { FormatId, FormatImporter } from './types'
import { xmlImporter } from './xml'

export { csvImporter, htmlImporter, jsonImporter, textImporter, xmlImporter }

/** Structured formats first: on a tie the more specific reader wins over plain text. */
export const ALL_IMPORTERS: readonly FormatImporter[] = [
  jsonImporter,
  xmlImporter,
  htmlImporter,
  csvImporter,
  textImporter
]

/** What a matching extension adds to a sniff score. */
const EXTENSION_HINT = 0.25

function extensionOf(fileName: string): string {
  const match = /\.[^./\\]+$/.exec(fileName)
  return match ? match[0].toLowerCase() : ''
}

export function importerFor(id: FormatId): FormatImporter {
  const importer = ALL_IMPORTERS.find((i) => i.id === id)
  if (!importer) throw new Error(`No importer for format ${id}`)
  return importer
}

/**
 * The importer for a file: the forced one when the user chose a format, else the one with the
 * highest sniff score plus extension hint. Plain text is the fallback when nothing claims it.
 */
export function detectFormat(text: string, fileName: string, forced?: FormatId): FormatImporter {
  if (forced) return importerFor(forced)
  const ext = extensionOf(fileName)
  let best: FormatImporter = textImporter
  let bestScore = -1
  for (const importer of ALL_IMPORTERS) {
    const sniffed = importer.sniff(text, fileName)
    const hinted = importer.extensions.includes(ext) ? EXTENSION_HINT : 0
    const score = sniffed > 0 || importer === textImporter ? sniffed + hinted : 0
    if (score > bestScore) {
      best = importer
      bestScore = score
    }
  }
  return best
}
