/** Where the CLI writes: with --json, stdout carries only JSON; everything else goes to stderr. */
export interface Output {
  json: boolean
  /** the command's result: JSON with --json, else the human text */
  result(value: unknown, human: () => string): void
  /** progress and notes, on stderr, only on a terminal and never with --json */
  progress(line: string): void
  done(): void
}

export function createOutput(json: boolean): Output {
  const tty = process.stderr.isTTY === true && !json
  let live = false
  return {
    json,
    result(value, human) {
      if (live) {
        process.stderr.write('\n')
        live = false
      }
      process.stdout.write(json ? `${JSON.stringify(value)}\n` : `${human()}\n`)
    },
    progress(line) {
      if (!tty) return
      process.stderr.write(`\r\x1b[2K${line.slice(0, (process.stderr.columns ?? 100) - 1)}`)
      live = true
    },
    done() {
      if (live) process.stderr.write('\n')
      live = false
    }
  }
}
