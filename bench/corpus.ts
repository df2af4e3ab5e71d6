import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { unzipSync } from 'fflate'

export interface CorpusArticle {
  source: string
  url: string
  date_extracted: string
  title: string
  author: string
  content: string
}

/** Reads SaudiNewsNet's zips (one JSON array each) as they are. */
export function readCorpus(dir: string): {
  files: { name: string; bytes: Uint8Array }[]
  articles: CorpusArticle[]
} {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.zip'))
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }))
  const articles: CorpusArticle[] = []
  for (const file of files) {
    for (const bytes of Object.values(unzipSync(file.bytes))) {
      articles.push(...(JSON.parse(new TextDecoder().decode(bytes)) as CorpusArticle[]))
    }
  }
  return { files, articles }
}

/**
 * The corpus multiplied to `scale` times its size, each copy varied (a copy marker in title and
 * body, paragraphs rotated) so that duplicate detection does not drop it and the index grows.
 */
export function scaledJsonFiles(
  articles: CorpusArticle[],
  scale: number,
  perFile = 2_000
): { name: string; bytes: Uint8Array }[] {
  const files: { name: string; bytes: Uint8Array }[] = []
  let batch: CorpusArticle[] = []
  const encoder = new TextEncoder()
  const flush = (): void => {
    if (!batch.length) return
    files.push({
      name: `scaled-${String(files.length).padStart(5, '0')}.json`,
      bytes: encoder.encode(JSON.stringify(batch))
    })
    batch = []
  }
  for (let copy = 0; copy < scale; copy++) {
    for (const a of articles) {
      if (copy === 0) batch.push(a)
      else {
        const paragraphs = a.content.split('\n')
        const shift = copy % Math.max(1, paragraphs.length)
        const rotated = [...paragraphs.slice(shift), ...paragraphs.slice(0, shift)]
        batch.push({
          ...a,
          title: `${a.title} (${copy})`,
          content: `${rotated.join('\n')}\nنسخة ${copy}`
        })
      }
      if (batch.length >= perFile) flush()
    }
  }
  flush()
  return files
}
