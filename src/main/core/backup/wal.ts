import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs'

const MAGIC_LE = 0x377f0682
const MAGIC_BE = 0x377f0683

/** SQLite's WAL checksum over 32-bit word pairs (https://sqlite.org/fileformat2.html#walcksm). */
function walChecksum(bytes: Buffer, bigEndian: boolean): [number, number] {
  let s0 = 0
  let s1 = 0
  for (let i = 0; i < bytes.length; i += 8) {
    const x0 = bigEndian ? bytes.readUInt32BE(i) : bytes.readUInt32LE(i)
    const x1 = bigEndian ? bytes.readUInt32BE(i + 4) : bytes.readUInt32LE(i + 4)
    s0 = (s0 + x0 + s1) >>> 0
    s1 = (s1 + x1 + s0) >>> 0
  }
  return [s0, s1]
}

export type WalState = 'absent' | 'empty' | 'valid' | 'unreadable'

/**
 * Looks at the -wal next to a database without opening it in SQLite. SQLite silently ignores
 * (and later overwrites) a -wal whose header is not valid; we look first so such a file can be
 * kept aside instead of vanishing.
 */
export function walState(dbFile: string): WalState {
  const wal = `${dbFile}-wal`
  if (!existsSync(wal)) return 'absent'
  const size = statSync(wal).size
  if (size === 0) return 'empty'
  if (size < 32) return 'unreadable'
  const header = Buffer.alloc(32)
  const fd = openSync(wal, 'r')
  try {
    readSync(fd, header, 0, 32, 0)
  } finally {
    closeSync(fd)
  }
  const magic = header.readUInt32BE(0)
  if (magic !== MAGIC_LE && magic !== MAGIC_BE) return 'unreadable'
  const [c0, c1] = walChecksum(header.subarray(0, 24), magic === MAGIC_BE)
  return c0 === header.readUInt32BE(24) && c1 === header.readUInt32BE(28) ? 'valid' : 'unreadable'
}
