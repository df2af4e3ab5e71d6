/**
 * The `warraq` command line: batch work and scripting over the same core services as the app.
 */
import { WarraqError } from '@shared/errors'
import { parseArgs, UsageError, type CliArgs } from './cli/args'
import {
  BACKUP_HELP,
  backupCommand,
  backupsCommand,
  checkCommand,
  restoreArticleCommand,
  restoreCommand
} from './cli/backup'
import {
  rebuildIndexCommand,
  searchCommand,
  serveCommand,
  showCommand,
  statsCommand
} from './cli/commands'
import { EXPORT_HELP, exportCommand } from './cli/export'
import { importCommand } from './cli/import'
import { VARIANTS_HELP, variantsCommand } from './cli/variants'
import { createOutput, type Output } from './cli/output'

const GLOBAL_HELP = `Usage: warraq [--db FILE] <command> [options]

Commands:
  import PATH…        import files, folders and .zip archives
  search QUERY        search the archive
  export FORMAT       write articles or annotations to csv, json, annotations, csl or ris
  show UID            print one article
  stats               counts and sizes of the archive
  rebuild-index       recreate the search index from the articles
  variants            list, add, edit or remove equivalent spellings (سوريا سورية)
  serve               open the app in a browser on this machine
  backup [FILE]       make a checked backup (into the backups folder, or FILE)
  backups             list the backups, newest first
  restore FILE        replace the archive with a backup (the current one is backed up first)
  check               full integrity and fixity check of the archive and its search index
  restore-article UID restore one damaged article from the newest backup holding it intact

Global options (before or after the command):
  --db FILE           the archive file (else $WARRAQ_DB, else the per-user archive)
  --json              print only JSON on stdout
  --help              help for a command`

const HELP: Record<string, string> = {
  import: `Usage: warraq import PATH… [--format auto|txt|html|json|csv|xml] [--duplicates skip|link|import]
       [--map 'NAME=FIELD,…'] [--json]

Imports scraped text articles, HTML pages, JSON (array or one object per line), CSV with a header,
XML dumps (TREC <DOC> records, RSS), folders (recursively) and .zip archives. Every file gets a
result line: imported, duplicate, or failed with the reason; one bad file never stops a batch.
Field names are read in English and Arabic (title/العنوان, body/النص/المتن, source/المصدر/الجريدة…);
--map names the others, e.g. --map 'عنوان=title,نص=body' (FIELD: title, body, summary, source, url,
authors, published, section, tags, sourceId…); fields left unnamed are kept as extra metadata.
An exact duplicate (same identifier or URL, or same source, title and body) is skipped by default;
the same body from another paper or under another headline is imported and linked as one story.
With --json prints {"imported","duplicates","failed","files":[{"path","status","uids","reason"}]}.`,
  search: `Usage: warraq search QUERY [--limit N] [--offset N] [--json]

Query language: words, "phrases", OR / أو, AND / و, +required, -exclude, prefix*, =exact, and
filters source: author: tag: collection: entity: date:2016 date:2015-07..2016-02
has:annotations status:new. Up to 3 words, every word is required; a longer query or a
question ranks the articles that hold most of its words.`,
  export: EXPORT_HELP,
  show: 'Usage: warraq show UID [--json]\n\nPrints every field of an article.',
  stats:
    'Usage: warraq stats [--json]\n\nCounts of articles, annotations, revisions, and the size of the file and its search index.',
  'rebuild-index':
    'Usage: warraq rebuild-index [--json]\n\nRecreates the full-text index from the articles.',
  serve: `Usage: warraq serve [--db FILE] [--port N]

Serves the app on 127.0.0.1 and prints its URL once, with a fresh token. Stop with Ctrl+C.`,
  variants: VARIANTS_HELP,
  ...BACKUP_HELP
}

type Command = (args: CliArgs, out: Output) => void | number | Promise<void | number>

const COMMANDS: Record<string, Command> = {
  backup: backupCommand,
  backups: backupsCommand,
  restore: restoreCommand,
  check: checkCommand,
  'restore-article': restoreArticleCommand,
  import: importCommand,
  search: searchCommand,
  export: exportCommand,
  show: showCommand,
  stats: statsCommand,
  'rebuild-index': rebuildIndexCommand,
  variants: variantsCommand,
  serve: serveCommand
}

export async function main(argv: string[]): Promise<number> {
  let args: CliArgs
  try {
    args = parseArgs(argv)
  } catch (err) {
    process.stderr.write(`warraq: ${(err as Error).message}\n`)
    return 2
  }
  const out = createOutput(args.flags.has('json'))
  if (!args.command) {
    process.stdout.write(`${GLOBAL_HELP}\n`)
    return args.flags.has('help') ? 0 : 2
  }
  const command = COMMANDS[args.command]
  if (!command) {
    process.stderr.write(`warraq: unknown command "${args.command}".\n\n${GLOBAL_HELP}\n`)
    return 2
  }
  if (args.flags.has('help')) {
    process.stdout.write(`${HELP[args.command] ?? GLOBAL_HELP}\n`)
    return 0
  }
  try {
    return (await command(args, out)) ?? 0
  } catch (err) {
    out.done()
    if (err instanceof UsageError) {
      process.stderr.write(`warraq: ${err.message}\nSee: warraq ${args.command} --help\n`)
      return 2
    }
    const message = err instanceof WarraqError || err instanceof Error ? err.message : String(err)
    process.stderr.write(`warraq: ${message}\n`)
    return 1
  }
}

const invokedDirectly = process.argv[1] && /cli\.(ts|js|mjs)$/.test(process.argv[1])
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => {
      if (code !== 0 || !process.argv.includes('serve')) process.exitCode = code
    },
    (err: unknown) => {
      process.stderr.write(`warraq: ${String(err)}\n`)
      process.exitCode = 1
    }
  )
}
