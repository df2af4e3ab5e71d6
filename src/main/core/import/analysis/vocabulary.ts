/**
 * The analysis thread's words: each distinct normalised word once, with its stem and its count in
 * the lexicon (lexicon-answers.ts), found by one lookup per token. The lexicon counts every word
 * of every written record; done with the words as strings, that was a second and a third lookup
 * per token in maps of a quarter of a million words (3 s of the thread's 17 over the corpus).
 * Here a record keeps its words as these entries, and counting reads their fields.
 *
 * It gives exactly what analyzeForIndex and wordCounter give: the same stems, asked again
 * whenever the stemmer's memo was cleared (as a stem asked for every token would be), and the
 * same counts, in the same order (tested against them).
 */
import type { IndexedText } from '@shared/text/analyze'
import type { CountedStemmer } from '@shared/text/stem'
import { wordsOf } from '@shared/text/tokenize'
import { wordHash } from '../minhash'

/** A word of the import, with what the lexicon and the stemmer said of it. */
export interface Word {
  readonly text: string
  stem: string
  /** the stemmer's generation when `stem` was made (-1: not yet) */
  stemmedIn: number
  /** its count in the lexicon (0, 1 or 2), as read or set at `countedIn` */
  count: number
  countedIn: number
  /** while a commit is being counted: the last record that had it, and how many did (≤ 2) */
  pendingRecord: number
  pendingSeen: number
  /** the word's FNV-1a hash, as minhash.ts hashes the words of a body for its shingles */
  readonly fnv: number
}

/** A field as analyzeForIndex gives it, its words as entries. */
export interface VocabularyField extends Omit<IndexedText, 'words'> {
  words: readonly Word[]
  /** each word's FNV-1a hash (minhash.ts), kept with the word: the text is not scanned again */
  wordHashes: Uint32Array
}

/** Words kept before the vocabulary starts afresh (a news corpus has a few hundred thousand). */
const WORDS_LIMIT = 2_000_000

export class Vocabulary {
  private byText = new Map<string, Word>()
  /** starting afresh makes a new epoch: an older entry's count is read again */
  private epoch = 0
  private pending: Word[] = []
  private records = 0

  constructor(
    private readonly stemmer: CountedStemmer,
    private readonly counts: () => Map<string, number> | null
  ) {}

  /** Before a chunk: a vocabulary past its bound starts afresh (never inside a chunk). */
  beginChunk(): void {
    if (this.byText.size >= WORDS_LIMIT && this.pending.length === 0) {
      this.byText = new Map()
      this.epoch++
    }
  }

  analyze(text: string): VocabularyField {
    const norms = wordsOf(text)
    const words = new Array<Word>(norms.length)
    const stems = new Array<string>(norms.length)
    const wordHashes = new Uint32Array(norms.length)
    const generation = this.stemmer.generation
    for (let i = 0; i < norms.length; i++) {
      const norm = norms[i]
      let word = this.byText.get(norm)
      if (word === undefined) word = this.add(norm)
      if (word.stemmedIn !== generation()) {
        word.stem = this.stemmer.stem(norm)
        // read after stemming: a stem that cleared the memo is itself in the new one
        word.stemmedIn = generation()
      }
      words[i] = word
      stems[i] = word.stem
      wordHashes[i] = word.fnv
    }
    return { surface: norms.join(' '), stems: stems.join(' '), words, wordHashes }
  }

  /** One written record's words, as wordCounter's `add` counts them. */
  countRecord(fields: readonly (readonly Word[])[]): void {
    const record = ++this.records
    for (const words of fields) {
      for (let i = 0; i < words.length; i++) {
        const word = words[i]
        if (this.countOf(word) === 2) continue
        if (word.pendingRecord === 0) {
          word.pendingRecord = record
          word.pendingSeen = 1
          this.pending.push(word)
        } else if (word.pendingRecord !== record && word.pendingSeen < 2) {
          word.pendingRecord = record
          word.pendingSeen++
        }
      }
    }
  }

  /** The counted records committed: the counts they changed, as wordCounter's `apply`. */
  applyCounts(): [string, number][] {
    const counts = this.counts()
    const changed: [string, number][] = []
    for (const word of this.pending) {
      const count = Math.min(2, this.countOf(word) + word.pendingSeen)
      counts?.set(word.text, count)
      word.count = count
      word.countedIn = this.epoch
      word.pendingRecord = 0
      word.pendingSeen = 0
      changed.push([word.text, count])
    }
    this.pending = []
    this.records = 0
    return changed
  }

  /** A count the archive's lexicon changed (another analyser's chunk), set in the counts too. */
  noteCount(text: string, count: number): void {
    const word = this.byText.get(text)
    if (word !== undefined) {
      word.count = count
      word.countedIn = this.epoch
    }
  }

  private countOf(word: Word): number {
    if (word.countedIn !== this.epoch) {
      word.count = this.counts()?.get(word.text) ?? 0
      word.countedIn = this.epoch
    }
    return word.count
  }

  private add(text: string): Word {
    const word: Word = {
      text,
      stem: '',
      stemmedIn: -1,
      count: 0,
      countedIn: -1,
      pendingRecord: 0,
      pendingSeen: 0,
      fnv: wordHash(text)
    }
    this.byText.set(text, word)
    return word
  }
}
