import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
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

/** The corpus's zips (SaudiNewsNet: one JSON array each), in a stable order. */
export function corpusZips(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.zip'))
    .sort()
    .map((name) => join(dir, name))
}

/** The articles of the corpus's zips, as they are (to grow the corpus from, outside any timer). */
export function readArticles(zips: readonly string[]): CorpusArticle[] {
  const articles: CorpusArticle[] = []
  const decoder = new TextDecoder()
  for (const zip of zips) {
    for (const bytes of Object.values(unzipSync(new Uint8Array(readFileSync(zip))))) {
      articles.push(...(JSON.parse(decoder.decode(bytes)) as CorpusArticle[]))
    }
  }
  return articles
}

/** A corpus folder's articles (the other bench parts read it whole). */
export function readCorpus(dir: string): { articles: CorpusArticle[] } {
  return { articles: readArticles(corpusZips(dir)) }
}

/**
 * Writes articles as JSON arrays of `perFile` each into `dir`, one at a time (a million
 * articles never sit in memory at once); both sides of the benchmark then read these files.
 */
export function writeJsonFiles(
  articles: Iterable<CorpusArticle>,
  dir: string,
  perFile = 2_000
): { paths: string[]; count: number } {
  mkdirSync(dir, { recursive: true })
  const paths: string[] = []
  let batch: CorpusArticle[] = []
  let count = 0
  const flush = (): void => {
    if (!batch.length) return
    const path = join(dir, `articles-${String(paths.length).padStart(5, '0')}.json`)
    writeFileSync(path, JSON.stringify(batch))
    paths.push(path)
    batch = []
  }
  for (const a of articles) {
    batch.push(a)
    count++
    if (batch.length >= perFile) flush()
  }
  flush()
  return { paths, count }
}

/** Reads every input once, so both sides find them in the page cache; returns their bytes. */
export function warmFiles(paths: readonly string[]): number {
  let bytes = 0
  for (const path of paths) bytes += readFileSync(path).length
  return bytes
}
