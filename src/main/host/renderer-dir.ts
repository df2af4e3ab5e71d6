import { existsSync, readFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** A built page loads bundled assets; the source page (`src/renderer/index.html`) loads `.tsx`. */
function isBuiltInterface(dir: string): boolean {
  const page = join(dir, 'index.html')
  if (!existsSync(page)) return false
  return !/src=["'][^"']*\.tsx["']/.test(readFileSync(page, 'utf8'))
}

/**
 * The built renderer, `out/renderer`, found by walking up from this module: from source (tsx:
 * `src/main/host` → the checkout's `out/renderer`) or from the build (`out/main` → its sibling
 * `renderer`, also inside a packaged app). Only a folder named `renderer` inside one named `out`
 * counts, and only if its page is built, so the source page `src/renderer/index.html`, which
 * a browser cannot run, is never served.
 */
export function findRendererDir(
  from: string = dirname(fileURLToPath(import.meta.url))
): string | null {
  let dir = from
  for (let i = 0; i < 8; i++) {
    const candidates = [join(dir, 'out', 'renderer')]
    if (basename(dir) === 'out') candidates.unshift(join(dir, 'renderer'))
    const found = candidates.find(isBuiltInterface)
    if (found) return found
    const parent = dirname(dir)
    if (parent === dir) break
    dir = parent
  }
  return null
}
