/**
 * Writes an export so that the file under its final name is always whole:
 * 1. the bytes stream into a temporary file in the same folder (same disk, so the rename is
 *    atomic), waiting for `drain` whenever the stream's buffer is full, so memory stays flat;
 * 2. the file is flushed to disk (fsync) before it takes its name, so a power cut cannot leave a
 *    named file of zeros;
 * 3. it is renamed over the final name (an older export there stays intact until then);
 * 4. on any failure or cancel the temporary file is removed: nothing else is ever left behind.
 */
import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { createWriteStream, existsSync, readdirSync, rmSync, statSync } from 'node:fs'
import { link, open, rename, unlink } from 'node:fs/promises'
import { finished } from 'node:stream/promises'
import { basename, dirname, join } from 'node:path'
import { WarraqError } from '@shared/errors'
import { pidAlive } from '../backup/fsutil'

export interface AtomicWriteOptions {
  signal?: AbortSignal
  /** replace a file already at `path`; without it an existing file makes the write fail */
  overwrite?: boolean
}

/**
 * A hidden name beside the target: the writer's pid (so a later export can tell a killed one's
 * leftover from one being written) and a random part (so two exports never collide).
 */
export function temporaryPathFor(path: string): string {
  return join(
    dirname(path),
    `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.part`
  )
}

const PART = /^\..+\.(?:(\d+)-)?[0-9a-f]{8}\.part$/
/** a leftover without a pid (older Warraq) is taken as abandoned once it is this old */
const UNNAMED_STALE_MS = 24 * 60 * 60 * 1000

/**
 * Removes the `.part` files that killed exports left in `folder`: those whose writer process is
 * gone. Returns the names removed. Never throws: tidying must not stop an export or an open.
 */
export function removeStaleParts(folder: string, now = Date.now()): string[] {
  const removed: string[] = []
  let names: string[]
  try {
    names = readdirSync(folder)
  } catch {
    return removed
  }
  for (const name of names) {
    const m = PART.exec(name)
    if (!m) continue
    const file = join(folder, name)
    try {
      const stale = m[1]
        ? Number(m[1]) !== process.pid && !pidAlive(Number(m[1]))
        : now - statSync(file).mtimeMs > UNNAMED_STALE_MS
      if (!stale) continue
      rmSync(file, { force: true })
      removed.push(name)
    } catch {
      // gone meanwhile, or not ours to remove
    }
  }
  return removed
}

/** File-system failures as sentences the user can act on. */
function describeWriteError(err: unknown, path: string): unknown {
  const code = (err as { code?: string }).code
  if (code === 'ENOSPC') {
    return new WarraqError(
      'disk_full',
      `The disk is full: the export to ${path} was not written. Free some space and try again.`,
      { key: 'export.disk_full', params: { path } }
    )
  }
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new WarraqError('invalid_input', `The folder ${dirname(path)} does not exist.`, {
      key: 'export.no_folder',
      params: { path: dirname(path) }
    })
  }
  if (code === 'EISDIR') {
    return new WarraqError('invalid_input', `${path} is a folder, not a file.`, {
      key: 'export.is_folder',
      params: { path }
    })
  }
  if (code === 'EEXIST') return fileExistsError(path)
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new WarraqError('io_error', `Warraq may not write to ${path} (${code}).`, {
      key: 'export.not_allowed',
      params: { path, code }
    })
  }
  return err
}

export function fileExistsError(path: string): WarraqError {
  return new WarraqError(
    'conflict',
    `${path} already exists and was left as it is. Choose another name, or confirm that it may be replaced.`,
    { key: 'export.file_exists', params: { name: basename(path) } }
  )
}

/** Flushes the folder entry of the rename too (POSIX); folders cannot be opened on Windows. */
async function syncFolder(path: string): Promise<void> {
  try {
    const folder = await open(dirname(path), 'r')
    try {
      await folder.sync()
    } finally {
      await folder.close()
    }
  } catch {
    // the data itself is already on disk; only the rename's durability is best-effort here
  }
}

/**
 * Gives the temporary file its name unless a file has it: link() fails with EEXIST if one
 * appeared meanwhile, so nothing is ever replaced. File systems without hard links (FAT and
 * exFAT drives, some network shares) get a check and a rename instead.
 */
async function renameNoReplace(temporary: string, path: string): Promise<void> {
  try {
    await link(temporary, path)
  } catch (err) {
    const code = (err as { code?: string }).code
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS')
      throw err
    if (existsSync(path)) throw fileExistsError(path)
    await rename(temporary, path)
    return
  }
  await unlink(temporary)
}

/** Writes `chunks` to `path` atomically; returns the number of bytes written. */
export async function writeFileAtomically(
  path: string,
  chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  options: AtomicWriteOptions = {}
): Promise<{ bytes: number }> {
  const temporary = temporaryPathFor(path)
  let bytes = 0
  // 'wx': never reuse something already there under the temporary name; flush: fsync before
  // the stream closes its file, so the data is on disk before the rename below
  const stream = createWriteStream(temporary, {
    flags: 'wx',
    flush: true,
    highWaterMark: 256 * 1024
  })
  // a write error is emitted between our awaits; keep it (an unheard 'error' kills the process)
  let failure: unknown = null
  stream.on('error', (err) => (failure ??= err))
  let opened = false
  stream.once('open', () => (opened = true))
  try {
    for await (const chunk of chunks) {
      options.signal?.throwIfAborted()
      if (failure) throw failure
      bytes += chunk.byteLength
      if (!stream.write(chunk)) await once(stream, 'drain')
    }
    stream.end()
    // settles once the file is flushed and closed, or with the error if the stream failed
    await finished(stream)
    if (options.overwrite) {
      await rename(temporary, path)
    } else {
      await renameNoReplace(temporary, path)
    }
  } catch (err) {
    stream.destroy()
    await finished(stream).catch(() => undefined)
    // only a file this call created is removed (never one that happened to have the name)
    if (opened) await unlink(temporary).catch(() => undefined)
    throw describeWriteError(err, path)
  }
  await syncFolder(path)
  return { bytes }
}
