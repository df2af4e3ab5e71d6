import { readFileSync } from 'node:fs'

export interface Spread {
  p50: number
  p95: number
  max: number
  samples: number
}

const round2 = (n: number): number => Math.round(n * 100) / 100

/** The nearest-rank percentile (the smallest value with at least p% of the values at or below). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]
}

export function spread(values: readonly number[]): Spread {
  return {
    p50: round2(percentile(values, 50)),
    p95: round2(percentile(values, 95)),
    max: round2(values.length ? Math.max(...values) : Number.NaN),
    samples: values.length
  }
}

/** This process's I/O counters (all its threads): bytes passed to write(), bytes sent to storage. */
export interface Io {
  wchar: number
  writeBytes: number
}

/** Linux's /proc/self/io, or null where there is none. */
export function ioNow(): Io | null {
  try {
    const text = readFileSync('/proc/self/io', 'utf8')
    const field = (name: string): number =>
      Number(new RegExp(`^${name}: (\\d+)$`, 'm').exec(text)?.[1])
    return { wchar: field('wchar'), writeBytes: field('write_bytes') }
  } catch {
    return null
  }
}

export interface Timed<T> {
  value: T
  seconds: number
  /** CPU time of the whole process over wall time (2 cores: up to 2) */
  cpuShare: number
  io: Io | null
}

/** Runs `work` once, with its wall time, CPU share and the bytes it wrote. */
export async function timed<T>(work: () => T | Promise<T>): Promise<Timed<T>> {
  const io0 = ioNow()
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  const value = await work()
  const seconds = (performance.now() - t0) / 1000
  const cpu = process.cpuUsage(cpu0)
  const io1 = ioNow()
  return {
    value,
    seconds,
    cpuShare: round2((cpu.user + cpu.system) / 1e6 / seconds),
    io:
      io0 && io1
        ? { wchar: io1.wchar - io0.wchar, writeBytes: io1.writeBytes - io0.writeBytes }
        : null
  }
}

/** One query of the mix on both sides; `plain` is null where plain FTS5 cannot say it. */
export interface QueryPair {
  warraq: () => void
  plain: (() => void) | null
}

/**
 * Times the pairs: `warmup` untimed rounds, then `rounds` timed ones. Within a round the two
 * sides of each query run back to back, the side that goes first alternating by query and by
 * round, so neither always finds the caches the other left. Returns each query's samples.
 */
export function timeInterleaved(
  pairs: readonly QueryPair[],
  rounds: number,
  warmup: number
): { warraq: number[][]; plain: number[][] } {
  const warraq = pairs.map((): number[] => [])
  const plain = pairs.map((): number[] => [])
  const time = (run: () => void): number => {
    const t0 = performance.now()
    run()
    return performance.now() - t0
  }
  for (let r = 0; r < warmup + rounds; r++) {
    pairs.forEach((pair, i) => {
      const sides: [() => void, number[]][] = [[pair.warraq, warraq[i]]]
      if (pair.plain) sides.push([pair.plain, plain[i]])
      if ((r + i) % 2 === 0) sides.reverse()
      for (const [run, samples] of sides) {
        const ms = time(run)
        if (r >= warmup) samples.push(ms)
      }
    })
  }
  return { warraq, plain }
}
