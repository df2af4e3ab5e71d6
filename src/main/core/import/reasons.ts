/**
 * The reasons on import report lines: each an English sentence (the CLI prints it, logs keep it)
 * and a catalogue key with its parameters, which the interface shows in Arabic or English.
 */
import type { MessageRef } from '@shared/errors'

export interface Reason {
  reason: string
  reasonRef: MessageRef
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

const make = (reason: string, key: string, params?: MessageRef['params']): Reason => ({
  reason,
  reasonRef: params ? { key, params } : { key }
})

export const reasons = {
  alreadyInArchive: (count: number): Reason =>
    make(`Already in the archive (${plural(count, 'article')}).`, 'import.already_in_archive', {
      count
    }),
  noArticle: (): Reason => make('No article in the file has a title or text.', 'import.no_article'),
  notSaved: (detail: string): Reason =>
    make(`The file could not be saved: ${detail}`, 'import.not_saved', { detail }),
  possibleDuplicates: (count: number): Reason =>
    make(`${plural(count, 'possible duplicate')} to review.`, 'import.possible_duplicates', {
      count
    }),
  storyCopies: (count: number): Reason =>
    make(
      `Imported as another printing of ${plural(count, 'story')} already in the archive, linked.`,
      'import.story_copies',
      { count }
    ),
  notFound: (): Reason => make('No such file or folder.', 'import.not_found'),
  tooLarge: (megabytes: number): Reason =>
    make(`The file is larger than ${megabytes} MB.`, 'import.too_large', { megabytes }),
  unreadable: (detail: string): Reason =>
    make(`The file could not be read: ${detail}`, 'import.unreadable', { detail }),
  outsideFolder: (): Reason =>
    make(
      'The link points outside the chosen folder, so it was not followed.',
      'import.link_outside'
    ),
  linkLoop: (): Reason =>
    make('The link leads back into a folder already being read (a loop).', 'import.link_loop'),
  brokenLink: (): Reason =>
    make('The link points to nothing (its target is missing).', 'import.link_broken'),
  stopped: (written: number, total: number): Reason =>
    make(
      `Stopped after ${written} of ${total} records; import the file again to add the rest.`,
      'import.stopped',
      { written, total }
    ),
  /** the line of a file being imported, as the report holds it until the file is done */
  interrupted: (done: number, total: number): Reason =>
    make(
      `Interrupted after ${done} of ${total} records; import the file again to add the rest.`,
      'import.interrupted',
      { done, total }
    ),
  /** a reason the renderer gave for a file it could not send (too large, unreadable) */
  rejected: (detail: string): Reason => make(detail, 'import.rejected', { detail }),
  /** CSV records that could not be read because a quote opened in them never closes */
  unclosedQuote: (sentence: string, count: number, line: number): Reason =>
    make(sentence, 'import.csv_unclosed_quote', { count, line }),
  /** records of a structured file that are not articles, and records with no title or text */
  skipped: (sentence: string, skipped: number, unusable: number, first: string): Reason =>
    make(sentence, 'import.records_skipped', { skipped: skipped + unusable, first })
}
