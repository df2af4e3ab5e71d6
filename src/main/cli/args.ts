/** Parsed command line: global options may stand before or after the subcommand. */
export interface CliArgs {
  command: string | undefined
  positionals: string[]
  flags: Map<string, string | true>
}

/** Options that take a value; all others are boolean switches. */
const WITH_VALUE = new Set([
  'map',
  'db',
  'port',
  'limit',
  'format',
  'duplicates',
  'out',
  'collection',
  'query',
  'shape',
  'columns',
  'corpus',
  'scale',
  'offset',
  'from'
])

export class UsageError extends Error {
  override name = 'UsageError'
}

export function parseArgs(argv: string[]): CliArgs {
  const positionals: string[] = []
  const flags = new Map<string, string | true>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1))
      break
    }
    if (arg === '-h') {
      flags.set('help', true)
      continue
    }
    if (!arg.startsWith('--') || arg === '--') {
      positionals.push(arg)
      continue
    }
    const eq = arg.indexOf('=')
    const name = arg.slice(2, eq === -1 ? undefined : eq)
    if (eq !== -1) {
      flags.set(name, arg.slice(eq + 1))
    } else if (WITH_VALUE.has(name)) {
      const value = argv[i + 1]
      if (value === undefined || value.startsWith('--'))
        throw new UsageError(`--${name} needs a value.`)
      flags.set(name, value)
      i++
    } else {
      flags.set(name, true)
    }
  }
  return { command: positionals.shift(), positionals, flags }
}

export function flagString(args: CliArgs, name: string): string | undefined {
  const value = args.flags.get(name)
  return typeof value === 'string' ? value : undefined
}

export function flagNumber(args: CliArgs, name: string): number | undefined {
  const value = flagString(args, name)
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isFinite(n)) throw new UsageError(`--${name} must be a number, not "${value}".`)
  return n
}
