import { readdir, readFile, realpath, stat } from 'node:fs/promises'
import { basename, extname, join, sep } from 'node:path'
import type { MessageRef } from '@shared/errors'
import { ImportFormatError } from './formats/types'
import { reasons, type Reason } from './reasons'
import { readZipEntriesEach } from './zip'

/** A file to import: its bytes and the path shown in reports (`archive.zip/inner/file.json`). */
export interface InputFile {
  path: string
  name: string
  bytes: Uint8Array
}

export interface FailedInput {
  path: string
  reason: string
  reasonRef?: MessageRef
}

export type Expanded = { file: InputFile } | { failed: FailedInput }

const failed = (path: string, why: Reason): { failed: FailedInput } => ({
  failed: { path, ...why }
})

/** What a folder walk yields: a file's path, or a line for a link that is not followed. */
type Walked = { path: string } | { failed: FailedInput }

function inside(root: string, real: string): boolean {
  return real === root || real.startsWith(root.endsWith(sep) ? root : root + sep)
}

/**
 * Files of a folder, recursively, in a stable order; hidden files and folders skipped. Symbolic
 * links are followed when they resolve inside the chosen folder (a link out of it is reported,
 * not followed: a folder of links must not walk the whole disk); a folder reached twice through
 * links is a loop and is read once.
 */
async function* walk(dir: string, root: string, seen: Set<string>): AsyncGenerator<Walked> {
  const entries = await readdir(dir, { withFileTypes: true })
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue
    const full = join(dir, entry.name)
    if (entry.isSymbolicLink()) {
      let real: string
      let isDir: boolean
      try {
        real = await realpath(full)
        isDir = (await stat(real)).isDirectory()
      } catch {
        yield failed(full, reasons.brokenLink())
        continue
      }
      if (!inside(root, real)) yield failed(full, reasons.outsideFolder())
      else if (!isDir) yield { path: full }
      else if (seen.has(real)) yield failed(full, reasons.linkLoop())
      else {
        seen.add(real)
        yield* walk(full, root, seen)
      }
    } else if (entry.isDirectory()) {
      const real = await realpath(full)
      if (seen.has(real)) continue
      seen.add(real)
      yield* walk(full, root, seen)
    } else if (entry.isFile()) yield { path: full }
  }
}

export const MAX_FILE_BYTES = 200 * 1024 * 1024

/** Each entry of a zip its own line: a bad entry fails alone, the others are imported. */
function* fromZip(path: string, bytes: Uint8Array): Generator<Expanded> {
  let entries: ReturnType<typeof readZipEntriesEach>
  try {
    entries = readZipEntriesEach(bytes)
  } catch (err) {
    const error = err instanceof ImportFormatError ? err : new ImportFormatError(String(err))
    yield { failed: { path, reason: error.message, reasonRef: error.ref } }
    return
  }
  for (const entry of entries) {
    const inner = `${path}/${entry.name}`
    if ('error' in entry) {
      yield { failed: { path: inner, reason: entry.error.message, reasonRef: entry.error.ref } }
    } else if (extname(entry.name).toLowerCase() === '.zip') yield* fromZip(inner, entry.bytes)
    else yield { file: { path: inner, name: basename(entry.name), bytes: entry.bytes } }
  }
}

/** Reads one file from disk, opening zip archives into their entries. */
export async function* expandFile(path: string): AsyncGenerator<Expanded> {
  const info = await stat(path)
  if (info.size > MAX_FILE_BYTES) {
    yield failed(path, reasons.tooLarge(MAX_FILE_BYTES / 1024 / 1024))
    return
  }
  const bytes = new Uint8Array(await readFile(path))
  if (extname(path).toLowerCase() === '.zip') yield* fromZip(path, bytes)
  else yield { file: { path, name: basename(path), bytes } }
}

/** One file's expansion; a file that cannot be read is its own failed line. */
async function* expandOne(path: string): AsyncGenerator<Expanded> {
  try {
    yield* expandFile(path)
  } catch (err) {
    yield failed(path, reasons.unreadable((err as Error).message))
  }
}

/** Expands paths given by the user (files, folders, zips) into files, reporting what can't be read. */
export async function* expandPaths(paths: string[]): AsyncGenerator<Expanded> {
  for (const path of paths) {
    let info
    try {
      info = await stat(path)
    } catch {
      yield failed(path, reasons.notFound())
      continue
    }
    if (!info.isDirectory()) {
      yield* expandOne(path)
      continue
    }
    try {
      const root = await realpath(path)
      for await (const item of walk(path, root, new Set([root]))) {
        if ('failed' in item) yield item
        else yield* expandOne(item.path)
      }
    } catch (err) {
      yield failed(path, reasons.unreadable((err as Error).message))
    }
  }
}

export function* expandBuffers(files: { name: string; bytes: Uint8Array }[]): Generator<Expanded> {
  for (const f of files) {
    if (extname(f.name).toLowerCase() === '.zip') yield* fromZip(f.name, f.bytes)
    else yield { file: { path: f.name, name: basename(f.name), bytes: f.bytes } }
  }
}
