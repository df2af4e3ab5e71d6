/** A file chosen in the dialog or dropped on the window, with the path shown in the report. */
export interface PickedFile {
  file: File
  path: string
}

/** Hidden files and folders (.DS_Store, .git) are skipped, as the command line does. */
function hidden(path: string): boolean {
  return path.split('/').some((part) => part.startsWith('.'))
}

export function fromFileList(list: FileList | File[]): PickedFile[] {
  return Array.from(list)
    .map((file) => ({ file, path: file.webkitRelativePath || file.name }))
    .filter((p) => !hidden(p.path))
}

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject))
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject))
}

async function walk(entry: FileSystemEntry, out: PickedFile[]): Promise<void> {
  if (entry.name.startsWith('.')) return
  if (entry.isFile) {
    out.push({
      file: await fileOf(entry as FileSystemFileEntry),
      path: entry.fullPath.replace(/^\//, '')
    })
    return
  }
  if (!entry.isDirectory) return
  const reader = (entry as FileSystemDirectoryEntry).createReader()
  // readEntries answers in pages (100 in Chromium) until it gives an empty one
  for (;;) {
    const page = await readEntries(reader)
    if (page.length === 0) break
    for (const child of page) await walk(child, out)
  }
}

/** The files of a drop, folders walked recursively, in a stable order. */
export async function fromDataTransfer(data: DataTransfer): Promise<PickedFile[]> {
  const entries = Array.from(data.items)
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry())
    .filter((entry): entry is FileSystemEntry => entry !== null)
  if (entries.length === 0) return fromFileList(data.files)
  const out: PickedFile[] = []
  for (const entry of entries) await walk(entry, out)
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}
