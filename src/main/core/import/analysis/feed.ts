/**
 * The chunks of an import in the order the writer takes them, each one's analysis asked for
 * as the writer takes the chunk before: the analysis thread prepares chunk n + 1 while the
 * writer writes chunk n. What a chunk's lexicon sees is fixed by that order (the commits up to
 * chunk n − 1), never by timing, so the same files always give the same index.
 */
import type { ParsedArticle } from '@shared/domain'
import type { Analyzer } from './analyzer'
import type { PreparedArticle } from './prepare'

export interface Chunk {
  articles: readonly ParsedArticle[]
  fileName: string
  from: number
  to: number
}

export class ChunkFeed {
  private nextUnit = 0
  private ahead: { articles: readonly ParsedArticle[]; from: number; unit: number } | null = null

  constructor(private readonly analyzer: Analyzer) {}

  /**
   * The chunk's prepared records (null where a record is unusable), once the analysis of the
   * chunk after it (`following`, which may read and parse the next file) has begun.
   */
  async take(
    chunk: Chunk,
    following: () => Promise<Chunk | null>
  ): Promise<{ unit: number; prepared: (PreparedArticle | null)[] }> {
    const ahead = this.ahead
    this.ahead = null
    let unit: number
    if (ahead !== null && ahead.articles === chunk.articles && ahead.from === chunk.from) {
      unit = ahead.unit
    } else {
      if (ahead !== null) this.analyzer.discard(ahead.unit)
      unit = await this.ask(chunk)
    }
    const prepared = await this.analyzer.result(unit)
    const next = await following()
    if (next !== null)
      this.ahead = { articles: next.articles, from: next.from, unit: await this.ask(next) }
    return { unit, prepared }
  }

  /** The unit's transaction ended: `written` are its records in the archive (none: rolled back). */
  committed(unit: number, written: number[]): void {
    this.analyzer.committed(unit, written)
  }

  private async ask(chunk: Chunk): Promise<number> {
    const unit = this.nextUnit++
    await this.analyzer.request({
      unit,
      fileName: chunk.fileName,
      articles: chunk.articles,
      from: chunk.from,
      to: chunk.to
    })
    return unit
  }
}
