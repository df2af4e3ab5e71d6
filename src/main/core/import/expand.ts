import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import { readZipEntries } from './zip'

/** A file to import: its bytes and the path shown in reports (`archive.zip/inner/file.json`). */
export interface InputFile {
  path: string
  name: string
  bytes: Uint8Array
}

export type Expanded = { file: InputFile } | { failed: { path: string; reason: string } }

/** Files of a folder, recursively, in a stable order; hidden files and folders skipped. */
async function* walk(dir: string): AsyncGenerator<string> {
  const entries = await readdir(dir, { withFileTypes: true })
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue
    const full = join(dir, entry.name)
    if (entry.isDirectory()) yield* walk(full)
    else if (entry.isFile()) yield full
  }
}

export const MAX_FILE_BYTES = 200 * 1024 * 1024

function* fromZip(path: string, bytes: Uint8Array): Generator<Expanded> {
  let entries: { name: string; bytes: Uint8Array }[]
  try {
    entries = readZipEntries(bytes)
  } catch (err) {
    yield { failed: { path, reason: (err as Error).message } }
    return
  }
  for (const entry of entries) {
    const inner = `${path}/${entry.name}`
    if (extname(entry.name).toLowerCase() === '.zip') yield* fromZip(inner, entry.bytes)
    else yield { file: { path: inner, name: basename(entry.name), bytes: entry.bytes } }
  }
}

/** Reads one file from disk, opening zip archives into their entries. */
export async function* expandFile(path: string): AsyncGenerator<Expanded> {
  const info = await stat(path)
  if (info.size > MAX_FILE_BYTES) {
    yield {
      failed: { path, reason: `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB.` }
    }
    return
  }
  const bytes = new Uint8Array(await readFile(path))
  if (extname(path).toLowerCase() === '.zip') yield* fromZip(path, bytes)
  else yield { file: { path, name: basename(path), bytes } }
}

/** Expands paths given by the user (files, folders, zips) into files, reporting what can't be read. */
export async function* expandPaths(paths: string[]): AsyncGenerator<Expanded> {
  for (const path of paths) {
    let info
    try {
      info = await stat(path)
    } catch {
      yield { failed: { path, reason: 'No such file or folder.' } }
      continue
    }
    try {
      if (info.isDirectory()) {
        for await (const file of walk(path)) yield* expandFile(file)
      } else {
        yield* expandFile(path)
      }
    } catch (err) {
      yield { failed: { path, reason: `The file could not be read: ${(err as Error).message}` } }
    }
  }
}

export function* expandBuffers(files: { name: string; bytes: Uint8Array }[]): Generator<Expanded> {
  for (const f of files) {
    if (extname(f.name).toLowerCase() === '.zip') yield* fromZip(f.name, f.bytes)
    else yield { file: { path: f.name, name: basename(f.name), bytes: f.bytes } }
  }
}
