#!/usr/bin/env node
// Makes the app's icons from resources/icon.svg: the 1024×1024 PNG source, the 512 and 256 PNGs
// for Linux (resources/icons/NxN.png, the names electron-builder reads), and the Windows .ico and
// macOS .icns made from the 1024 PNG. The outputs are committed; run this again only when the SVG
// changes. The letter is drawn with the Noto Naskh Arabic the interface ships (@fontsource), shaped
// by Chromium (the one the end-to-end tests use: /usr/bin/chromium or WARRAQ_CHROMIUM), so the
// result does not depend on the fonts of the machine.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import png2icons from 'png2icons'
import { chromium } from 'playwright-core'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const RESOURCES = join(ROOT, 'resources')
const require = createRequire(join(ROOT, 'package.json'))

const browserPath = [process.env.WARRAQ_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  .filter(Boolean)
  .find((file) => existsSync(file))
if (!browserPath) {
  process.stderr.write('make-icons needs a Chromium: install one or set WARRAQ_CHROMIUM.\n')
  process.exit(1)
}

const font = readFileSync(
  require.resolve('@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-700-normal.woff2')
).toString('base64')
const svg = readFileSync(join(RESOURCES, 'icon.svg'), 'utf8')
const html = `<!doctype html><html><head><style>
@font-face { font-family: 'Warraq Naskh'; font-weight: 700;
  src: url(data:font/woff2;base64,${font}) format('woff2'); }
html, body { margin: 0; background: transparent; }
svg { display: block; width: 100vw; height: 100vh; }
</style></head><body>${svg}</body></html>`

const browser = await chromium.launch({ executablePath: browserPath, args: ['--no-sandbox'] })
try {
  const shots = {}
  for (const size of [1024, 512, 256]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } })
    await page.setContent(html)
    // runs in the page: wait until the Naskh face has loaded before the shot
    await page.evaluate(() => globalThis.document.fonts.ready)
    shots[size] = await page.screenshot({ omitBackground: true, type: 'png' })
    await page.close()
  }
  mkdirSync(join(RESOURCES, 'icons'), { recursive: true })
  writeFileSync(join(RESOURCES, 'icon.png'), shots[1024])
  writeFileSync(join(RESOURCES, 'icons', '512x512.png'), shots[512])
  writeFileSync(join(RESOURCES, 'icons', '256x256.png'), shots[256])
  // .ico: PNG-compressed entries 16…256; .icns: every size macOS asks for, from the 1024 source
  const ico = png2icons.createICO(shots[1024], png2icons.BICUBIC2, 0, true, true)
  const icns = png2icons.createICNS(shots[1024], png2icons.BICUBIC2, 0)
  if (!ico || !icns) throw new Error('png2icons could not convert resources/icon.png')
  writeFileSync(join(RESOURCES, 'icon.ico'), ico)
  writeFileSync(join(RESOURCES, 'icon.icns'), icns)
  process.stdout.write(
    'Wrote resources/icon.png, icons/512x512.png, icons/256x256.png, icon.ico, icon.icns\n'
  )
} finally {
  await browser.close()
}
