/** `warraq variants list|add|edit|remove`: the table of equivalent spellings. */
import { addVariant, listVariants, removeVariant, updateVariant } from '../core/search/variants'
import { UsageError, type CliArgs } from './args'
import { openFromArgs } from './commands'
import type { Output } from './output'

export const VARIANTS_HELP = `Usage: warraq variants list [--json]
       warraq variants add WORD WORD [WORD…]
       warraq variants edit ID WORD WORD [WORD…]
       warraq variants remove ID

Equivalent spellings normalising cannot join (سوريا سورية, ترامب ترمب), applied when searching:
a query for one finds the others. No re-indexing is needed.`

function idOf(text: string | undefined): number {
  const id = Number(text)
  if (!Number.isInteger(id) || id < 1)
    throw new UsageError('Give the id of a group (see: warraq variants list).')
  return id
}

export function variantsCommand(args: CliArgs, out: Output): void {
  const [action, ...rest] = args.positionals
  if (action !== 'list' && action !== 'add' && action !== 'edit' && action !== 'remove') {
    throw new UsageError('Say list, add, edit or remove.')
  }
  const archive = openFromArgs(args)
  try {
    if (action === 'list') {
      const groups = listVariants(archive)
      out.result(groups, () => groups.map((g) => `${g.id}\t${g.words.join(' ')}`).join('\n'))
    } else if (action === 'add') {
      const group = addVariant(archive, rest)
      out.result(group, () => `Added group ${group.id}: ${group.words.join(' ')}`)
    } else if (action === 'edit') {
      const group = updateVariant(archive, idOf(rest[0]), rest.slice(1))
      out.result(group, () => `Group ${group.id}: ${group.words.join(' ')}`)
    } else {
      const done = removeVariant(archive, idOf(rest[0]))
      out.result(done, () => `Removed group ${done.id}.`)
    }
  } finally {
    archive.close()
  }
}
