import type { CorpusArticle } from './corpus'

/**
 * The corpus grown to `scale` times its size with distinct articles. Copy 0 is the corpus as it
 * is. Copy k of article i is a new article woven from real ones: every other eight-word piece of
 * i (the odd ones for odd k, the even ones for even k; a one-piece text whole) alternating with
 * as many of the other pieces of partner articles picked by k, and a title made of the first
 * half of i's title and the second half of a partner's. Two generated articles, or one and its
 * originals, share at most the inner shingles of the pieces they have in common (about a
 * quarter of their word 5-shingles, Jaccard near 0.15, far below the near-duplicate detector's
 * 0.8), so its work stays linear; the vocabulary, lengths and term frequencies stay those of real
 * news. URLs get the copy number (identity is by URL) and dates move back k years.
 */
export function* distinctArticles(
  articles: readonly CorpusArticle[],
  scale: number
): Generator<CorpusArticle> {
  const n = articles.length
  // each text cut into pieces once (cutting them again for every copy and partner was most of
  // the generator's time)
  let cut: string[][] | null = null
  for (let copy = 0; copy < scale; copy++) {
    for (let i = 0; i < n; i++) {
      const a = articles[i]
      if (copy === 0) {
        yield a
        continue
      }
      // a multiplier coprime with any corpus size we use, so partners spread over the corpus
      const j = (i + copy * 7_919 + 1) % n
      cut ??= articles.map((article) => chunks(article.content))
      const pieces = cut[i]
      // a text of one piece keeps it whole (else odd copies of it would have no body at all)
      const own = pieces.length < 2 ? pieces : pieces.filter((_, index) => index % 2 === copy % 2)
      const partner: string[] = []
      // partners' pieces until they are as many as the pieces kept of i, no more: neither side
      // dominates, and a short article with a long partner is not that partner's half (two such
      // would be near-copies of each other)
      for (let step = 0; step < 6 && partner.length < own.length; step++) {
        const other = articles[(j + step) % n]
        if (other === a) continue
        const taken = cut[(j + step) % n].filter((_, index) => index % 2 !== copy % 2)
        partner.push(...taken.slice(0, own.length - partner.length))
      }
      const b = articles[j === i ? (j + 1) % n : j]
      yield {
        source: a.source,
        url: `${a.url}${a.url.includes('?') ? '&' : '?'}copy=${copy}`,
        date_extracted: movedBack(a.date_extracted, copy),
        title: joinHalves(a.title, b.title),
        author: copy % 2 ? b.author : a.author,
        content: weave(own, partner)
      }
    }
  }
}

/** Words per piece: pieces of real phrases, short enough that each text gives several. */
const CHUNK = 8

function chunks(text: string): string[] {
  const words = text.split(/\s+/).filter(Boolean)
  const out: string[] = []
  for (let index = 0; index < words.length; index += CHUNK)
    out.push(words.slice(index, index + CHUNK).join(' '))
  return out
}

function weave(own: string[], partner: string[]): string {
  const out: string[] = []
  for (let index = 0; index < Math.max(own.length, partner.length); index++) {
    if (index < own.length) out.push(own[index])
    if (index < partner.length) out.push(partner[index])
  }
  return out.join(' ')
}

function joinHalves(first: string, second: string): string {
  const a = first.split(/\s+/).filter(Boolean)
  const b = second.split(/\s+/).filter(Boolean)
  return [...a.slice(0, Math.ceil(a.length / 2)), ...b.slice(Math.floor(b.length / 2))].join(' ')
}

function movedBack(date: string, years: number): string {
  const match = /^(\d{4})(.*)$/s.exec(date)
  return match ? `${Number(match[1]) - years}${match[2]}` : date
}
