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
import { createWriteStream } from 'node:fs'
import { open, rename, unlink } from 'node:fs/promises'
import { finished } from 'node:stream/promises'
import { basename, dirname, join } from 'node:path'
import { WarraqError } from '@shared/errors'

export interface AtomicWriteOptions {
  signal?: AbortSignal
}

/** A hidden name beside the target; the random part keeps two exports from colliding. */
export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.part`)
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
  if (code === 'ENOENT') {
    return new WarraqError('io_error', `The folder ${dirname(path)} does not exist.`, {
      key: 'export.no_folder',
      params: { path: dirname(path) }
    })
  }
  if (code === 'EISDIR')
    return new WarraqError('io_error', `${path} is a folder, not a file.`, {
      key: 'export.is_folder',
      params: { path }
    })
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new WarraqError('io_error', `Warraq may not write to ${path} (${code}).`, {
      key: 'export.not_allowed',
      params: { path, code }
    })
  }
  return err
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
    await rename(temporary, path)
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
