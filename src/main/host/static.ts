import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf'
}

/** The renderer's Content-Security-Policy, the same in Electron and the browser host. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'"
].join('; ')

export interface StaticFile {
  body: Buffer
  type: string
}

/**
 * Reads a file of the built renderer for a URL path, refusing anything outside its folder;
 * unknown paths fall back to index.html (the renderer routes by itself).
 */
export async function readStatic(root: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const relative = normalize(decoded).replace(/^([/\\])+/, '')
  const file = join(root, relative)
  if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return null
  const target = await stat(file).then(
    (s) => (s.isFile() ? file : join(root, 'index.html')),
    () => (extname(relative) ? null : join(root, 'index.html'))
  )
  if (!target) return null
  const body = await readFile(target).catch(() => null)
  if (!body) return null
  return { body, type: TYPES[extname(target)] ?? 'application/octet-stream' }
}
