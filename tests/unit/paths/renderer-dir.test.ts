import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { findRendererDir } from '../../../src/main/host/renderer-dir'
import { tempDir } from '../../helpers/archive'

const SOURCE_PAGE =
  '<!doctype html><div id="root"></div><script type="module" src="/src/main.tsx"></script>'
const BUILT_PAGE =
  '<!doctype html><script type="module" crossorigin src="/assets/index-abc.js"></script>'

function page(file: string, html: string): void {
  mkdirSync(join(file, '..'), { recursive: true })
  writeFileSync(file, html)
}

describe('the interface the browser host serves', () => {
  let tmp: ReturnType<typeof tempDir>
  afterEach(() => tmp.cleanup())

  it('is never the source page, from source or from the build', () => {
    tmp = tempDir()
    const root = join(tmp.dir, 'checkout')
    page(join(root, 'src', 'renderer', 'index.html'), SOURCE_PAGE)
    mkdirSync(join(root, 'src', 'main', 'host'), { recursive: true })
    // not built yet: nothing to serve (serve then says so in one sentence)
    expect(findRendererDir(join(root, 'src', 'main', 'host'))).toBeNull()

    page(join(root, 'out', 'renderer', 'index.html'), BUILT_PAGE)
    mkdirSync(join(root, 'out', 'main', 'chunks'), { recursive: true })
    const built = join(root, 'out', 'renderer')
    expect(findRendererDir(join(root, 'src', 'main', 'host'))).toBe(built)
    expect(findRendererDir(join(root, 'out', 'main'))).toBe(built)
    expect(findRendererDir(join(root, 'out', 'main', 'chunks'))).toBe(built)
  })

  it('is found inside a packaged app, even under a folder named renderer', () => {
    tmp = tempDir()
    const app = join(tmp.dir, 'renderer', 'resources', 'app.asar')
    page(join(app, 'out', 'renderer', 'index.html'), BUILT_PAGE)
    mkdirSync(join(app, 'out', 'main'), { recursive: true })
    expect(findRendererDir(join(app, 'out', 'main'))).toBe(join(app, 'out', 'renderer'))
  })
})
